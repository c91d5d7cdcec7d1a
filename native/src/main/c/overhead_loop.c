/*
 * overhead_loop.c - the physical limit the Java binding is measured against: the same two loops
 * as uringdio.bench.BindingOverheadBenchmark, written directly against liburing.
 *
 *   uring-overhead-loop nop <ops> <rounds>
 *       NOP submit-and-reap round trips: get_sqe, prep_nop, submit_and_wait(1), peek, cqe_seen.
 *       Prints one ns/op figure per round, then their median.
 *   uring-overhead-loop read <file> <block_size> <ops> <seed>
 *       QD1 O_DIRECT reads of block_size at pseudo-random aligned offsets (the Java loop uses the
 *       same generator and seed), each timed from prep to reaped completion, each checked for
 *       its length and bytes against a reference copy read with pread first.
 *       Prints the median, mean, p99 and the count of bad reads.
 *   uring-overhead-loop offsets <blocks> <block_size> <count> <seed>
 *       Prints the first count offsets the read mode would read from a file of that many
 *       blocks, one a line: what the Java loop's offsets are checked against.
 *
 * Output is key=value lines, read by uringdio.overhead.OverheadComparison.
 *
 * Built by the Maven build (native/pom.xml runs the Makefile beside this file):
 *   gcc -O2 -Wall -Wextra -Werror -o uring-overhead-loop overhead_loop.c -luring
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <liburing.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static uint64_t now_ns(void)
{
	struct timespec ts;

	/* CLOCK_MONOTONIC: what System.nanoTime() reads on Linux. */
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static void die(const char *call, int err)
{
	fprintf(stderr, "uring-overhead-loop: %s: %s\n", call, strerror(err));
	exit(1);
}

static int compare_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static int compare_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* One NOP submitted and reaped: the round trip the Java binding is held to. */
static void nop_round_trip(struct io_uring *ring)
{
	struct io_uring_sqe *sqe;
	struct io_uring_cqe *cqe;
	int ret;

	sqe = io_uring_get_sqe(ring);
	io_uring_prep_nop(sqe);
	sqe->user_data = 1;
	ret = io_uring_submit_and_wait(ring, 1);
	if (ret < 0)
		die("io_uring_submit_and_wait", -ret);
	ret = io_uring_peek_cqe(ring, &cqe);
	if (ret < 0)
		die("io_uring_peek_cqe", -ret);
	if (cqe->res < 0)
		die("nop", -cqe->res);
	io_uring_cqe_seen(ring, cqe);
}

static int run_nop(long ops, int rounds)
{
	struct io_uring ring;
	double per_round[64];
	long i;
	int r, ret;

	if (rounds < 1 || rounds > 64)
		rounds = 5;
	ret = io_uring_queue_init(8, &ring, 0);
	if (ret < 0)
		die("io_uring_queue_init", -ret);
	for (i = 0; i < ops; i++) /* warm-up: caches, branch predictors, CPU frequency */
		nop_round_trip(&ring);
	for (r = 0; r < rounds; r++) {
		uint64_t start = now_ns();

		for (i = 0; i < ops; i++)
			nop_round_trip(&ring);
		per_round[r] = (double)(now_ns() - start) / (double)ops;
		printf("nop_round_ns_per_op=%.1f\n", per_round[r]);
	}
	qsort(per_round, rounds, sizeof(per_round[0]), compare_double);
	printf("nop_ns_per_op=%.1f\n", per_round[rounds / 2]);
	io_uring_queue_exit(&ring);
	return 0;
}

/* xorshift64: the offset sequence, identical in uringdio.overhead.OffsetSequence. */
static uint64_t next_random(uint64_t *state)
{
	uint64_t x = *state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	*state = x;
	return x;
}

/* The byte offset of the next whole block to read; uringdio.overhead.OffsetSequence.nextOffset. */
static uint64_t next_offset(uint64_t *state, uint64_t blocks, uint64_t block_size)
{
	return (next_random(state) % blocks) * block_size;
}

/* xorshift64 never leaves 0: seed 0 starts where seed 1 does, in both loops. */
static uint64_t first_state(uint64_t seed)
{
	return seed ? seed : 1;
}

