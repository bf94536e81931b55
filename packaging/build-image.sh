#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the talos-frr Talos system extension as an OCI image archive, from Debian 13's packages:
#
#   packaging/build-image.sh [amd64|arm64]      (default: this machine's architecture)
#
# writes target/image/talos-frr-<version>-<arch>.tar (what `skopeo copy oci-archive:FILE ...` reads)
# with target/image/talos-frr-<version>-<arch>.packages.txt (the Debian packages that went in) and
# .digest (the image's manifest digest).
# Its one layer holds manifest.yaml, the service definition and the service's container root:
# FRR 10.3, frr-reload.py and python3, iproute2, a Java 25 runtime made by jlink from Debian's
# openjdk-25, the application and its launcher (docs/talos-extension.md).
#
# Two builds of one commit from the same packages give the same image digest: every file gets
# SOURCE_DATE_EPOCH (default: the commit's time) as mtime and root as owner.
#
# Needs root (or sudo), mmdebstrap and util-linux; every other tool (jlink, umoci, skopeo, readelf)
# runs in a Debian 13 tool root built once and cached in $TALOSFRR_IMAGE_CACHE (default
# ~/.cache/talos-frr-image). Maven builds the jar first unless TALOSFRR_SKIP_MAVEN=1 (the Maven build
# itself calls this script after packaging the jar).
set -euo pipefail

readonly HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly REPO="$(dirname "$HERE")"
readonly TARGET="$REPO/target"
readonly NAME=talos-frr
readonly IMAGE_MIRROR="${TALOSFRR_IMAGE_MIRROR:-http://deb.debian.org/debian}"
readonly CACHE="${TALOSFRR_IMAGE_CACHE:-${XDG_CACHE_HOME:-${HOME:-/root}/.cache}/talos-frr-image}"
readonly JDK=openjdk-25
# Where the application lives in the container root; the service definition's entrypoint is
# /usr/local/bin/talos-frr.
readonly APP_DIR=usr/local/lib/talos-frr
# Beyond what jdeps finds: sun.misc.Signal (SIGTERM), JMX (camel-management), the local JMX agent
# that `jconsole <pid>` and other attaching clients start (jdk.management.agent), the health server.
readonly EXTRA_MODULES=jdk.unsupported,java.management,jdk.management,jdk.management.agent,jdk.httpserver
# java.desktop comes in for java.beans (Camel's and Velocity's bean introspection), which loads no
# native library; its AWT, font, image and sound libraries need X11 and friends, which the image
# does not have, so they are left out; and so are the debug symbols Debian ships in its jmods.
readonly EXCLUDED_NATIVE='regex:.*(/lib(awt_xawt|jawt|fontmanager|javajpeg|splashscreen|lcms|jsound|mlib_image)\.so|\.debuginfo)'
# Mount points of the service definition (talos-frr.yaml) and of the OCI runtime (proc, sys, dev):
# the container root is read-only.
readonly MOUNT_POINTS=(proc sys run/frr var/lib/frr var/tmp/frr var/log/frr var/lib/talos-frr/env etc/frr usr/local/etc/talos-frr tmp dev)

die() {
  echo "build-image: $*" >&2
  exit 1
}
step() { echo "build-image: $*"; }

as_root() { if [[ "$(id -u)" -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

host_arch() {
  case "$(uname -m)" in
    x86_64) echo amd64 ;;
    aarch64) echo arm64 ;;
    *) die "this machine ($(uname -m)) is neither amd64 nor arm64" ;;
  esac
}

project_version() {
  sed -n '/<artifactId>talos-frr<\/artifactId>/,/<\/version>/ s|.*<version>\(.*\)</version>.*|\1|p' "$REPO/pom.xml" | head -n 1
}

# The tool root: Debian 13 with umoci, skopeo and binutils, and apt able to fetch arm64 packages.
tool_root() {
  local key
  key="$(declare -f build_tool_root | sha256sum | cut -c1-12)"
  echo "$CACHE/tool-root-trixie-$key"
}

build_tool_root() {
  local root="$1"
  as_root mmdebstrap --variant=apt --mode=root --quiet --architectures=amd64,arm64 \
    --include=umoci,skopeo,binutils,binutils-aarch64-linux-gnu,binutils-x86-64-linux-gnu \
    --customize-hook='mkdir -p "$1/work"' \
    trixie "$root.building" "$IMAGE_MIRROR"
  as_root mv "$root.building" "$root"
}

ensure_tool_root() {
  local root
  root="$(tool_root)"
  [[ -d "$root" ]] && return 0
  mkdir -p "$CACHE"
  exec 8>"$CACHE/.lock"
  flock 8
  [[ -d "$root" ]] && return 0
  step "building the tool root $root (Debian 13, about 300 MB, once)"
  as_root rm -rf "$root.building"
  build_tool_root "$root"
}

