#!/usr/bin/env bash
# S3Proxy 2.6.0 (Maven Central: org.gaul:s3proxy, jar-with-dependencies) on 127.0.0.1, with its
# filesystem backend: a real S3 API for the object-storage tests. Prints the S3_TEST_URL to use.
#   .ci/s3proxy.sh          start (idempotent)     .ci/s3proxy.sh stop
# Env: S3PROXY_DIR (default /tmp/hub-s3proxy), S3PROXY_PORT (default 9400).
set -euo pipefail
DIR="${S3PROXY_DIR:-/tmp/hub-s3proxy}"
PORT="${S3PROXY_PORT:-9400}"
VERSION=2.6.0
JAR="$DIR/s3proxy-$VERSION-jar-with-dependencies.jar"
PIDFILE="$DIR/s3proxy.pid"
KEY=hub-test-key SECRET=hub-test-secret
URL="s3://$KEY:$SECRET@127.0.0.1:$PORT"

if [ "${1:-start}" = stop ]; then
    [ -f "$PIDFILE" ] && kill "$(cat "$PIDFILE")" 2>/dev/null || true
    rm -f "$PIDFILE"
    exit 0
fi

mkdir -p "$DIR"
if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
    echo "$URL"
    exit 0
fi
if [ ! -f "$JAR" ]; then
    # From Maven Central through Maven's own cache (~/.m2): offline first, so a second run needs no network.
    (cd "$DIR" && { mvn -q -B -o dependency:copy "-Dartifact=org.gaul:s3proxy:$VERSION:jar:jar-with-dependencies" \
        "-DoutputDirectory=$DIR" >"$DIR/fetch.log" 2>&1 \
        || mvn -q -B dependency:copy "-Dartifact=org.gaul:s3proxy:$VERSION:jar:jar-with-dependencies" \
        "-DoutputDirectory=$DIR" >>"$DIR/fetch.log" 2>&1; }) || { tail -n 20 "$DIR/fetch.log" >&2; exit 1; }
fi
rm -rf "$DIR/data"
mkdir -p "$DIR/data"
cat >"$DIR/s3proxy.conf" <<CONF
s3proxy.endpoint=http://127.0.0.1:$PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$KEY
s3proxy.credential=$SECRET
jclouds.provider=filesystem
jclouds.filesystem.basedir=$DIR/data
CONF
nohup java -Xmx256m -jar "$JAR" --properties "$DIR/s3proxy.conf" >"$DIR/s3proxy.log" 2>&1 &
echo $! >"$PIDFILE"
for _ in $(seq 1 60); do
    if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
        echo "$URL"
        exit 0
    fi
    sleep 1
done
echo "s3proxy did not start; last lines of $DIR/s3proxy.log:" >&2
tail -n 20 "$DIR/s3proxy.log" >&2
exit 1
