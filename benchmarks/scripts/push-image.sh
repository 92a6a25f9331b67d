#!/usr/bin/env bash
# pushSignedImage benchmark: whole-process push of a 5-layer ~300 MB OCI image to a local distribution registry,
# side by side with `skopeo copy --preserve-digests` in the same run; re-push of the unchanged image; peak memory
# (max RSS from /usr/bin/time -v) for a ~2 GB image.
#
# Needs: docker-registry, skopeo, apache2-utils (htpasswd), time (Debian packages); cli/target/secure-pipeline (the
# launcher), cli/target/secure-pipeline.jar and benchmarks/target/benchmarks.jar (./mvnw -B -q -Poffline package
# -DskipTests). Everything runs on 127.0.0.1 and is removed afterwards.
#
# Ours is measured as users run it, through the launcher, with the default java and, when one is installed, with a
# Java 25+ JDK (JDK25_HOME, else the first one found under /usr/lib/jvm); the launcher's per-user cache is made by
# untimed runs first (one for Java 17-24, two for Java 25+, as on any machine that has run the command before).
# Plain `java -jar` is measured as well.
#
# Usage: benchmarks/scripts/push-image.sh [ROUNDS]   (default 3 rounds; the median is reported; SKIP_BIG=1 skips 2 GB)
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUNDS="${1:-3}"
LAUNCHER="$PWD/cli/target/secure-pipeline"
JAR="$PWD/cli/target/secure-pipeline.jar"
BENCH_JAR="$PWD/benchmarks/target/benchmarks.jar"
# The JVM options used for our runs; the 2 GB run is also measured with the JVM's defaults.
JAVA_OPTS_BENCH=(-XX:+UseSerialGC -Xmx128m)
for tool in docker-registry skopeo htpasswd /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y docker-registry skopeo apache2-utils time" >&2; exit 2; }
done
for jar in "$LAUNCHER" "$JAR" "$BENCH_JAR"; do
  [ -f "$jar" ] || { echo "missing $jar: ./mvnw -B -q -Poffline package -DskipTests" >&2; exit 2; }
done

WORK="$(mktemp -d /tmp/push-image-bench.XXXXXX)"
REGISTRY_PID=""
cleanup() {
  if [ -n "$REGISTRY_PID" ]; then kill "$REGISTRY_PID" 2>/dev/null || true; wait "$REGISTRY_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

PASSWORD="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
printf '%s\n' "$PASSWORD" > "$WORK/password"
htpasswd -B -C 4 -b -c "$WORK/htpasswd" bench "$PASSWORD" 2>/dev/null
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')

# A fresh registry (empty storage) for every measured push, so neither tool profits from blobs the other pushed.
start_registry() {
  if [ -n "$REGISTRY_PID" ]; then kill "$REGISTRY_PID"; wait "$REGISTRY_PID" 2>/dev/null || true; fi
  rm -rf "$WORK/storage"
  cat > "$WORK/config.yml" <<EOF
version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $WORK/storage
http:
  addr: 127.0.0.1:$PORT
  secret: bench
auth:
  htpasswd:
    realm: bench
    path: $WORK/htpasswd
EOF
  docker-registry serve "$WORK/config.yml" > "$WORK/registry.log" 2>&1 &
  REGISTRY_PID=$!
  for _ in $(seq 1 100); do
    curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/v2/" 2>/dev/null | grep -q 401 && return 0
    sleep 0.1
  done
  echo "registry did not start" >&2; cat "$WORK/registry.log" >&2; exit 1
}

# make_image DIR LAYERS MB_PER_LAYER: an OCI layout named "bench" with gzip layers of random (incompressible) files.
make_image() {
  local dir=$1 layers=$2 mb=$3
  mkdir -p "$dir/blobs/sha256"
  printf '{"imageLayoutVersion":"1.0.0"}' > "$dir/oci-layout"
  local layer_json="" diff_ids=""
  for i in $(seq 1 "$layers"); do
    head -c "${mb}M" /dev/urandom > "$WORK/file$i"
    tar -C "$WORK" -cf "$WORK/layer.tar" "file$i"
    rm "$WORK/file$i"
    local diff; diff=$(sha256sum "$WORK/layer.tar" | cut -d' ' -f1)
    gzip -1 -c "$WORK/layer.tar" > "$WORK/layer.tgz"
    rm "$WORK/layer.tar"
    local digest size; digest=$(sha256sum "$WORK/layer.tgz" | cut -d' ' -f1); size=$(stat -c %s "$WORK/layer.tgz")
    mv "$WORK/layer.tgz" "$dir/blobs/sha256/$digest"
    layer_json+="${layer_json:+,}{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"sha256:$digest\",\"size\":$size}"
    diff_ids+="${diff_ids:+,}\"sha256:$diff\""
  done
  printf '{"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":[%s]}}' "$diff_ids" > "$WORK/config.json"
  local cdigest csize; cdigest=$(sha256sum "$WORK/config.json" | cut -d' ' -f1); csize=$(stat -c %s "$WORK/config.json")
  mv "$WORK/config.json" "$dir/blobs/sha256/$cdigest"
  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[%s]}' \
    "$cdigest" "$csize" "$layer_json" > "$WORK/manifest.json"
  local mdigest msize; mdigest=$(sha256sum "$WORK/manifest.json" | cut -d' ' -f1); msize=$(stat -c %s "$WORK/manifest.json")
  mv "$WORK/manifest.json" "$dir/blobs/sha256/$mdigest"
  printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s,"annotations":{"org.opencontainers.image.ref.name":"bench"}}]}' \
    "$mdigest" "$msize" > "$dir/index.json"
  echo "sha256:$mdigest"
}

