#!/usr/bin/env bash
# Issue 18's hashing figures, whole process, each against its named peer in the same run:
#   one 1 GiB file            hash         vs  openssl dgst -sha256, sha256sum
#   100,000 small files       hash         vs  find | xargs -P2 sha256sum, find | xargs sha256sum
#   the same, verified        verify-hash  vs  sha256sum -c
#   peak memory (max RSS) of hash and verify-hash --exact over 10,000 and 100,000 files (it must not grow)
#   in process (JMH): the agent callables' engine path, so a CLI start-up fix cannot hide a slower engine
#
#   ./mvnw -B -q -o -Poffline package -DskipTests
#   benchmarks/scripts/hash-peers.sh [DATA_DIR] [RESULTS_DIR]
#
# Ours runs as users run it, through the launcher cli/target/secure-pipeline (its per-user class-data cache is made
# by untimed runs first, in RESULTS_DIR/cache), and as plain `java -jar`. Needs hyperfine, openssl, GNU coreutils
# and findutils, GNU time (/usr/bin/time), python3, about 1.5 GiB in DATA_DIR. RUNS (default 10) sets the rounds;
# JMH=0 skips the in-process part.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
launcher="$repo/cli/target/secure-pipeline"
jar="$repo/cli/target/secure-pipeline.jar"
bench_jar="$repo/benchmarks/target/benchmarks.jar"
data=${1:-/tmp/hash-peers-bench}
results=${2:-$repo/benchmarks/target/hash-peers}
runs=${RUNS:-10}
for tool in hyperfine openssl python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install hyperfine openssl python3 time)" >&2; exit 2; }
done
[ -f "$jar" ] && [ -x "$launcher" ] || { echo "build first: ./mvnw -B -q -o -Poffline package -DskipTests" >&2; exit 2; }
mkdir -p "$data" "$results"
export SECURE_PIPELINE_CACHE="$results/cache"
mkdir -p "$SECURE_PIPELINE_CACHE" && chmod 700 "$SECURE_PIPELINE_CACHE"