static int run_read(const char *path, long block_size, long ops, uint64_t seed)
{
	struct io_uring ring;
	struct stat st;
	uint64_t *latencies, state = first_state(seed), sum = 0;
	unsigned char *reference, *buf;
	long blocks, i, bad = 0;
	int fd, ret;

	fd = open(path, O_RDONLY | O_DIRECT);
	if (fd < 0)
		die(path, errno);
	if (fstat(fd, &st) < 0)
		die("fstat", errno);
	blocks = st.st_size / block_size;
	if (blocks < 1)
		die("file shorter than one block", EINVAL);
	if (posix_memalign((void **)&reference, 4096, blocks * block_size) ||
	    posix_memalign((void **)&buf, 4096, block_size))
		die("posix_memalign", ENOMEM);
	if (pread(fd, reference, blocks * block_size, 0) != blocks * block_size)
		die("pread reference", errno ? errno : EIO);
	memset(buf, 0, block_size); /* resident from here on, as the Java loop's RESIDENT buffer */
	latencies = calloc(ops, sizeof(*latencies));
	if (!latencies)
		die("calloc", ENOMEM);
	ret = io_uring_queue_init(8, &ring, 0);
	if (ret < 0)
		die("io_uring_queue_init", -ret);

	for (i = -ops / 10; i < ops; i++) { /* the first tenth warms up and is not recorded */
		uint64_t offset = next_offset(&state, (uint64_t)blocks, (uint64_t)block_size);
		struct io_uring_sqe *sqe;
		struct io_uring_cqe *cqe;
		uint64_t start = now_ns();

		sqe = io_uring_get_sqe(&ring);
		io_uring_prep_read(sqe, fd, buf, block_size, offset);
		sqe->user_data = (uint64_t)i;
		ret = io_uring_submit_and_wait(&ring, 1);
		if (ret < 0)
			die("io_uring_submit_and_wait", -ret);
		ret = io_uring_peek_cqe(&ring, &cqe);
		if (ret < 0)
			die("io_uring_peek_cqe", -ret);
		if (cqe->res != block_size || memcmp(buf, reference + offset, block_size))
			bad++;
		io_uring_cqe_seen(&ring, cqe);
		if (i >= 0) {
			latencies[i] = now_ns() - start;
			sum += latencies[i];
		}
	}
	qsort(latencies, ops, sizeof(*latencies), compare_u64);
	printf("read_p50_ns=%llu\n", (unsigned long long)latencies[ops / 2]);
	printf("read_p99_ns=%llu\n", (unsigned long long)latencies[(ops * 99) / 100]);
	printf("read_mean_ns=%.1f\n", (double)sum / (double)ops);
	printf("read_ops=%ld\n", ops);
	printf("read_bad=%ld\n", bad);
	io_uring_queue_exit(&ring);
	close(fd);
	free(latencies);
	free(buf);
	free(reference);
	return bad ? 3 : 0;
}

static int run_offsets(long blocks, long block_size, long count, uint64_t seed)
{
	uint64_t state = first_state(seed);
	long i;

	if (blocks < 1 || block_size < 1)
		die("offsets: blocks and block_size must be positive", EINVAL);
	for (i = 0; i < count; i++)
		printf("%llu\n", (unsigned long long)next_offset(&state, (uint64_t)blocks, (uint64_t)block_size));
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "nop"))
		return run_nop(atol(argv[2]), atoi(argv[3]));
	if (argc == 6 && !strcmp(argv[1], "read"))
		return run_read(argv[2], atol(argv[3]), atol(argv[4]), strtoull(argv[5], NULL, 10));
	if (argc == 6 && !strcmp(argv[1], "offsets"))
		return run_offsets(atol(argv[2]), atol(argv[3]), atol(argv[4]), strtoull(argv[5], NULL, 10));
	fprintf(stderr, "usage: %s nop <ops> <rounds> | read <file> <block_size> <ops> <seed>"
		" | offsets <blocks> <block_size> <count> <seed>\n", argv[0]);
	return 2;
}