# timed NAME CMD...: runs CMD under /usr/bin/time -v; prints "seconds max_rss_kib"
timed() {
  local name=$1; shift
  /usr/bin/time -v -o "$WORK/$name.time" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err" || {
    echo "$name failed:" >&2; cat "$WORK/$name.err" >&2; exit 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/$name.time" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/$name.time")
  echo "$wall $rss"
}

ours() { # ours NAME IMAGE_DIR REPO [java options...]: plain java -jar
  local name=$1 dir=$2 repo=$3; shift 3
  timed "$name" java "$@" -jar "$JAR" push-image --source "oci:$dir:bench" --target "127.0.0.1:$PORT/$repo:1" \
    --registry-username bench --registry-password-file "$WORK/password" --insecure-http --format json
}
launched() { # launched NAME IMAGE_DIR REPO JAVA_HOME: through the launcher, with its cache in $WORK
  local name=$1 dir=$2 repo=$3 home=$4
  JAVA_HOME="$home" SECURE_PIPELINE_CACHE="$WORK/cache" timed "$name" "$LAUNCHER" push-image \
    --source "oci:$dir:bench" --target "127.0.0.1:$PORT/$repo:1" \
    --registry-username bench --registry-password-file "$WORK/password" --insecure-http --format json
}
skopeo_copy() { # skopeo_copy NAME IMAGE_DIR REPO
  local name=$1 dir=$2 repo=$3
  # A private HOME: skopeo's blob-info cache must not remember blobs between runs.
  rm -rf "$WORK/skopeo-home"; mkdir -p "$WORK/skopeo-home"
  HOME="$WORK/skopeo-home" XDG_DATA_HOME="$WORK/skopeo-home" timed "$name" skopeo copy --quiet --preserve-digests \
    --dest-tls-verify=false --dest-creds "bench:$PASSWORD" "oci:$dir:bench" "docker://127.0.0.1:$PORT/$repo:1"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1); $(skopeo --version); docker-registry $(docker-registry --version | awk '{print $3}')"
echo "building the 5 x 60 MB image..."
DIGEST=$(make_image "$WORK/img300" 5 60)
echo "image: $(du -sm "$WORK/img300" | cut -f1) MB on disk, $DIGEST"