# in_tools CMD...: CMD in the tool root, with the build directory at /work and /proc mounted
# (glibc resolves $ORIGIN through /proc: the JDK's launchers need it).
in_tools() {
  as_root unshare -m --propagation private sh -c \
    'mount -t proc proc "$0/proc" && mount --bind "$1" "$0/work" && shift && exec chroot "$0" "$@"' \
    "$(tool_root)" "$BUILD" "$@"
}

# The JDK that links the runtime runs here; the modules it links come from the target's JDK of the
# same Debian version (for arm64, the arm64 package: jlink links across architectures).
fetch_jdks() {
  local host="$1" arch="$2"
  local -a debs=("$JDK-jdk-headless:$host" "$JDK-jre-headless:$host")
  [[ "$arch" == "$host" ]] || debs+=("$JDK-jdk-headless:$arch" "$JDK-jre-headless:$arch")
  mkdir -p "$BUILD/debs"
  in_tools sh -c 'apt-get -q -o Acquire::Check-Valid-Until=false update >/dev/null && cd /work/debs && apt-get -q download "$@" >/dev/null 2>&1' sh "${debs[@]}"
  # Extracted over the tool root, where the JDK's absolute links (/etc/java-25-openjdk) point.
  as_root rm -rf "$(tool_root)/usr/lib/jvm" "$(tool_root)/etc/java-25-openjdk"
  local deb
  for deb in "$BUILD"/debs/"$JDK"-j*_"$host".deb; do as_root dpkg-deb -x "$deb" "$(tool_root)"; done
  if [[ "$arch" != "$host" ]]; then
    for deb in "$BUILD"/debs/"$JDK"-j*_"$arch".deb; do dpkg-deb -x "$deb" "$BUILD/jdk-$arch"; done
  fi
  for deb in "$BUILD"/debs/"$JDK"-jdk-headless_*.deb; do
    printf '%s %s %s (build only: jlink, jmods)\n' "$(dpkg-deb -f "$deb" Package)" "$(dpkg-deb -f "$deb" Version)" "$(dpkg-deb -f "$deb" Architecture)"
  done | sort -u >"$BUILD/jdk.packages.txt"
}

# The application exactly as the jar's Class-Path names it (target/lib may hold stale jars).
copy_application() {
  local app="$1" class_path entry
  for entry in "$TARGET/$NAME.jar" "$TARGET/lib" "$TARGET/routes" "$TARGET/templates" "$TARGET/conf/application.properties"; do
    [[ -e "$entry" ]] || die "$entry missing: run mvn package first"
  done
  class_path="$(unzip -p "$TARGET/$NAME.jar" META-INF/MANIFEST.MF | tr -d '\r' | awk '
      /^Class-Path: / { on = 1; sub(/^Class-Path: /, ""); printf "%s", $0; next }
      on && /^ / { sub(/^ /, ""); printf "%s", $0; next }
      { on = 0 }')"
  [[ -n "$class_path" ]] || die "$TARGET/$NAME.jar has no Class-Path"
  mkdir -p "$app/lib"
  cp "$TARGET/$NAME.jar" "$app/"
  for entry in $class_path; do cp "$TARGET/$entry" "$app/$entry"; done
  cp -R "$TARGET/routes" "$TARGET/templates" "$TARGET/conf" "$app/"
}

link_runtime() {
  local arch="$1" host="$2" app="$3" java_home modules jmods
  java_home="/usr/lib/jvm/java-25-openjdk-$host"
  jmods="$java_home/jmods"
  [[ "$arch" == "$host" ]] || jmods="/work/jdk-$arch/usr/lib/jvm/java-25-openjdk-$arch/jmods"
  local in_app="/work/layer/rootfs/usr/local/lib/containers/$NAME/$APP_DIR"
  modules="$(in_tools "$java_home/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 -q \
    --class-path "$in_app/lib/*" "$in_app/$NAME.jar")"
  modules="$(printf '%s,%s' "$modules" "$EXTRA_MODULES" | tr ',' '\n' | sort -u | paste -sd, -)"
  step "jlink ($arch): $modules"
  in_tools "$java_home/bin/jlink" --module-path "$jmods" --add-modules "$modules" \
    --output "$in_app/runtime" --strip-debug --no-man-pages --no-header-files --compress=zip-6 \
    --exclude-files="$EXCLUDED_NATIVE"
}

# Talos' extension manifest; the version is the project's.
write_manifest() {
  local version="$1"
  sed "s/{{ \.VERSION }}/$version/" "$HERE/manifest.yaml.tmpl" >"$BUILD/layer/manifest.yaml"
}

