#!/usr/bin/env bash
# Launcher benchmark: every subcommand, whole process, through the launcher (cli/target/secure-pipeline) against
# plain `java -jar cli/target/secure-pipeline.jar`, on each JDK given. Three ways to run:
#   java -jar   the jar as a user starts it by hand (the JVM's default options, no class-data cache);
#   first run   the launcher with an empty cache: the run that writes the class-data archive;
#   later runs  the launcher once its cache is made (2 untimed runs first, as on any machine that has run the
#               command before), run round after round alternately with java -jar (interleaved.py: both see the
#               same load; wall and CPU time, medians); on Java 25+ also the second run, which records the
#               ahead-of-time cache (hyperfine, like the first run).
# Commands that block (exit 1: a scan with findings, a closed gate) are measured like the others: a run that blocks
# must get its cache too.
#
# Needs: hyperfine, docker-registry, python3, openssl (Debian packages); the jars (./mvnw -B -q -Poffline package
# -DskipTests). Everything runs on 127.0.0.1 in a temporary directory that is removed afterwards.
#
# Usage: benchmarks/scripts/launcher.sh [RUNS] [JAVA_HOME...]   (default 5 runs; the default java, and the first
#        Java 25+ JDK under /usr/lib/jvm)
set -euo pipefail
cd "$(dirname "$0")/../.."

RUNS="${1:-5}"
shift || true
LAUNCHER="$PWD/cli/target/secure-pipeline"
JAR="$PWD/cli/target/secure-pipeline.jar"
for tool in hyperfine docker-registry python3 openssl curl; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y hyperfine docker-registry python3 openssl curl" >&2; exit 2; }
done
for file in "$LAUNCHER" "$JAR"; do
  [ -f "$file" ] || { echo "missing $file: ./mvnw -B -q -Poffline package -DskipTests" >&2; exit 2; }
