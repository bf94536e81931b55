# SPDX-License-Identifier: Apache-2.0
# Reading ELF files with readelf, for either architecture; sourced by check-root.sh and
# drop-unused-libraries.sh.

is_elf() { [[ "$(head -c 4 "$1" 2>/dev/null | od -An -c | tr -d ' ')" == '177ELF' ]]; }

# The sonames an ELF file needs (DT_NEEDED), one per line, from `readelf -d` output on stdin.
elf_needed() { sed -n 's/.*(NEEDED) *Shared library: \[\(.*\)\]/\1/p'; }

# Its own soname (DT_SONAME), from `readelf -d` output on stdin.
elf_soname() { sed -n 's/.*(SONAME) *Library soname: \[\(.*\)\]/\1/p'; }