# FRR's daemons drop to the frr user; vtysh's sockets belong to the frrvty group. vtysh asks PAM
# (service frr) before it connects: Debian's file permits auth only and leaves account to the
# distribution's common files, which the image does not have, so each vtysh printed
# "vtysh_pam: Failed in account validation". Who may connect is decided by the sockets' group.
write_system_files() {
  local root="$1"
  mkdir -p "$root/etc/pam.d"
  printf 'root:x:0:0:root:/root:/bin/sh\nfrr:x:100:101:FRR:/var/run/frr:/usr/sbin/nologin\n' >"$root/etc/passwd"
  printf 'root:x:0:\nfrr:x:101:\nfrrvty:x:102:frr\n' >"$root/etc/group"
  printf 'auth sufficient pam_permit.so\naccount sufficient pam_permit.so\nsession sufficient pam_permit.so\n' >"$root/etc/pam.d/frr"
}

# Fixed owners, modes without group/other write, and SOURCE_DATE_EPOCH on every entry.
normalise() {
  local dir="$1" epoch="$2"
  as_root chown -hR 0:0 "$dir"
  as_root chmod -R go-w "$dir"
  as_root find "$dir" -exec touch -h -d "@$epoch" {} +
}

make_oci_archive() {
  local arch="$1" version="$2" epoch="$3" out="$4" created
  created="$(date -u -d "@$epoch" +%Y-%m-%dT%H:%M:%SZ)"
  local image="/work/oci:$version"
  in_tools umoci init --layout /work/oci
  in_tools umoci new --image "$image"
  in_tools umoci config --image "$image" --no-history --created "$created" --os linux --architecture "$arch" \
    --author "talos-frr authors"
  in_tools umoci insert --image "$image" --history.created "$created" --history.created_by "packaging/build-image.sh" \
    /work/layer /
  in_tools umoci gc --layout /work/oci
  in_tools skopeo copy --quiet "oci:$image" "oci-archive:/work/image.tar:$version"
  mv "$BUILD/image.tar" "$out"
}

image_digest() {
  in_tools skopeo inspect --raw "oci:/work/oci:$1" | sha256sum | cut -d' ' -f1
}

main() {
  local arch host version epoch
  host="$(host_arch)"
  arch="${1:-$host}"
  case "$arch" in
    amd64 | arm64) ;;
    -h | --help) sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "architecture '$arch': expected amd64 or arm64" ;;
  esac
  command -v mmdebstrap >/dev/null || die "mmdebstrap is missing (apt-get install mmdebstrap)"
  version="$(project_version)"
  [[ -n "$version" ]] || die "no project version in $REPO/pom.xml"
  epoch="${SOURCE_DATE_EPOCH:-$(git -C "$REPO" log -1 --format=%ct 2>/dev/null || echo 0)}"
  local started=$SECONDS
  if [[ "${TALOSFRR_SKIP_MAVEN:-0}" != 1 ]]; then
    step "mvn package (tests skipped)"
    (cd "$REPO" && mvn -B -q -DskipTests -Dimage.skip=true package)
  fi

  ensure_tool_root
  readonly BUILD="$TARGET/image/build-$arch"
  as_root rm -rf "$BUILD"
  mkdir -p "$BUILD/layer/rootfs/usr/local/etc/containers"
  local ctr="$BUILD/layer/rootfs/usr/local/lib/containers/$NAME"
  local base="$TARGET/image/$NAME-$version-$arch"

  step "container root ($arch) from Debian 13"
  as_root env MIRROR="$IMAGE_MIRROR" "$HERE/image/container-root.sh" "$arch" "$ctr" "$BUILD/root.packages.txt"
  write_system_files "$ctr"
  local d
  for d in "${MOUNT_POINTS[@]}"; do mkdir -p "$ctr/$d"; done
  # FRR's pid files and sockets are in /run/frr (Debian's build); /var/run is Debian's link to /run,
  # relative so that it also resolves inside the root from outside it.
  rm -rf "$ctr/var/run" && ln -s ../run "$ctr/var/run"
  copy_application "$ctr/$APP_DIR"
  install -D -m 0755 "$HERE/$NAME.sh" "$ctr/usr/local/bin/$NAME"
  fetch_jdks "$host" "$arch"
  link_runtime "$arch" "$host" "$ctr/$APP_DIR"
  write_manifest "$version"
  cp "$HERE/$NAME.yaml" "$BUILD/layer/rootfs/usr/local/etc/containers/$NAME.yaml"

  as_root "$HERE/image/drop-unused-libraries.sh" "$ctr"
  "$HERE/image/check-root.sh" "$arch" "$ctr"
  normalise "$BUILD/layer" "$epoch"
  make_oci_archive "$arch" "$version" "$epoch" "$base.tar"
  cat "$BUILD/root.packages.txt" "$BUILD/jdk.packages.txt" >"$base.packages.txt"

  echo "sha256:$(image_digest "$version")" >"$base.digest"
  step "$base.tar: $(du -h "$base.tar" | cut -f1), image digest $(cat "$base.digest")"
  step "built in $((SECONDS - started)) s"
}

main "$@"
