/**
 * What each read did in the kernel, seen through its tracepoints: exact counts through
 * perf_event_open ({@link uringdio.trace.CounterSet}, {@link uringdio.trace.TracepointCounter})
 * and timestamped records through a tracefs instance of the suite's own
 * ({@link uringdio.trace.TraceInstance}). Whether either works here is answered by
 * {@code uringdio.platform.Availability.tracepoints()} and {@code perfCounters()}.
 *
 * <h2>The events, as verified on Linux 6.18 (fields that filters may name)</h2>
 * <ul>
 * <li>{@code io_uring/io_uring_submit_req}: ctx, req, user_data, opcode (u8, {@code IORING_OP_*}),
 *     flags, sq_thread, op_str.</li>
 * <li>{@code io_uring/io_uring_queue_async_work} (a punt to io-wq): ctx, req, user_data, opcode,
 *     flags, work, rw (1 = hashed queue), op_str.</li>
 * <li>{@code io_uring/io_uring_complete}: ctx, req, user_data, res, cflags, extra1, extra2.</li>
 * <li>{@code iomap/iomap_dio_rw_begin}: dev, ino, isize, pos, count, done_before, ki_flags,
 *     dio_flags, aio.</li>
 * <li>{@code iomap/iomap_dio_complete}: dev, ino, isize, pos, ki_flags, aio, error, ret.</li>
 * <li>{@code iomap/iomap_dio_rw_queued}: dev, ino, size, offset, length.</li>
 * <li>{@code filemap/mm_filemap_get_pages} (buffered I/O): i_ino, s_dev, index, last_index.</li>
 * </ul>
 * Every event also has common_type, common_flags, common_preempt_count and common_pid.
 *
 * <h2>Device numbers</h2>
 * {@code dev} and {@code s_dev} are the superblock's in-kernel {@code dev_t},
 * {@code major << 20 | minor}: the root ext4 on 254:0 is {@code dev == 266338304}
 * ({@code 0xfe00000}), while {@code stat} says st_dev {@code 0xfe00}. On btrfs {@code stat}
 * reports the subvolume's anonymous device (0:40 seen), not the superblock's that the events carry
 * (0:39, as /proc/self/mountinfo shows it). {@link uringdio.trace.KernelDev#ofPath} takes the
 * mountinfo one. The loop device under a scratch filesystem issues its own direct reads of the
 * image file on the image's filesystem: filter on the scenario's device to leave them out.
 *
 * <h2>Shared machine</h2>
 * Counters are CPU-wide: every process's events pass through them. Filter on what is ours
 * (device and inode, or user_data ranges for io_uring events).
 *
 * <h2>Timestamps</h2>
 * The kernel prints trace times in microseconds, so {@link uringdio.trace.TraceRecord#timestampNanos()}
 * is the event's mono time rounded down to a microsecond; nanosecond times would need the binary
 * {@code trace_pipe_raw}.
 */
package uringdio.trace;
