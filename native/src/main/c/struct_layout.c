/*
 * struct_layout.c - offsets, widths and constants of the kernel, libc and liburing structs the
 * Java binding touches, taken from the headers this machine builds against.
 *
 * Built by the Maven build (native/pom.xml runs the Makefile beside this file):
 *   gcc -O2 -Wall -Wextra -Werror -fPIC -shared -o liburingdio.so struct_layout.c
 * It links nothing: liburing's header is read at compile time, its library is not needed.
 */
#define _GNU_SOURCE
#include "struct_layout.h"

#include <fcntl.h>
#include <linux/falloc.h>
#include <linux/fiemap.h>
#include <linux/fs.h>
#include <linux/perf_event.h>
#include <liburing.h>
#include <stddef.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/statfs.h>
#include <sys/uio.h>
#include <sys/xattr.h>

struct field_fact {
	const char *strct;
	const char *field; /* NULL: the struct as a whole */
	long offset;
	long size;
};

#define FIELD(s, f) { #s, #f, (long)offsetof(struct s, f), (long)sizeof(((struct s *)0)->f) }
#define WHOLE(s) { #s, NULL, 0, (long)sizeof(struct s) }
/* A flexible array member: its offset is a fact, its size is 0. */
#define FLEX(s, f) { #s, #f, (long)offsetof(struct s, f), 0 }

static const struct field_fact fields[] = {
	WHOLE(io_uring_sqe),
	FIELD(io_uring_sqe, opcode),
	FIELD(io_uring_sqe, flags),
	FIELD(io_uring_sqe, ioprio),
	FIELD(io_uring_sqe, fd),
	FIELD(io_uring_sqe, off),
	FIELD(io_uring_sqe, addr),
	FIELD(io_uring_sqe, len),
	FIELD(io_uring_sqe, rw_flags),
	FIELD(io_uring_sqe, user_data),
	FIELD(io_uring_sqe, buf_index),
	FIELD(io_uring_sqe, personality),
	FIELD(io_uring_sqe, file_index),
	FIELD(io_uring_sqe, addr3),
	FIELD(io_uring_sqe, __pad2),

	WHOLE(io_uring_cqe),
	FIELD(io_uring_cqe, user_data),
	FIELD(io_uring_cqe, res),
	FIELD(io_uring_cqe, flags),

	WHOLE(io_uring),
	FIELD(io_uring, sq.khead),
	FIELD(io_uring, sq.ktail),
	FIELD(io_uring, sq.kflags),
	FIELD(io_uring, sq.kdropped),
	FIELD(io_uring, sq.array),
	FIELD(io_uring, sq.sqes),
	FIELD(io_uring, sq.sqe_head),
	FIELD(io_uring, sq.sqe_tail),
	FIELD(io_uring, sq.ring_mask),
	FIELD(io_uring, sq.ring_entries),
	FIELD(io_uring, cq.khead),
	FIELD(io_uring, cq.ktail),
	FIELD(io_uring, cq.koverflow),
	FIELD(io_uring, cq.cqes),
	FIELD(io_uring, cq.ring_mask),
	FIELD(io_uring, cq.ring_entries),
	FIELD(io_uring, flags),
	FIELD(io_uring, ring_fd),
	FIELD(io_uring, features),

	WHOLE(io_uring_params),
	FIELD(io_uring_params, sq_entries),
	FIELD(io_uring_params, cq_entries),
	FIELD(io_uring_params, flags),
	FIELD(io_uring_params, sq_thread_cpu),
	FIELD(io_uring_params, sq_thread_idle),
	FIELD(io_uring_params, features),
	FIELD(io_uring_params, wq_fd),

	WHOLE(io_uring_probe),
	FIELD(io_uring_probe, last_op),
	FIELD(io_uring_probe, ops_len),
	FLEX(io_uring_probe, ops),
	WHOLE(io_uring_probe_op),
	FIELD(io_uring_probe_op, op),
	FIELD(io_uring_probe_op, flags),

	WHOLE(iovec),
	FIELD(iovec, iov_base),
	FIELD(iovec, iov_len),

	WHOLE(fiemap),
	FIELD(fiemap, fm_start),
	FIELD(fiemap, fm_length),
	FIELD(fiemap, fm_flags),
	FIELD(fiemap, fm_mapped_extents),
	FIELD(fiemap, fm_extent_count),
	FLEX(fiemap, fm_extents),
	WHOLE(fiemap_extent),
	FIELD(fiemap_extent, fe_logical),
	FIELD(fiemap_extent, fe_physical),
	FIELD(fiemap_extent, fe_length),
	FIELD(fiemap_extent, fe_flags),

	WHOLE(statfs),
	FIELD(statfs, f_type),
	FIELD(statfs, f_bsize),
	FIELD(statfs, f_blocks),
	FIELD(statfs, f_bfree),
	FIELD(statfs, f_bavail),
	FIELD(statfs, f_flags),

	/* The bit-field word after read_format (disabled is its bit 0) has no offsetof: it is
	 * the u64 between read_format and wakeup_events, which these two pin down. */
	WHOLE(perf_event_attr),
	FIELD(perf_event_attr, type),
	FIELD(perf_event_attr, size),
	FIELD(perf_event_attr, config),
	FIELD(perf_event_attr, sample_period),
	FIELD(perf_event_attr, sample_type),
	FIELD(perf_event_attr, read_format),
	FIELD(perf_event_attr, wakeup_events),
};

