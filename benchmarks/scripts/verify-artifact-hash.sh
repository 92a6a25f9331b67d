#!/usr/bin/env bash
# verifyArtifactHash benchmarks, whole process, side by side with GNU coreutils in the same run.
#
#   ./mvnw -B -q -Poffline package -DskipTests
#   benchmarks/scripts/verify-artifact-hash.sh [DATA_DIR] [RESULTS_DIR]
#
# Needs: hyperfine (Debian package), GNU coreutils, /usr/bin/time (GNU time), about 2.2 GiB free in DATA_DIR
# (the 8 GiB file is sparse and takes no space). Prints a summary and leaves hyperfine's JSON/Markdown and the
# /usr/bin/time -v outputs in RESULTS_DIR.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
jar="$repo/cli/target/secure-pipeline.jar"
bench_jar="$repo/benchmarks/target/benchmarks.jar"
data=${1:-/tmp/verify-artifact-hash-bench}
results=${2:-$repo/benchmarks/target/verify-artifact-hash}
runs=${RUNS:-10}
[ -f "$jar" ] || { echo "build first: ./mvnw -B -q -Poffline package -DskipTests" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "hyperfine is missing (apt-get install hyperfine)" >&2; exit 2; }
mkdir -p "$data" "$results"

echo "== machine"
{
  date -u +%FT%TZ
  grep -m1 'model name' /proc/cpuinfo
  echo "cores: $(nproc)"
  java -version 2>&1 | head -1
  sha256sum --version | head -1
  hyperfine --version
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$results/machine.txt"

echo "== data"
[ -f "$data/1g.bin" ] || head -c 1G /dev/urandom > "$data/1g.bin"
if [ ! -d "$data/many" ]; then
  mkdir -p "$data/many.tmp"
  for i in $(seq -w 1 1024); do head -c 1M /dev/urandom > "$data/many.tmp/f$i.bin"; done
  mv "$data/many.tmp" "$data/many"
fi
rm -f "$data/sparse-1g.bin" "$data/sparse-8g.bin"
truncate -s 1G "$data/sparse-1g.bin"
truncate -s 8G "$data/sparse-8g.bin"
# Warm the page cache so both tools read from memory, not disk.
cat "$data/1g.bin" "$data"/many/* > /dev/null

echo "== one 1 GiB file, warm cache, whole process (JVM start-up included)"
sha256sum "$data/1g.bin" > "$data/1g.sha256"   # absolute name: sha256sum -c resolves names from the cwd
digest="sha256:$(cut -c1-64 "$data/1g.sha256")"
hyperfine --shell=none --warmup 2 --runs "$runs" \
  --export-json "$results/one-file.json" --export-markdown "$results/one-file.md" \
  -n sha256sum "sha256sum $data/1g.bin" \
  -n secure-pipeline "java -jar $jar hash --base $data 1g.bin" \
  -n 'sha256sum -c' "sha256sum --strict -c $data/1g.sha256" \
  -n 'secure-pipeline verify-hash' "java -jar $jar verify-hash --base $data --expected $digest 1g.bin"

echo "== one 1 GiB file, interleaved rounds (same load for both peers)"
python3 "$repo/benchmarks/scripts/interleaved.py" "$runs" "$results/one-file-interleaved.json" \
  "sha256sum=sha256sum $data/1g.bin" \
  "secure-pipeline=java -jar $jar hash --base $data 1g.bin" | tee "$results/one-file-interleaved.txt"

echo "== one 1 GiB file, SHA-512"
hyperfine --shell=none --warmup 1 --runs "$runs" \
  --export-json "$results/one-file-sha512.json" --export-markdown "$results/one-file-sha512.md" \
  -n sha512sum "sha512sum $data/1g.bin" \
  -n 'secure-pipeline sha512' "java -jar $jar hash --algorithm sha512 --base $data 1g.bin"

echo "== 1024 files x 1 MiB, warm cache, whole process"
hyperfine --warmup 1 --runs "$runs" \
  --export-json "$results/many-files.json" --export-markdown "$results/many-files.md" \
  -n 'sha256sum (1 core)' "cd $data/many && sha256sum -- * > /dev/null" \
  -n 'xargs -P2 sha256sum (2 cores)' "cd $data/many && printf '%s\0' * | xargs -0 -P2 -n 64 sha256sum > /dev/null" \
  -n 'secure-pipeline hash (2 threads)' "java -jar $jar hash --base $data/many . > /dev/null"

echo "== 1024 files x 1 MiB, interleaved rounds: one core (taskset) vs both cores"
python3 "$repo/benchmarks/scripts/interleaved.py" "$runs" "$results/many-files-interleaved.json" \
  "sha256sum (1 core)=shell:cd $data/many && taskset -c 0 sha256sum -- * > /dev/null" \
  "secure-pipeline (1 core)=taskset -c 0 java -jar $jar hash --base $data/many ." \
  "secure-pipeline (2 cores)=java -jar $jar hash --base $data/many ." | tee "$results/many-files-interleaved.txt"

echo "== peak memory (max RSS), whole process"
for file in 1g.bin sparse-1g.bin sparse-8g.bin; do
  /usr/bin/time -v java -jar "$jar" hash --base "$data" "$file" > /dev/null 2> "$results/time-$file.txt"
  /usr/bin/time -v sha256sum "$data/$file" > /dev/null 2> "$results/time-sha256sum-$file.txt"
  printf '%-14s secure-pipeline %8s KiB   sha256sum %6s KiB   (elapsed %s / %s)\n' "$file" \
    "$(awk -F': ' '/Maximum resident/ {print $2}' "$results/time-$file.txt")" \
    "$(awk -F': ' '/Maximum resident/ {print $2}' "$results/time-sha256sum-$file.txt")" \
    "$(awk -F': ' '/Elapsed/ {print $2}' "$results/time-$file.txt")" \
    "$(awk -F': ' '/Elapsed/ {print $2}' "$results/time-sha256sum-$file.txt")"
done | tee "$results/peak-memory.txt"

if [ -f "$bench_jar" ] && [ "${JMH:-1}" = 1 ]; then
  echo "== JMH: ParallelHasher on 1 and 2 threads (256 x 1 MiB), FileHasher per buffer size (64 MiB)"
  java -jar "$bench_jar" 'integrity\.' -wi 2 -i 3 -w 2 -r 2 -f 1 -rf json -rff "$results/jmh.json" | tee "$results/jmh.txt" | tail -12
fi

echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results/machine.txt"

echo "== summary"
python3 - "$results" <<'PY'
import json, sys
results = sys.argv[1]
one = {r["command"]: r for r in json.load(open(f"{results}/one-file.json"))["results"]}
one.update({r["command"]: r for r in json.load(open(f"{results}/one-file-sha512.json"))["results"]})
gib = 1024 ** 3
for ours, peer in (("secure-pipeline", "sha256sum"), ("secure-pipeline verify-hash", "sha256sum -c"),
                   ("secure-pipeline sha512", "sha512sum")):
    o, p = one[ours]["mean"], one[peer]["mean"]
    print(f"1 GiB {peer}: {gib / p / 2**20:7.0f} MiB/s ({p:.3f} s ± {one[peer]['stddev']:.3f}); "
          f"{ours}: {gib / o / 2**20:7.0f} MiB/s ({o:.3f} s ± {one[ours]['stddev']:.3f}); ratio {p / o:.2f}x")
inter = json.load(open(f"{results}/one-file-interleaved.json"))
p, o = inter["sha256sum"], inter["secure-pipeline"]
print(f"1 GiB interleaved: sha256sum {gib / p['wall_median_s'] / 2**20:.0f} MiB/s, secure-pipeline "
      f"{gib / o['wall_median_s'] / 2**20:.0f} MiB/s (median wall); ratio {p['wall_median_s'] / o['wall_median_s']:.2f}x wall, "
      f"{p['cpu_median_s'] / o['cpu_median_s']:.2f}x CPU")
many = {r["command"]: r for r in json.load(open(f"{results}/many-files.json"))["results"]}
for name, r in many.items():
    print(f"1024 x 1 MiB {name}: {gib / r['mean'] / 2**20:7.0f} MiB/s ({r['mean']:.3f} s ± {r['stddev']:.3f})")
PY
