/*
 * struct_layout.h - the C facts the Java binding relies on, exported by name.
 *
 * The binding writes io_uring SQEs and reads CQEs and liburing's struct io_uring by field
 * offset from Java (see IoUringSqe.java for why). Each offset, width and constant it uses is
 * looked up here, as the C compiler sees them in the installed headers, and compared at load
 * time, so a header that moved a field stops the binding instead of corrupting a ring.
 */
#ifndef URINGDIO_STRUCT_LAYOUT_H
#define URINGDIO_STRUCT_LAYOUT_H

/* Byte offset of `field` in `struct`, or -1 if the table has no such field. */
long uringdio_offsetof(const char *strct, const char *field);

/* Size in bytes of `field` in `struct`; with field NULL, of the struct itself; -1 if unknown. */
long uringdio_sizeof(const char *strct, const char *field);

/* Value of a named constant (O_DIRECT, IORING_OP_READV, FS_IOC_FIEMAP, ...), or -1 with *found = 0. */
long uringdio_constant(const char *name, int *found);

#endif
