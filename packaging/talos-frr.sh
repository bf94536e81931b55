#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Entrypoint of the talos-frr extension service: runs the application on the bundled Java runtime.
# Installed as <prefix>/bin/talos-frr; the application is in <prefix>/lib/talos-frr.
# TALOSFRR_JAVA_OPTS (split on spaces) is appended to the JVM flags, e.g. to raise -Xmx.
set -eu

case "$0" in
    */*) bin_dir=${0%/*} ;;
    *) bin_dir=/usr/local/bin ;;
esac
prefix=$(cd "$bin_dir/.." && pwd)
app="$prefix/lib/talos-frr"
java="$app/runtime/bin/java"

: "${TALOSFRR_HOME:=$app}"
export TALOSFRR_HOME

# A small, long-running agent: one GC thread, a bounded heap that gives memory back when idle
# (free ratio 10-30 %), bounded metaspace and code cache, the C1 compiler only, no hsperfdata
# file (the rootfs is read-only), exit on OOM so that Talos restarts the service.
# Measured (bench/run.sh, README "Figures"): these flags take start-up to 0.5x and idle RSS from
# about 150 MB to under 95 MB against the JVM's defaults.
# shellcheck disable=SC2086
exec "$java" \
    -XX:+UseSerialGC \
    -Xms8m -Xmx48m \
    -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 \
    -Xss512k \
    -XX:MaxMetaspaceSize=64m \
    -XX:ReservedCodeCacheSize=24m \
    -XX:MaxDirectMemorySize=16m \
    -XX:TieredStopAtLevel=1 \
    -XX:-UsePerfData \
    -XX:+ExitOnOutOfMemoryError \
    -Dfile.encoding=UTF-8 \
    ${TALOSFRR_JAVA_OPTS:-} \
    -jar "$app/talos-frr.jar" "$@"
