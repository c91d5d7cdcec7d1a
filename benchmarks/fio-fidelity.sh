#!/usr/bin/env bash
# The same O_DIRECT read through fio (io_uring, direct=1) and through the suite, side by side:
# p50 latency and reads/s of both, and their ratios. As root it makes its own scratch
# filesystems (loop devices, removed at the end); otherwise give it --dir <a directory of yours>.
#
#   benchmarks/fio-fidelity.sh                      btrfs and ext4, QD 1 and 16, 16 KiB reads
#   benchmarks/fio-fidelity.sh --fs ext4 --seconds 10 --repetitions 3
#   benchmarks/fio-fidelity.sh --help
set -euo pipefail

jar="$(dirname "$0")/target/benchmarks.jar"
if [[ ! -f $jar ]]; then
    echo "fio-fidelity: $jar is not built: run \`mvn -q package -DskipTests\` in $(cd "$(dirname "$0")/.." && pwd) first" >&2
    exit 1
fi
exec java -cp "$jar" uringdio.fidelity.FioFidelity "$@"
