#!/bin/sh
# Shows, on this machine, what compare's gate does (run as root, from the work tree):
#   (a) PAIRS pairs of runs of the same build on the same kernel, each pair compared: an A/A
#       pair must pass (exit 0);
#   (b) a baseline, then a candidate whose reads are really slowed: every loop device throttled
#       to SLOW_IOPS reads/s through the cgroup block throttle (cgroup v2 io.max riops, or v1
#       blkio.throttle.read_iops_device), about 1/1.15 of what the baseline's btrfs ALL read
#       reaches (times 4: a read over 4 extents is 4 bios, and the throttle counts bios), so
#       its reads/s fall by about 15%: must be flagged (exit 4). The throttle lets bios through
#       in bursts, so it shows in reads/s and p99 more than in p50;
#   (c) a swapped control: a copy of the last A/A candidate whose btrfs ALL rounds are the FIRST
#       read's (a FIRST result presented as ALL): must be flagged (exit 4).
# Usage: benchmarks/aa-pairs.sh [PAIRS (default 5)] [PROFILE (default quick)] [OUT (default results/gate-check)]
# Each compare's report is kept in OUT; the last lines say what each exited with.
set -eu
pairs=${1:-5}
profile=${2:-quick}
out=${3:-results/gate-check}
here=$(cd "$(dirname "$0")/.." && pwd)
bench="$here/uring-dio-bench"
mkdir -p "$out"
summary="$out/summary.txt"
: > "$summary"

run() { # run NAME: one run of the profile into OUT/NAME, printing its directory
    "$bench" run --profile "$profile" --results "$out/$1" > "$out/$1.log" 2>&1 || true
    ls -d "$out/$1"/*/ | head -1
}

compare() { # compare LABEL BASE CAND: the exit status, with the report kept
    set +e
    "$bench" compare "$2" "$3" > "$out/compare-$1.txt" 2>&1
    code=$?
    set -e
    echo "$1: compare exit $code ($(grep '^result:' "$out/compare-$1.txt" || tail -1 "$out/compare-$1.txt"))" | tee -a "$summary"
}

# (a) A/A pairs.
i=1
while [ "$i" -le "$pairs" ]; do
    start=$(date +%s)
    a=$(run "aa$i-a")
    b=$(run "aa$i-b")
    echo "pair $i: two runs in $(( $(date +%s) - start )) s" >> "$summary"
    compare "aa$i" "$a" "$b"
    i=$((i + 1))
done

# (b) A real slowdown: the candidate's reads throttled at the block layer.
base=$(run slow-base)
if [ -z "${SLOW_IOPS:-}" ]; then
    all=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "reads_per_s") c = i; next }
                   $1 ~ /^extent-read_btrfs_r0016384_x04_plain_ALL_INLINE_qd01/ { s += $c; n++ }
                   END { if (n) printf "%d", 4 * s / n / 1.15 }' "$base/rounds.csv")
    SLOW_IOPS=${all:-4000}
fi
echo "slowdown: loop devices throttled to $SLOW_IOPS reads/s" | tee -a "$summary"
if [ -f /sys/fs/cgroup/cgroup.controllers ] && grep -qw io /sys/fs/cgroup/cgroup.controllers; then
    cg=/sys/fs/cgroup/uring-dio-slow
    mkdir -p "$cg"
    for d in /sys/block/loop*/dev; do echo "$(cat "$d") riops=$SLOW_IOPS" > "$cg/io.max"; done
else
    cg=/sys/fs/cgroup/blkio/uring-dio-slow
    mkdir -p "$cg"
    for d in /sys/block/loop*/dev; do echo "$(cat "$d") $SLOW_IOPS" > "$cg/blkio.throttle.read_iops_device"; done
fi
slow=$(sh -c "echo \$\$ > '$cg/cgroup.procs'; exec '$bench' run --profile '$profile' --results '$out/slow-cand'" \
    > "$out/slow-cand.log" 2>&1 || true; ls -d "$out/slow-cand"/*/ | head -1)
rmdir "$cg" 2>/dev/null || true
compare slowdown "$base" "$slow"

# (c) A swapped control: btrfs ALL's rounds replaced by btrfs FIRST's in a copy of the last A/A candidate.
last=$(ls -d "$out/aa$pairs-b"/*/ | head -1)
swapped="$out/swapped/run"
rm -rf "$out/swapped"
mkdir -p "$swapped"
cp "$last"/*.csv "$last"/*.json "$last"/*.hlog "$swapped"/
awk -F, 'BEGIN { OFS = "," } NR == 1 { print; next }
         $1 ~ /_btrfs_r0016384_x04_plain_ALL_INLINE_qd01/ { next }
         { print } $1 ~ /_btrfs_r0016384_x04_plain_FIRST_INLINE_qd01/ { sub(/_FIRST_/, "_ALL_", $1); print }' \
    "$last/rounds.csv" > "$swapped/rounds.csv"
compare swapped-control "$(ls -d "$out/aa$pairs-a"/*/ | head -1)" "$swapped"

cat "$summary"