struct constant_fact {
	const char *name;
	long value;
};

#define CONSTANT(c) { #c, (long)(c) }

static const struct constant_fact constants[] = {
	CONSTANT(O_RDONLY), CONSTANT(O_WRONLY), CONSTANT(O_RDWR), CONSTANT(O_CREAT),
	CONSTANT(O_EXCL), CONSTANT(O_TRUNC), CONSTANT(O_DIRECT), CONSTANT(O_CLOEXEC),
	CONSTANT(PROT_READ), CONSTANT(PROT_WRITE), CONSTANT(MAP_PRIVATE), CONSTANT(MAP_SHARED),
	CONSTANT(MAP_ANONYMOUS), CONSTANT(MADV_DONTNEED),
	CONSTANT(POSIX_FADV_DONTNEED),
	CONSTANT(FS_IOC_FIEMAP), CONSTANT(FIEMAP_FLAG_SYNC), CONSTANT(FIEMAP_EXTENT_LAST),
	CONSTANT(FIEMAP_EXTENT_ENCODED), CONSTANT(FIEMAP_EXTENT_DATA_INLINE),
	CONSTANT(FIEMAP_EXTENT_UNWRITTEN), CONSTANT(FIEMAP_EXTENT_SHARED),
	CONSTANT(FS_IOC_GETFLAGS), CONSTANT(FS_IOC_SETFLAGS), CONSTANT(FS_NOCOW_FL),
	CONSTANT(BLKSSZGET), CONSTANT(XATTR_CREATE),
	CONSTANT(IORING_OP_NOP), CONSTANT(IORING_OP_READV), CONSTANT(IORING_OP_READ_FIXED),
	CONSTANT(IORING_OP_READ), CONSTANT(IORING_OP_LAST),
	CONSTANT(IOSQE_FIXED_FILE), CONSTANT(IOSQE_ASYNC), CONSTANT(IO_URING_OP_SUPPORTED),
	CONSTANT(IORING_SETUP_IOPOLL), CONSTANT(IORING_SETUP_SQPOLL),
	CONSTANT(IORING_SETUP_COOP_TASKRUN), CONSTANT(IORING_SETUP_SINGLE_ISSUER),
	CONSTANT(IORING_SETUP_DEFER_TASKRUN), CONSTANT(IORING_SETUP_SQE128),
	CONSTANT(IORING_SETUP_CQE32), CONSTANT(IORING_SQ_NEED_WAKEUP),
	CONSTANT(RWF_NOWAIT), CONSTANT(RWF_HIPRI),
	CONSTANT(SYS_perf_event_open), CONSTANT(PERF_TYPE_TRACEPOINT), CONSTANT(PERF_FLAG_FD_CLOEXEC),
	CONSTANT(PERF_EVENT_IOC_ENABLE), CONSTANT(PERF_EVENT_IOC_DISABLE), CONSTANT(PERF_EVENT_IOC_RESET),
	CONSTANT(PERF_EVENT_IOC_SET_FILTER), CONSTANT(MS_NOSUID), CONSTANT(MS_NODEV), CONSTANT(MS_NOEXEC),
};

long uringdio_offsetof(const char *strct, const char *field)
{
	size_t i;

	if (!strct || !field)
		return -1;
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (fields[i].field && !strcmp(fields[i].strct, strct) && !strcmp(fields[i].field, field))
			return fields[i].offset;
	return -1;
}

long uringdio_sizeof(const char *strct, const char *field)
{
	size_t i;

	if (!strct)
		return -1;
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		if (strcmp(fields[i].strct, strct))
			continue;
		if (!field && !fields[i].field)
			return fields[i].size;
		if (field && fields[i].field && !strcmp(fields[i].field, field))
			return fields[i].size;
	}
	return -1;
}

long uringdio_constant(const char *name, int *found)
{
	size_t i;

	*found = 0;
	if (!name)
		return -1;
	for (i = 0; i < sizeof(constants) / sizeof(constants[0]); i++) {
		if (!strcmp(constants[i].name, name)) {
			*found = 1;
			return constants[i].value;
		}
	}
	return -1;
}