done
JDKS=("$@")
if [ ${#JDKS[@]} -eq 0 ]; then
  JDKS=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  for home in /usr/lib/jvm/*; do
    if [ -x "$home/bin/java" ] && grep -q '^JAVA_VERSION="2[5-9]' "$home/release" 2>/dev/null; then JDKS+=("$home"); break; fi
  done
fi

WORK="$(mktemp -d /tmp/launcher-bench.XXXXXX)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# --- inputs ---
mkdir -p "$WORK/artifacts/lib"
for i in 1 2 3 4 5; do head -c 2000000 /dev/urandom > "$WORK/artifacts/lib/part$i.jar"; done
java -jar "$JAR" hash --base "$WORK/artifacts" . > "$WORK/SHA256SUMS"
cat > "$WORK/template.yaml" <<'EOF'
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Open:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: open
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}
EOF
cat > "$WORK/calendar.yaml" <<'EOF'
timeZone: Europe/Amsterdam
windows:
  - name: morning-peak
    kind: deny
    cron: "0 9 * * 1-5"
    duration: 1h
  - name: year-end
    kind: deny
    from: 2026-12-20T00:00
    to: 2027-01-04T00:00
EOF
openssl ecparam -name prime256v1 -genkey -noout 2>/dev/null | openssl pkcs8 -topk8 -nocrypt -out "$WORK/cosign.key"
openssl ec -in "$WORK/cosign.key" -pubout -out "$WORK/cosign.pub" 2>/dev/null
printf 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJiZW5jaCJ9.c2lnbmF0dXJl\n' > "$WORK/token"

# A small OCI layout: one 1 MB layer.
mkdir -p "$WORK/image/blobs/sha256"
printf '{"imageLayoutVersion":"1.0.0"}' > "$WORK/image/oci-layout"
head -c 1000000 /dev/urandom > "$WORK/layer"
layer=$(sha256sum "$WORK/layer" | cut -d' ' -f1); mv "$WORK/layer" "$WORK/image/blobs/sha256/$layer"
printf '{"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}' "$layer" > "$WORK/config"
config=$(sha256sum "$WORK/config" | cut -d' ' -f1); csize=$(stat -c %s "$WORK/config"); mv "$WORK/config" "$WORK/image/blobs/sha256/$config"
printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"sha256:%s","size":1000000}]}' \
  "$config" "$csize" "$layer" > "$WORK/manifest"
manifest=$(sha256sum "$WORK/manifest" | cut -d' ' -f1); msize=$(stat -c %s "$WORK/manifest"); mv "$WORK/manifest" "$WORK/image/blobs/sha256/$manifest"
printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s,"annotations":{"org.opencontainers.image.ref.name":"bench"}}]}' \
  "$manifest" "$msize" > "$WORK/image/index.json"

# --- a local registry (no auth) and a local STS answering AssumeRoleWithWebIdentity ---
REGISTRY_PORT=$(free_port)
cat > "$WORK/registry.yml" <<EOF
version: 0.1
log: {level: error, accesslog: {disabled: true}}
storage: {filesystem: {rootdirectory: $WORK/storage}}
http: {addr: 127.0.0.1:$REGISTRY_PORT, secret: bench}
EOF
docker-registry serve "$WORK/registry.yml" > "$WORK/registry.log" 2>&1 &
PIDS+=($!)
STS_PORT=$(free_port)
cat > "$WORK/sts.py" <<'EOF'
import datetime, http.server, sys
class Sts(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        expires = (datetime.datetime.utcnow() + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
        body = ("<AssumeRoleWithWebIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                "<AssumeRoleWithWebIdentityResult><Credentials><AccessKeyId>ASIABENCH</AccessKeyId>"
                "<SecretAccessKey>benchSecretKq7Zp3Wm9Xv2Lr8Nc4Hd6Fj1Gb5Ts0Ya</SecretAccessKey>"
                "<SessionToken>benchToken</SessionToken><Expiration>" + expires + "</Expiration></Credentials>"
                "</AssumeRoleWithWebIdentityResult></AssumeRoleWithWebIdentityResponse>").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sts).serve_forever()
EOF
python3 "$WORK/sts.py" "$STS_PORT" &
PIDS+=($!)
for _ in $(seq 1 100); do
  curl -s -o /dev/null "http://127.0.0.1:$REGISTRY_PORT/v2/" && break
  sleep 0.1
done
REPO="127.0.0.1:$REGISTRY_PORT/bench/app"
java -jar "$JAR" push-image --source "oci:$WORK/image:bench" --target "$REPO:1" --insecure-http --sign-key "$WORK/cosign.key" \
  --quiet > /dev/null
DIGEST="sha256:$manifest"

# NAME|expected exit|arguments (one line per subcommand; the arguments are split on spaces)
COMMANDS=(
  "assume-role|0|assume-role --role-arn arn:aws:iam::123456789012:role/bench --region eu-west-1 --web-identity-token-file $WORK/token --sts-endpoint http://127.0.0.1:$STS_PORT"
  "scan-template|1|scan-template $WORK/template.yaml"
  "hash|0|hash --base $WORK/artifacts ."
  "verify-hash|0|verify-hash --checksums $WORK/SHA256SUMS --base $WORK/artifacts"
  "gate-window|1|gate-window --calendar $WORK/calendar.yaml --at 2026-11-23T09:30:00+01:00"
  "push-image|0|push-image --source oci:$WORK/image:bench --target $REPO:2 --insecure-http --quiet"
  "verify-image|0|verify-image --key $WORK/cosign.pub $REPO@$DIGEST --insecure-http"
  "copy-image|0|copy-image --source $REPO@$DIGEST --target 127.0.0.1:$REGISTRY_PORT/bench/copy:1 --insecure-http --quiet"
  "completion|0|completion bash"
  "man|0|man push-image"
)

feature() { sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release"; }
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg); $RUNS runs each; hyperfine $(hyperfine --version | awk '{print $2}')"
echo
echo "| JDK | command | exit | java -jar: wall (CPU) | launcher, first run: wall | launcher, later runs: wall (CPU) | later / java -jar: wall, CPU |"
echo "|---|---|---|---|---|---|---|"
for home in "${JDKS[@]}"; do
  version=$(feature "$home")
  for entry in "${COMMANDS[@]}"; do
    IFS='|' read -r name expected arguments <<< "$entry"
    # Check once that the command does what the table says, with the exit code it says.
    set +e
    JAVA_HOME="$home" SECURE_PIPELINE_CACHE=off "$LAUNCHER" $arguments > /dev/null 2> "$WORK/check.err"
    status=$?
    set -e
    if [ "$status" -ne "$expected" ]; then
      echo "$name: exit $status, expected $expected" >&2; cat "$WORK/check.err" >&2; exit 1
    fi
    cache="$WORK/cache-$version-$name"
    launched="JAVA_HOME=$home SECURE_PIPELINE_CACHE=$cache $LAUNCHER $arguments > /dev/null 2>&1"
    # First run: an empty cache before every run (the run that writes the archive).
    hyperfine --style none --runs "$RUNS" -i --export-json "$WORK/$version-$name-first.json" \
      --prepare "rm -rf $cache" "$launched" > /dev/null 2>&1
    if [ "$version" -ge 25 ]; then
      # Java 25+: the second run records the ahead-of-time cache, once.
      hyperfine --style none --runs "$RUNS" -i --export-json "$WORK/$version-$name-second.json" \
        --prepare "rm -rf $cache; $launched; true" "$launched" > /dev/null 2>&1
    fi
    # Later runs against java -jar: the cache made as any machine that ran the command before has it, then both
    # in alternating order round after round (interleaved.py), so that both see the same load.
    rm -rf "$cache"
    for _ in 1 2; do sh -c "$launched" || true; done
    python3 benchmarks/scripts/interleaved.py "$RUNS" "$WORK/$version-$name-later.json" \
      "jar=shell:$home/bin/java -jar $JAR $arguments > /dev/null 2>&1; true" "later=shell:$launched; true" > /dev/null
    python3 - "$WORK" "$version" "$name" "$expected" <<'PYTHON'
import json, statistics, sys, os
work, version, name, expected = sys.argv[1:]
def median(mode):
    path = os.path.join(work, f"{version}-{name}-{mode}.json")
    if not os.path.exists(path):
        return None
    return statistics.median(json.load(open(path))["results"][0]["times"])
first, second = median("first"), median("second")
later = json.load(open(os.path.join(work, f"{version}-{name}-later.json")))
jar_wall, jar_cpu = later["jar"]["wall_median_s"], later["jar"]["cpu_median_s"]
wall, cpu = later["later"]["wall_median_s"], later["later"]["cpu_median_s"]
first_text = f"{first:.2f} s" + (f" (second run, recording: {second:.2f} s)" if second else "")
print(f"| {version} | {name} | {expected} | {jar_wall:.2f} s ({jar_cpu:.2f} s) | {first_text} | {wall:.2f} s ({cpu:.2f} s)"
      f" | {wall / jar_wall:.2f}, {cpu / jar_cpu:.2f} |")
PYTHON
  done
done
echo
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
