#!/usr/bin/env bash
# Issue 15's Guard figures, whole process, in one hyperfine run: the same Guard rules over the same templates with
#   ours    secure-pipeline scan-template --rules RULES --fail-on never --format json --output FILE TEMPLATES
#           (through the launcher cli/target/secure-pipeline, and as plain java -jar)
#   peer    cfn-guard validate -r RULES -d TEMPLATES -o json --show-summary none   (cfn-guard 3.1.1; report on stdout)
# Both write a JSON report of every rule's status per template with the failures' details; ours runs its built-in
# rules as well. Then the peak memory (max RSS) of each, and ours inside the launcher's 128 MB heap.
#
#   ./mvnw -B -q -o -Poffline package -DskipTests
#   benchmarks/scripts/guard-peers.sh [REGISTRY_REPO] [TEMPLATES_DIR] [RESULTS_DIR]
#
# RULES: every *.guard file of the AWS Guard rules registry (github.com/aws-cloudformation/aws-guard-rules-registry,
# a checkout or bare clone given as REGISTRY_REPO, default /work/.mirror/aws-cloudformation+aws-guard-rules-registry
# /repo), copied to a temporary directory at run time (never into this repository). TEMPLATES_DIR (default
# /tmp/cfn-templates): a copy of github.com/aws-cloudformation/aws-cloudformation-templates. CFN_GUARD: the cfn-guard
# binary (default: the one in the npm package @cdklabs/cdk-validator-cfnguard under /tmp/cfnguard). RUNS (default
# 3; cfn-guard takes minutes per run) sets the rounds. Needs hyperfine, git, python3, GNU time (/usr/bin/time).
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
launcher="$repo/cli/target/secure-pipeline"
jar="$repo/cli/target/secure-pipeline.jar"
registry=${1:-/work/.mirror/aws-cloudformation+aws-guard-rules-registry/repo}
templates=${2:-/tmp/cfn-templates}
results=${3:-$repo/benchmarks/target/guard-peers}
runs=${RUNS:-3}
cfn_guard=${CFN_GUARD:-/tmp/cfnguard/node_modules/@cdklabs/cdk-validator-cfnguard/bin/ubuntu/x86_64/cfn-guard}
for tool in hyperfine git python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install hyperfine git python3 time)" >&2; exit 2; }
done
[ -x "$cfn_guard" ] || { echo "no cfn-guard at $cfn_guard (mkdir -p /tmp/cfnguard && cd /tmp/cfnguard && npm install @cdklabs/cdk-validator-cfnguard, or set CFN_GUARD)" >&2; exit 2; }
[ -f "$jar" ] && [ -x "$launcher" ] || { echo "build first: ./mvnw -B -q -o -Poffline package -DskipTests" >&2; exit 2; }
[ -d "$templates" ] || { echo "no templates at $templates" >&2; exit 2; }
mkdir -p "$results"
export SECURE_PIPELINE_CACHE="$results/cache"
mkdir -p "$SECURE_PIPELINE_CACHE" && chmod 700 "$SECURE_PIPELINE_CACHE"

echo "== rules"
rules=$(mktemp -d)
trap 'rm -rf "$rules"' EXIT
if [ -d "$registry/.git" ]; then git_dir="$registry/.git"; else git_dir="$registry"; fi
git --git-dir="$git_dir" archive HEAD | tar -x -C "$rules" --wildcards '*.guard'
echo "registry $(git --git-dir="$git_dir" rev-parse --short HEAD): $(find "$rules" -name '*.guard' | wc -l) rule files" \
  | tee "$results/rules.txt"

echo "== machine"
{
  date -u +%FT%TZ
  grep -m1 'model name' /proc/cpuinfo
  echo "cores: $(nproc)"
  java -version 2>&1 | head -1
  "$cfn_guard" --version
  hyperfine --version
  echo "templates: $(find "$templates" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.template' \) | wc -l) files in $templates"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$results/machine.txt"

# Every template read once, so both read from the page cache; the launcher's class-data cache made by untimed runs.
find "$templates" -type f -print0 | xargs -0 cat > /dev/null
for _ in 1 2; do
  "$launcher" scan-template --rules "$rules" --fail-on never --format json --output "$results/ours.json" "$templates"
done
# Our report must hold a status for every rule of every rule file.
python3 - "$results/ours.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
statuses = sum(len(t.get("guard", [])) for t in report["templates"])
print(f"ours: {len(report['templates'])} templates, {statuses} rule statuses")
assert statuses > 0
PY

echo "== the registry's rules over the templates, whole process"
# cfn-guard writes its report to stdout: --output=pipe has it read (and dropped) as a file would be written.
hyperfine --shell=none -i --output=pipe --warmup 0 --runs "$runs" --export-json "$results/guard.json" \
  -n "secure-pipeline scan-template --rules (launcher)" \
  "$launcher scan-template --rules $rules --fail-on never --format json --output $results/ours.json $templates" \
  -n "secure-pipeline scan-template --rules (java -jar)" \
  "java -jar $jar scan-template --rules $rules --fail-on never --format json --output $results/ours.json $templates" \
  -n "cfn-guard validate" \
  "$cfn_guard validate -r $rules -d $templates -o json --show-summary none"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results/machine.txt"

echo "== peak memory (max RSS, KB) and ours in the launcher's 128 MB heap"
{
  /usr/bin/time -o "$results/launcher.time" -f "launcher (-Xmx128m) %M KB, exit %x" "$launcher" scan-template \
    --rules "$rules" --fail-on never --format json --output "$results/ours.json" "$templates" > /dev/null
  cat "$results/launcher.time"
  /usr/bin/time -o "$results/jar.time" -f "java -jar (default heap) %M KB, exit %x" java -jar "$jar" scan-template \
    --rules "$rules" --fail-on never --format json --output "$results/ours.json" "$templates" > /dev/null
  cat "$results/jar.time"
  /usr/bin/time -o "$results/cfn-guard.time" -f "cfn-guard %M KB, exit %x" "$cfn_guard" validate -r "$rules" \
    -d "$templates" -o json --show-summary none > "$results/cfn-guard.json" 2>/dev/null || true  # exits 19: rules failed
  cat "$results/cfn-guard.time"
} | tee "$results/memory.txt"

python3 - "$results/guard.json" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["results"]
peer = next(r for r in runs if r["command"] == "cfn-guard validate")
for r in runs:
    print(f"{r['command']}: mean {r['mean']:.2f} s (min {r['min']:.2f}, max {r['max']:.2f}),"
          f" {peer['mean'] / r['mean']:.1f}x cfn-guard")
PY
