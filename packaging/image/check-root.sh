#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Checks a container root without running it, so that it works for either architecture:
#   - every ELF file is built for ARCH (readelf's Machine field);
#   - every symbolic link points at something inside the root;
#   - every library an ELF file needs (DT_NEEDED) is found inside the root, along its RPATH or
#     RUNPATH ($ORIGIN expanded) and the loader's directories;
# then prints the unpacked size with a breakdown. Exits 1 naming every file that fails.
#
# Usage: check-root.sh ARCH ROOT
set -euo pipefail

die() {
  echo "check-root: $*" >&2
  exit 1
}

[[ $# -eq 2 ]] || die "usage: check-root.sh ARCH ROOT"
arch="$1"
root="$(realpath "$2")"
case "$arch" in
  amd64) machine='Advanced Micro Devices X86-64' triplet=x86_64-linux-gnu ;;
  arm64) machine='AArch64' triplet=aarch64-linux-gnu ;;
  *) die "architecture '$arch': expected amd64 or arm64" ;;
esac
command -v readelf >/dev/null || die "readelf is missing (binutils)"
# shellcheck source=packaging/image/elf.sh
. "$(dirname "${BASH_SOURCE[0]}")/elf.sh"

loader_dirs=("/lib/$triplet" "/usr/lib/$triplet" /lib /usr/lib)
app_runtime="usr/local/lib/talos-frr/runtime"

# found NAME ORIGIN_DIR SEARCH_PATH: whether NAME is a file (or a link to one) in the root.
found() {
  local name="$1" origin="$2" path="$3" dir
  local IFS=:
  for dir in $path "${loader_dirs[@]}"; do
    [[ -n "$dir" ]] || continue
    dir="${dir//\$ORIGIN/$origin}"
    dir="${dir//\$\{ORIGIN\}/$origin}"
    [[ -e "$root$dir/$name" ]] && return 0
  done
  return 1
}

failures=0
elves=0
while IFS= read -r -d '' f; do
  is_elf "$f" || continue
  elves=$((elves + 1))
  rel="${f#"$root"}"
  header="$(readelf -h "$f" 2>/dev/null)" || { echo "check-root: $rel: readelf cannot read it" >&2; failures=$((failures + 1)); continue; }
  if ! grep -q "Machine: *$machine\$" <<<"$header"; then
    echo "check-root: $rel: built for $(sed -n 's/ *Machine: *//p' <<<"$header"), not $arch" >&2
    failures=$((failures + 1))
    continue
  fi
  dynamic="$(readelf -d "$f" 2>/dev/null || true)"
  search="$(sed -n 's/.*(R\(UN\)\{0,1\}PATH) *Library r\(un\)\{0,1\}path: \[\(.*\)\]/\3/p' <<<"$dynamic" | paste -sd: -)"
  origin="$(dirname "$rel")"
  # The Java runtime's libraries need libjvm.so, which the launcher loads first from lib/server.
  [[ "$rel" == "/$app_runtime/"* ]] && search="$search:/$app_runtime/lib:/$app_runtime/lib/server"
  while IFS= read -r lib; do
    [[ -n "$lib" ]] || continue
    if ! found "$lib" "$origin" "$search"; then
      echo "check-root: $rel needs $lib, which the root does not have" >&2
      failures=$((failures + 1))
    fi
  done < <(elf_needed <<<"$dynamic")
done < <(find "$root" -type f -size +1k -print0)

# Links resolve inside the root: an absolute target is the container's path, not the builder's.
while IFS= read -r -d '' link; do
  target="$(readlink "$link")"
  rel="${link#"$root"}"
  if [[ "$target" == /* ]]; then resolved="$root$target"; else resolved="$(dirname "$link")/$target"; fi
  # One level: a target that is itself an absolute link is checked as its own entry.
  if [[ ! -e "$resolved" && ! -L "$resolved" ]]; then
    echo "check-root: $rel links to $target, which the root does not have" >&2
    failures=$((failures + 1))
  fi
done < <(find "$root" -type l -print0)

[[ "$elves" -gt 0 ]] || die "no ELF file under $root"
[[ "$failures" -eq 0 ]] || die "$failures problem(s) in $elves ELF files for $arch"
echo "check-root: $elves ELF files, all $arch, every library they need is in the root"

# Size: apparent bytes, as the image's layer holds them.
size_of() {
  local total=0 p
  for p in "$@"; do
    for m in $root/$p; do
      [[ -e "$m" ]] && total=$((total + $(du -sb "$m" | cut -f1)))
    done
  done
  echo "$total"
}
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }

total="$(size_of .)"
frr="$(size_of usr/lib/frr usr/bin/vtysh "usr/lib/$triplet/frr" "usr/lib/$triplet/libyang.so*" usr/share/yang)"
python="$(size_of 'usr/lib/python3*' 'usr/bin/python3*' usr/share/python3)"
runtime="$(size_of "$app_runtime")"
app="$(($(size_of usr/local/lib/talos-frr usr/local/bin/talos-frr) - runtime))"
libc="$(size_of "usr/lib/$triplet/gconv" "usr/lib/$triplet/lib"{c,m,mvec,resolv,nss_*,anl,BrokenLocale,c_malloc_debug,thread_db,dl,pthread,rt,util}".so*" "usr/lib/$triplet/ld-linux*" "usr/lib/ld-linux*" "usr/lib64/ld-linux*")"
rest=$((total - frr - python - runtime - app - libc))
echo "check-root: unpacked size $(mib "$total"): FRR $(mib "$frr"), python $(mib "$python"), Java runtime $(mib "$runtime"), app $(mib "$app"), libc $(mib "$libc"), the rest $(mib "$rest")"