echo "== machine"
{
  date -u +%FT%TZ
  grep -m1 'model name' /proc/cpuinfo
  echo "cores: $(nproc); SHA extensions: $(grep -q -w sha_ni /proc/cpuinfo && echo yes || echo no)"
  java -version 2>&1 | head -1
  openssl version
  sha256sum --version | head -1
  hyperfine --version
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$results/machine.txt"

echo "== data"
[ -f "$data/1g.bin" ] || head -c 1G /dev/urandom > "$data/1g.bin"
# tree DIR COUNT: COUNT files of 0-4095 random bytes (fixed seed), 1,000 per directory.
tree() {
  [ -d "$1" ] && return 0
  python3 - "$1.tmp" "$2" <<'PY'
import os, random, sys
root, count = sys.argv[1], int(sys.argv[2])
random.seed(18)
for i in range(count):
    directory = os.path.join(root, "d%03d" % (i // 1000))
    if i % 1000 == 0:
        os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "f%04d.bin" % (i % 1000)), "wb") as out:
        out.write(random.randbytes(random.randint(0, 4095)))
PY
  mv "$1.tmp" "$1"
}
tree "$data/small" 100000
tree "$data/small10k" 10000
# Checksum files as sha256sum writes them, names relative to the tree (for sha256sum -c and verify-hash).
(cd "$data/small" && find . -type f -printf '%P\n' | LC_ALL=C sort | xargs -d '\n' sha256sum > "$data/small.sha256")
(cd "$data/small10k" && find . -type f -printf '%P\n' | LC_ALL=C sort | xargs -d '\n' sha256sum > "$data/small10k.sha256")
# Warm the page cache (and the dentry cache) so every tool reads from memory.
cat "$data/1g.bin" > /dev/null
find "$data/small" "$data/small10k" -type f -print0 | xargs -0 cat > /dev/null
# Our output must be what sha256sum writes.
"$launcher" hash --base "$data/small" . > "$results/small.ours.sha256"
cmp "$results/small.ours.sha256" "$data/small.sha256"
for _ in 1 2; do  # the launcher's class-data cache, as on any machine that ran these commands before
  "$launcher" hash --base "$data" 1g.bin > /dev/null
  "$launcher" verify-hash --base "$data/small10k" --exact --checksums "$data/small10k.sha256" > /dev/null
done

echo "== one 1 GiB file, warm cache, whole process"
hyperfine --shell=none --warmup 2 --runs "$runs" --export-json "$results/one-file.json" \
  -n 'openssl dgst -sha256' "openssl dgst -sha256 $data/1g.bin" \
  -n 'sha256sum' "sha256sum $data/1g.bin" \
  -n 'secure-pipeline hash (launcher)' "$launcher hash --base $data 1g.bin" \
  -n 'secure-pipeline hash (java -jar)' "java -jar $jar hash --base $data 1g.bin"

echo "== 100,000 files of 0-4 KiB (395 MB), warm cache, whole process"
hyperfine --warmup 1 --runs "$runs" --export-json "$results/small-files.json" \
  -n 'find | xargs -P2 sha256sum' "cd $data/small && find . -type f | xargs -P2 sha256sum > /dev/null" \
  -n 'find | xargs sha256sum' "cd $data/small && find . -type f | xargs sha256sum > /dev/null" \
  -n 'secure-pipeline hash (launcher)' "$launcher hash --base $data/small . > /dev/null" \
  -n 'secure-pipeline hash (java -jar)' "java -jar $jar hash --base $data/small . > /dev/null"

echo "== 100,000 files verified against a sha256sum checksum file"
hyperfine --warmup 1 --runs "$runs" --export-json "$results/verify.json" \
  -n 'sha256sum -c' "cd $data/small && sha256sum --strict -c $data/small.sha256 > /dev/null" \
  -n 'secure-pipeline verify-hash --exact (launcher)' \
  "$launcher verify-hash --base $data/small --exact --checksums $data/small.sha256 > /dev/null" \
  -n 'secure-pipeline verify-hash (launcher)' \
  "$launcher verify-hash --base $data/small --checksums $data/small.sha256 > /dev/null"

echo "== peak memory (max RSS) and CPU, whole process, through the launcher"
measure() {  # measure NAME COMMAND...: one line with wall, user, sys and max RSS
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$results/time-$name.txt" "$@" > /dev/null
  read -r wall user sys rss < "$results/time-$name.txt"
  printf '%-44s wall %5.2f s  user %5.2f s  sys %5.2f s  max RSS %7d KiB\n' "$name" "$wall" "$user" "$sys" "$rss"
}
{
  for tree_name in small10k small; do
    measure "hash $tree_name" "$launcher" hash --base "$data/$tree_name" .
    measure "verify-hash --exact $tree_name" "$launcher" verify-hash --base "$data/$tree_name" --exact \
      --checksums "$data/$tree_name.sha256"
  done
  measure "hash 1g.bin" "$launcher" hash --base "$data" 1g.bin
  measure "openssl dgst -sha256 1g.bin" openssl dgst -sha256 "$data/1g.bin"
  measure "find | xargs -P2 sha256sum (small)" sh -c "cd $data/small && find . -type f | xargs -P2 sha256sum"
  measure "sha256sum -c (small)" sh -c "cd $data/small && sha256sum --strict -c $data/small.sha256"
} | tee "$results/memory-and-cpu.txt"

echo "== live heap: the largest heap occupancy after a collection (GC log), and runs in a deliberately small heap"
# Resident memory mostly says how much of its 128 MiB heap the JVM touched before exiting; what the code keeps alive
# is what is left after a collection.
gc_peak() {  # gc_peak LOG: the largest "after" figure of the GC log, in MiB
  sed -n 's/.*->\([0-9]*\)M(.*/\1/p' "$1" | sort -n | tail -1
}
{
  for tree_name in small10k small; do
    SECURE_PIPELINE_JAVA_OPTS="-Xlog:gc:file=$results/gc-hash-$tree_name.log" \
      "$launcher" hash --base "$data/$tree_name" . > /dev/null
    SECURE_PIPELINE_JAVA_OPTS="-Xlog:gc:file=$results/gc-verify-$tree_name.log" \
      "$launcher" verify-hash --base "$data/$tree_name" --exact --checksums "$data/$tree_name.sha256" > /dev/null
    echo "$tree_name: hash keeps at most $(gc_peak "$results/gc-hash-$tree_name.log") MiB after a collection," \
      "verify-hash --exact $(gc_peak "$results/gc-verify-$tree_name.log") MiB"
  done
  SECURE_PIPELINE_JAVA_OPTS=-Xmx8m "$launcher" hash --base "$data/small" . > /dev/null \
    && echo "hash of 100,000 files with an 8 MiB heap (-Xmx8m): completed"
  SECURE_PIPELINE_JAVA_OPTS=-Xmx48m "$launcher" verify-hash --base "$data/small" --exact \
    --checksums "$data/small.sha256" > /dev/null \
    && echo "verify-hash --exact of 100,000 listed files with a 48 MiB heap (-Xmx48m): completed"
} | tee "$results/live-heap.txt"

if [ -f "$bench_jar" ] && [ "${JMH:-1}" = 1 ]; then
  echo "== JMH: the agent callables' engine path in one JVM (no start-up)"
  java -jar "$bench_jar" 'AgentHashingBenchmark' -f 1 -rf json -rff "$results/jmh.json" | tee "$results/jmh.txt" | tail -8
fi

echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results/machine.txt"

echo "== summary (means)"
python3 - "$results" <<'PY'
import json, sys
results = sys.argv[1]
def load(name):
    return {r["command"]: r for r in json.load(open(f"{results}/{name}.json"))["results"]}
for name, peer in (("one-file", "openssl dgst -sha256"), ("small-files", "find | xargs -P2 sha256sum"),
                   ("verify", "sha256sum -c")):
    rows = load(name)
    base = rows[peer]["mean"]
    for command, r in rows.items():
        print(f"{name:12s} {command:48s} {r['mean']:6.3f} s ± {r['stddev']:.3f}  "
              f"(user {r['user']:.2f} s, sys {r['system']:.2f} s)  {base / r['mean']:.2f}x {peer}'s speed")
PY