# The JDKs ours runs on: the default java, and a Java 25+ JDK when there is one.
java_feature() { sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true; }
DEFAULT_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
JAVA25_HOME=${JDK25_HOME:-}
if [ -z "$JAVA25_HOME" ]; then
  for home in /usr/lib/jvm/*; do
    f=$(java_feature "$home"); if [ -n "$f" ] && [ "$f" -ge 25 ] && [ -x "$home/bin/java" ]; then JAVA25_HOME=$home; break; fi
  done
fi
HOMES=("$DEFAULT_HOME"); [ -n "$JAVA25_HOME" ] && [ "$JAVA25_HOME" != "$DEFAULT_HOME" ] && HOMES+=("$JAVA25_HOME")
label() { echo "java $(java_feature "$1")"; }

# Untimed runs that make the launcher's cache, as the earlier runs on any agent would have.
for home in "${HOMES[@]}"; do
  for warm in 1 2; do
    start_registry
    launched "warm-$warm" "$WORK/img300" warm/app "$home" > /dev/null
  done
done
echo "launcher cache: $(cd "$WORK/cache" && ls | tr '\n' ' ')"

declare -A push_times repush_times
skopeo_times=(); skopeo_repush_times=()
for round in $(seq 1 "$ROUNDS"); do
  start_registry
  read -r t rss < <(ours "plain$round" "$WORK/img300" plain/app "${JAVA_OPTS_BENCH[@]}")
  grep -q "\"digest\":\"$DIGEST\"" "$WORK/plain$round.out" || { echo "digest not preserved" >&2; cat "$WORK/plain$round.out" >&2; exit 1; }
  push_times[plain]+="$t "; echo "round $round: ours, java -jar (default java) ${t}s (max RSS $((rss / 1024)) MiB)"
  read -r t rss < <(ours "plainre$round" "$WORK/img300" plain/app "${JAVA_OPTS_BENCH[@]}")
  grep -q '"blobsPushed":0' "$WORK/plainre$round.out" || { echo "re-push uploaded blobs" >&2; exit 1; }
  repush_times[plain]+="$t "; echo "round $round: ours, java -jar re-push ${t}s"
  for home in "${HOMES[@]}"; do
    name=$(label "$home")
    start_registry
    read -r t rss < <(launched "l$round" "$WORK/img300" ours/app "$home")
    grep -q "\"digest\":\"$DIGEST\"" "$WORK/l$round.out" || { echo "digest not preserved" >&2; cat "$WORK/l$round.out" >&2; exit 1; }
    push_times[$name]+="$t "; echo "round $round: ours, launcher on $name ${t}s (max RSS $((rss / 1024)) MiB)"
    read -r t rss < <(launched "lre$round" "$WORK/img300" ours/app "$home")
    grep -q '"blobsPushed":0' "$WORK/lre$round.out" || { echo "re-push uploaded blobs" >&2; exit 1; }
    repush_times[$name]+="$t "; echo "round $round: ours, launcher on $name re-push ${t}s"
  done
  start_registry
  read -r t rss < <(skopeo_copy "skopeo$round" "$WORK/img300" skopeo/app)
  skopeo_times+=("$t"); echo "round $round: skopeo ${t}s (max RSS $((rss / 1024)) MiB)"
  read -r t rss < <(skopeo_copy "skopeore$round" "$WORK/img300" skopeo/app)
  skopeo_repush_times+=("$t"); echo "round $round: skopeo re-push ${t}s"
done
SKOPEO=$(printf '%s\n' "${skopeo_times[@]}" | median)
SKOPEO_REPUSH=$(printf '%s\n' "${skopeo_repush_times[@]}" | median)
echo "median push 300 MB: skopeo ${SKOPEO}s, re-push ${SKOPEO_REPUSH}s ($(awk "BEGIN {printf \"%.1f\", 100*$SKOPEO_REPUSH/$SKOPEO}")% of its push)"
for name in plain $(for home in "${HOMES[@]}"; do label "$home" | tr ' ' '_'; done); do
  key=${name//_/ }
  PUSH=$(printf '%s\n' ${push_times[$key]} | median)
  REPUSH=$(printf '%s\n' ${repush_times[$key]} | median)
  [ "$key" = plain ] && key="java -jar (default java)" || key="launcher on $key"
  echo "median push 300 MB: ours, $key ${PUSH}s ($(awk "BEGIN {printf \"%.2f\", $PUSH/$SKOPEO}")x skopeo's time), re-push ${REPUSH}s ($(awk "BEGIN {printf \"%.1f\", 100*$REPUSH/$PUSH}")% of its push)"
done

# The same push and re-push inside one JVM: the engine's own time, without JVM start-up.
start_registry
java -XX:+UseSerialGC -Xmx128m -cp "$BENCH_JAR" io.jenkins.plugins.securepipeline.benchmarks.PushImageInProcess \
  "oci:$WORK/img300:bench" "127.0.0.1:$PORT/inproc/app:1" bench "$WORK/password" | sed 's/^/in one JVM: /'
read -r t rss < <(timed startup java -XX:+UseSerialGC -Xmx128m -jar "$JAR" --version)
echo "JVM start-up alone (java -jar secure-pipeline.jar --version): ${t}s"

rm -rf "$WORK/img300"
[ "${SKIP_BIG:-0}" = 1 ] && exit 0
echo "building the 5 x 400 MB image..."
make_image "$WORK/img2g" 5 400 > /dev/null
echo "image: $(du -sm "$WORK/img2g" | cut -f1) MB on disk"
start_registry
read -r t rss < <(launched big-launcher "$WORK/img2g" big/app "$DEFAULT_HOME")
echo "2 GB push, ours through the launcher ($(label "$DEFAULT_HOME")): ${t}s, max RSS $((rss / 1024)) MiB"
start_registry
read -r t rss < <(ours big-default "$WORK/img2g" big/app)
echo "2 GB push, ours java -jar with JVM defaults: ${t}s, max RSS $((rss / 1024)) MiB"
start_registry
read -r t rss < <(skopeo_copy big-skopeo "$WORK/img2g" big/app)
echo "2 GB push, skopeo: ${t}s, max RSS $((rss / 1024)) MiB"
