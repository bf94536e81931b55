#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# bench/boot.sh - the talos-frr boot (docs/design.md, boot steps 1-8) as a plain bash script, written
# only as a yardstick for bench/run.sh: what does the same work cost without a JVM and Camel?
# It is not the product (Talos has no shell) and has no watch, health or supervision (step 9).
#
#   bench/boot.sh [run] [--env-file PATH]   boot the node, then exit (like `talos-frr run --once`)
#   bench/boot.sh plan  [--env-file PATH]   print what run would do, in `talos-frr plan`'s format
#
# Same settings as the Java program (conf/application.properties defaults, TALOSFRR_* overrides),
# same validation (docs/design.md, "Configuration"), same `ip` calls (state read with `ip -json` + jq before each
# network step, then only the commands still needed), same rendered files, same `vtysh --dryrun`
# check, same frrinit.sh / vtysh calls. Needs bash >= 4, jq, coreutils; on a real host ip(8) and FRR.
# BenchReferenceTest (src/test/java/io/talosfrr/render) proves its plan equal to the product's for every golden.
# Exit: 0 booted, 2 invalid configuration (host untouched), 1 anything else.

set -u
set -o pipefail

# ---------------------------------------------------------------- settings
IP_CMD=${TALOSFRR_IP_COMMAND:-ip}
FRR_CONF_DIR=${TALOSFRR_FRR_CONF_DIR:-/etc/frr}
FRR_DAEMON_DIR=${TALOSFRR_FRR_DAEMON_DIR:-/usr/lib/frr}
FRR_RUN_DIR=${TALOSFRR_FRR_RUN_DIR:-/var/run/frr}
FRR_STATE_DIRS=${TALOSFRR_FRR_STATE_DIRS:-$FRR_RUN_DIR,/var/lib/frr,/var/tmp/frr}
FRR_VTYSH=${TALOSFRR_FRR_VTYSH:-/usr/bin/vtysh}
FRR_RELOAD=${TALOSFRR_FRR_RELOAD_SCRIPT:-$FRR_DAEMON_DIR/frr-reload.py}
FRR_USER=${TALOSFRR_FRR_USER:-frr}
FRR_START_WAIT_ATTEMPTS=${TALOSFRR_FRR_START_WAIT_ATTEMPTS:-80}
SYSFS_NET=${TALOSFRR_SYSFS_NET_DIR:-/sys/class/net}
PORTS_WAIT_SECONDS=${TALOSFRR_PORTS_WAIT_SECONDS:-60}
EXEC_TIMEOUT_S=$(( ${TALOSFRR_EXEC_TIMEOUT_MS:-10000} / 1000 ))
FRR_TIMEOUT_S=$(( ${TALOSFRR_FRR_COMMAND_TIMEOUT_MS:-60000} / 1000 ))
RETRY_HOST_ATTEMPTS=${TALOSFRR_RETRY_HOST_ATTEMPTS:-5}
RETRY_HOST_FIRST_MS=${TALOSFRR_RETRY_HOST_FIRST_DELAY_MS:-200}
RETRY_FRR_ATTEMPTS=${TALOSFRR_RETRY_FRR_ATTEMPTS:-3}
RETRY_FRR_FIRST_MS=${TALOSFRR_RETRY_FRR_FIRST_DELAY_MS:-1000}
ENV_FILE=${TALOSFRR_ENV_FILE:-/usr/local/etc/talos-frr/talos-frr.env}

VETH_FRR=veth-frr
VETH_METALLB=veth-metallb
KNOWN_KEYS=" NODE_IP ASN_LOCAL FE_MACS FE_PORT_NAMES ASN_VRF_METALLB ASN_METALLB_SPEAKER VRF_METALLB \
METALLB_VRF_ROUTE_TABLE_ID PEER_IP_FRR PEER_IP_METALLB PEER_IP_PREFIX INTERFACE_MTU ENABLE_BFD \
ENABLE_GRACEFUL_RESTART FRR_PROFILE "
# Settings of the product this reference does not implement: it refuses them rather than compare a
# boot without them (BenchReferenceTest checks that these two lists hold every setting).
UNIMPLEMENTED_KEYS=" FABRIC_PASSWORD_FILE METALLB_PASSWORD_FILE FABRIC_KEEPALIVE_SECONDS FABRIC_HOLD_SECONDS METALLB_KEEPALIVE_SECONDS METALLB_HOLD_SECONDS BFD_RECEIVE_INTERVAL_MS BFD_TRANSMIT_INTERVAL_MS BFD_DETECT_MULTIPLIER "

log() { # level step message
    local t=${EPOCHREALTIME/[.,]/}
    printf '%(%Y-%m-%dT%H:%M:%S)T.%03d %s %s\n' "${t:0:-6}" "$(( 10#${t: -6} / 1000 ))" "$1" "$2" >&2
}
die() { log ERROR "$1"; exit "${2:-1}"; }
csv() { local out="" x; for x; do out+="${out:+, }$x"; done; printf '%s' "$out"; }
sleep_ms() { sleep "$(( $1 / 1000 )).$(printf '%03d' $(( $1 % 1000 )))"; }

# ---------------------------------------------------------------- command line
MODE=run
while [ $# -gt 0 ]; do
    case "$1" in
        run|plan) MODE=$1 ;;
        --once) ;;                                   # accepted for symmetry: this script always exits
        --env-file) [ $# -ge 2 ] && [ -n "$2" ] || die "talos-frr: --env-file needs a path" 2; ENV_FILE=$2; shift ;;
        --env-file=*) ENV_FILE=${1#--env-file=} ;;
        -h|--help) sed -n '5,7p' "$0"; exit 0 ;;
        *) die "talos-frr: unknown argument $1" 2 ;;
    esac
    shift
done

# ---------------------------------------------------------------- step 1: configuration
declare -A ENV=()
for k in $KNOWN_KEYS; do
    [ -n "${!k+x}" ] && ENV[$k]=${!k}
done
for k in $UNIMPLEMENTED_KEYS; do
    [ -z "${!k:-}" ] || die "load-config: $k is set, which bench/boot.sh does not implement; benchmark without it" 2
done
if [ -f "$ENV_FILE" ]; then
    lineno=0; file_errors=()
    while IFS= read -r line || [ -n "$line" ]; do
        lineno=$((lineno + 1))
        line=${line%$'\r'}
        line="${line#"${line%%[![:space:]]*}"}"; line="${line%"${line##*[![:space:]]}"}"
        [ -z "$line" ] && continue
        [ "${line:0:1}" = "#" ] && continue
        key=${line%%=*}; key="${key%"${key##*[![:space:]]}"}"
        if [[ "$line" != *=* || ! "$key" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]]; then
            file_errors+=("$ENV_FILE:$lineno=\"$line\" is invalid: a KEY=VALUE line or a # comment"); continue
        fi
        value=${line#*=}; value="${value#"${value%%[![:space:]]*}"}"
        if [ ${#value} -ge 2 ] && { [[ "$value" == \"*\" ]] || [[ "$value" == \'*\' ]]; }; then
            value=${value:1:${#value}-2}
        fi
        if [[ "$KNOWN_KEYS" == *" $key "* ]]; then
            ENV[$key]=$value
        elif [[ "$UNIMPLEMENTED_KEYS" == *" $key "* ]]; then
            die "load-config: $ENV_FILE sets $key, which bench/boot.sh does not implement; benchmark without it" 2
        elif [[ "$key" != TALOSFRR_* ]]; then
            log WARN "load-config: $ENV_FILE sets $key, which this program does not know; ignored"
        fi
    done < "$ENV_FILE"
    if [ ${#file_errors[@]} -gt 0 ]; then
        log ERROR "load-config: ${#file_errors[@]} configuration error(s):$(printf '\n  - %s' "${file_errors[@]}"); nothing on the host was changed"
        exit 2
    fi
fi

ERRORS=()
quote() { # like ConfigError.quote: control characters escaped
    local s=$1
    s=${s//\\/\\\\}; s=${s//\"/\\\"}; s=${s//$'\n'/\\n}; s=${s//$'\r'/\\r}; s=${s//$'\t'/\\t}
    printf '"%s"' "$s"
}
err() { # key value(or empty for unset) expected
    if [ -z "${2+x}" ] || [ "$2" = $'\x01unset' ]; then ERRORS+=("$1 is not set: $3")
    else ERRORS+=("$1=$(quote "$2") is invalid: $3"); fi
}
present() { [ -n "${ENV[$1]+x}" ] && [[ "${ENV[$1]}" =~ [^[:space:]] ]]; }

MAX_U32=4294967295
unsigned_in() { # text min max -> prints value
    [[ "$1" =~ ^(0|[1-9][0-9]{0,11})$ ]] || return 1
    [ "$1" -ge "$2" ] && [ "$1" -le "$3" ] && printf '%s' "$1"
}
asn() {
    if [[ "$1" != *.* ]]; then unsigned_in "$1" 1 $MAX_U32; return; fi
    local hi lo
    hi=$(unsigned_in "${1%%.*}" 0 65535) && lo=$(unsigned_in "${1#*.}" 0 65535) || return 1
    [ $((hi * 65536 + lo)) -ge 1 ] && printf '%s' $((hi * 65536 + lo))
}
ipv4() {
    local o='(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])'
    [[ "$1" =~ ^$o(\.$o){3}$ ]] && printf '%s' "$1"
}
# IPv6 literal -> 32 hex digits (no zone, IPv4-mapped refused like the Java parser does)
ipv6_hex() {
    local t=$1 head tail g groups=() n i out=""
    [[ "$t" =~ ^[0-9A-Fa-f:.]{2,45}$ ]] || return 1
    if [[ "$t" =~ ^(.*:)([0-9]+\.[0-9]+\.[0-9]+\.[0-9]+)$ ]]; then
        local v4=${BASH_REMATCH[2]} v6head=${BASH_REMATCH[1]}; ipv4 "$v4" >/dev/null || return 1
        local IFS=.; set -- $v4; unset IFS
        t="$v6head$(printf '%x:%x' $(( $1 * 256 + $2 )) $(( $3 * 256 + $4 )))"
    fi
    [[ "$t" == *.* ]] && return 1
    [[ "$t" == *:::* ]] && return 1
    if [[ "$t" == *::* ]]; then
        head=${t%%::*}; tail=${t#*::}
        [[ "$tail" == *::* ]] && return 1
        local hg=() tg=()
        [ -n "$head" ] && IFS=: read -ra hg <<< "$head"
        [ -n "$tail" ] && IFS=: read -ra tg <<< "$tail"
        n=$(( 8 - ${#hg[@]} - ${#tg[@]} )); [ $n -ge 1 ] || return 1
        groups=("${hg[@]}"); for ((i = 0; i < n; i++)); do groups+=(0); done; groups+=("${tg[@]}")
    else
        [[ "$t" == :* || "$t" == *: ]] && return 1
        IFS=: read -ra groups <<< "$t"
    fi
    [ ${#groups[@]} -eq 8 ] || return 1
    for g in "${groups[@]}"; do
        [[ "$g" =~ ^[0-9A-Fa-f]{1,4}$ ]] || return 1
        out+=$(printf '%04x' "0x$g")
    done
    [[ "$out" == 00000000000000000000ffff* ]] && return 1   # IPv4-mapped: the JDK turns it into IPv4
    printf '%s' "$out"
}
# 32 hex digits -> RFC 5952 text (the way ip and FRR print it)
ipv6_text() {
    local h=$1 i j g=() best=-1 bestlen=1 out=""
    for ((i = 0; i < 8; i++)); do g+=( "$(printf '%x' "0x${h:i*4:4}")" ); done
    i=0
    while [ $i -lt 8 ]; do
        j=$i; while [ $j -lt 8 ] && [ "${g[j]}" = 0 ]; do j=$((j + 1)); done
        if [ $((j - i)) -gt $bestlen ]; then best=$i; bestlen=$((j - i)); fi
        if [ $j -eq $i ]; then i=$((i + 1)); else i=$j; fi
    done
    for ((i = 0; i < 8; i++)); do
        if [ $i -eq $best ]; then out+="::"; i=$((i + bestlen - 1)); continue; fi
        [ -n "$out" ] && [ "${out: -1}" != ":" ] && out+=":"
        out+=${g[i]}
    done
    printf '%s' "$out"
}
# address -> "4 <text> <hex>" or "6 <text> <hex>"
ip_parse() {
    local h
    if [[ "$1" != *:* ]]; then
        ipv4 "$1" >/dev/null || return 1
        local IFS=.; set -- $1; unset IFS
        printf '4 %s %02x%02x%02x%02x' "$1.$2.$3.$4" "$1" "$2" "$3" "$4"
    else
        h=$(ipv6_hex "$1") || return 1
        printf '6 %s %s' "$(ipv6_text "$h")" "$h"
    fi
}
hex_bits() { # hex -> binary string
    local h=$1 i out="" d
    local -a b=(0000 0001 0010 0011 0100 0101 0110 0111 1000 1001 1010 1011 1100 1101 1110 1111)
    for ((i = 0; i < ${#h}; i++)); do d=$(( 16#${h:i:1} )); out+=${b[d]}; done
    printf '%s' "$out"
}
ifname_ok() { [[ "$1" =~ ^[A-Za-z0-9_.-]{1,15}$ ]] && [ "$1" != . ] && [ "$1" != .. ]; }
bool() { case "${1,,}" in true|false) printf '%s' "${1,,}" ;; *) return 1 ;; esac; }

ASN_RULE="an AS number 1..4294967295 (asplain, or asdot like 65000.1)"
IFNAME_RULE="1..15 of letters, digits, '_', '.', '-'"

validate() {
    local v
    if present NODE_IP; then
        NODE_IP_V=$(ipv4 "${ENV[NODE_IP]}") || err NODE_IP "${ENV[NODE_IP]}" "an IPv4 address such as 10.0.0.10 (the BGP router-id)"
    else err NODE_IP $'\x01unset' "an IPv4 address such as 10.0.0.10 (the BGP router-id)"; fi
    if present ASN_LOCAL; then
        ASN_LOCAL_V=$(asn "${ENV[ASN_LOCAL]}") || err ASN_LOCAL "${ENV[ASN_LOCAL]}" "$ASN_RULE"
    else err ASN_LOCAL $'\x01unset' "$ASN_RULE"; fi

    # fabric selector
    FABRIC_SOURCE=""; FABRIC_ITEMS=()
    local macs=0 names=0 raw part item seen=" "
    present FE_MACS && macs=1; present FE_PORT_NAMES && names=1
    if [ $macs = $names ]; then
        if [ $macs = 1 ]; then err FE_MACS "${ENV[FE_MACS]}" "set only one of FE_MACS and FE_PORT_NAMES, not both"
        else err FE_MACS $'\x01unset' "set FE_MACS (fabric port MACs) or FE_PORT_NAMES (interface names)"; fi
    else
        FABRIC_SOURCE=$([ $macs = 1 ] && echo FE_MACS || echo FE_PORT_NAMES)
        raw=${ENV[$FABRIC_SOURCE]}
        local -a parts=()
        local rest=$raw
        while :; do parts+=("${rest%%,*}"); [[ "$rest" == *,* ]] || break; rest=${rest#*,}; done
        for part in "${parts[@]}"; do
            item="${part#"${part%%[![:space:]]*}"}"; item="${item%"${item##*[![:space:]]}"}"
            local shown=$([ -z "$item" ] && echo "an empty item" || quote "$item")
            if [ $macs = 1 ]; then
                if [[ ! "$item" =~ ^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$ ]]; then
                    err FE_MACS "$raw" "comma-separated MAC addresses like 0c:42:a1:00:00:01; $shown is not one"; FABRIC_ITEMS=(); break
                fi
                item=${item,,}
            elif ! ifname_ok "$item"; then
                err FE_PORT_NAMES "$raw" "comma-separated interface names ($IFNAME_RULE); $shown is not one"; FABRIC_ITEMS=(); break
            fi
            if [[ "$seen" == *" $item "* ]]; then
                err "$FABRIC_SOURCE" "$raw" "each port once; $item is listed twice"; FABRIC_ITEMS=(); break
            fi
            seen+="$item "; FABRIC_ITEMS+=("$item")
        done
    fi

    ASN_VRF=4000099998; ASN_SPEAKER=4000099999
    if present ASN_VRF_METALLB; then ASN_VRF=$(asn "${ENV[ASN_VRF_METALLB]}") || { err ASN_VRF_METALLB "${ENV[ASN_VRF_METALLB]}" "$ASN_RULE"; ASN_VRF=""; }; fi
    if present ASN_METALLB_SPEAKER; then ASN_SPEAKER=$(asn "${ENV[ASN_METALLB_SPEAKER]}") || { err ASN_METALLB_SPEAKER "${ENV[ASN_METALLB_SPEAKER]}" "$ASN_RULE"; ASN_SPEAKER=""; }; fi
    VRF=metallb
    if present VRF_METALLB; then
        VRF=${ENV[VRF_METALLB]}
        if ! ifname_ok "$VRF" || [[ " default lo $VETH_FRR $VETH_METALLB " == *" $VRF "* ]]; then
            err VRF_METALLB "$VRF" "$IFNAME_RULE, and not one of default, lo, $VETH_FRR, $VETH_METALLB"
        fi
    fi
    TABLE=88
    if present METALLB_VRF_ROUTE_TABLE_ID; then
        TABLE=$(unsigned_in "${ENV[METALLB_VRF_ROUTE_TABLE_ID]}" 1 $MAX_U32) && [[ " 253 254 255 " != *" $TABLE "* ]] \
            || err METALLB_VRF_ROUTE_TABLE_ID "${ENV[METALLB_VRF_ROUTE_TABLE_ID]}" \
                "a kernel table number 1..4294967295, not 253, 254 or 255 (default, main, local)"
    fi

    # peering pair
    local pf="" ps="" ok=1
    if present PEER_IP_FRR; then pf=$(ip_parse "${ENV[PEER_IP_FRR]}") || { err PEER_IP_FRR "${ENV[PEER_IP_FRR]}" "an IPv4 or IPv6 address"; ok=0; }; fi
    if present PEER_IP_METALLB; then ps=$(ip_parse "${ENV[PEER_IP_METALLB]}") || { err PEER_IP_METALLB "${ENV[PEER_IP_METALLB]}" "an IPv4 or IPv6 address"; ok=0; }; fi
    if ! present PEER_IP_FRR && ! present PEER_IP_METALLB; then
        pf=$(ip_parse fda1:b2c3:d4e5:1::0); ps=$(ip_parse fda1:b2c3:d4e5:1::1)
    elif ! present PEER_IP_FRR || ! present PEER_IP_METALLB; then
        local missing=$(present PEER_IP_FRR && echo PEER_IP_METALLB || echo PEER_IP_FRR)
        err "$missing" $'\x01unset' "set PEER_IP_FRR and PEER_IP_METALLB together (or neither, for fda1:b2c3:d4e5:1::0 / fda1:b2c3:d4e5:1::1)"
        ok=0
    fi
    PREFIX=127
    if present PEER_IP_PREFIX; then
        PREFIX=$(unsigned_in "${ENV[PEER_IP_PREFIX]}" 1 128) || { err PEER_IP_PREFIX "${ENV[PEER_IP_PREFIX]}" "a prefix length, at most 32 for IPv4 and 128 for IPv6 peering"; ok=0; }
    fi
    FAMILY=6
    if [ $ok = 1 ] && [ -n "$pf" ] && [ -n "$ps" ]; then
        local -a a=($pf) b=($ps)
        FAMILY=${a[0]}; PEER_FRR=${a[1]}; PEER_FRR_HEX=${a[2]}; PEER_SPK=${b[1]}; PEER_SPK_HEX=${b[2]}
        local max=$([ "$FAMILY" = 4 ] && echo 32 || echo 128)
        if [ "${a[0]}" != "${b[0]}" ]; then
            err PEER_IP_METALLB "${ENV[PEER_IP_METALLB]}" "the same address family as PEER_IP_FRR ($PEER_FRR)"
        elif ! present PEER_IP_PREFIX && [ "$FAMILY" = 4 ]; then
            err PEER_IP_PREFIX $'\x01unset' "a prefix length (e.g. 31) when the peering addresses are IPv4; the default 127 is IPv6-only"
        elif [ "$PREFIX" -gt $max ]; then
            err PEER_IP_PREFIX "${ENV[PEER_IP_PREFIX]}" "at most $max for $([ $max = 32 ] && echo IPv4 || echo IPv6) peering addresses"
        elif [ "$PEER_FRR_HEX" = "$PEER_SPK_HEX" ]; then
            err PEER_IP_METALLB "${ENV[PEER_IP_METALLB]}" "an address different from PEER_IP_FRR"
        else
            local x y; x=$(hex_bits "$PEER_FRR_HEX"); y=$(hex_bits "$PEER_SPK_HEX")
            [ "${x:0:PREFIX}" = "${y:0:PREFIX}" ] || err PEER_IP_PREFIX "$PREFIX" \
                "a prefix that holds both PEER_IP_FRR ($PEER_FRR) and PEER_IP_METALLB ($PEER_SPK)"
        fi
    fi
    MTU_CFG=""
    if present INTERFACE_MTU; then
        local min=$([ "$FAMILY" = 6 ] && echo 1280 || echo 68)
        MTU_CFG=$(unsigned_in "${ENV[INTERFACE_MTU]}" $min 65535) || err INTERFACE_MTU "${ENV[INTERFACE_MTU]}" \
            "an MTU in $min..65535$([ $min = 1280 ] && echo ' (IPv6 peering needs at least 1280)')"
    fi
    BFD=true; GR=true; PROFILE=datacenter
    if present ENABLE_BFD; then BFD=$(bool "${ENV[ENABLE_BFD]}") || err ENABLE_BFD "${ENV[ENABLE_BFD]}" "true or false"; fi
    if present ENABLE_GRACEFUL_RESTART; then GR=$(bool "${ENV[ENABLE_GRACEFUL_RESTART]}") || err ENABLE_GRACEFUL_RESTART "${ENV[ENABLE_GRACEFUL_RESTART]}" "true or false"; fi
    if present FRR_PROFILE; then
        PROFILE=${ENV[FRR_PROFILE]}
        [ "$PROFILE" = datacenter ] || [ "$PROFILE" = traditional ] || err FRR_PROFILE "$PROFILE" "datacenter or traditional"
    fi
    if [ -n "$ASN_VRF" ] && [ -n "$ASN_SPEAKER" ] && [ "$ASN_VRF" = "$ASN_SPEAKER" ]; then
        err ASN_METALLB_SPEAKER "${ENV[ASN_METALLB_SPEAKER]-}" "an AS different from ASN_VRF_METALLB ($ASN_VRF): the speaker session is eBGP"
    fi
    if [ ${#ERRORS[@]} -gt 0 ]; then
        log ERROR "load-config: ${#ERRORS[@]} configuration error(s):$(printf '\n  - %s' "${ERRORS[@]}"); nothing on the host was changed"
        exit 2
    fi
    log INFO "load-config: valid: node $NODE_IP_V AS $ASN_LOCAL_V, fabric $FABRIC_SOURCE [$(csv "${FABRIC_ITEMS[@]}")], VRF $VRF table $TABLE, speaker $PEER_SPK AS $ASN_SPEAKER, BFD $([ $BFD = true ] && echo on || echo off), graceful restart $([ $GR = true ] && echo on || echo off)"
}

# ---------------------------------------------------------------- step 2-3: fabric ports, MTU
# sysfs interfaces: "name mac mtu physical(0/1) kind"
sysfs_interfaces() {
    local dir name mac mtu phys kind
    for dir in "$SYSFS_NET"/*; do
        [ -r "$dir/address" ] || continue
        name=${dir##*/}; read -r mac < "$dir/address" || continue
        mtu=0; [ -r "$dir/mtu" ] && read -r mtu < "$dir/mtu"
        [[ "$mtu" =~ ^[0-9]+$ ]] || mtu=0
        phys=0; [ -e "$dir/device" ] && phys=1
        if [ -d "$dir/bonding" ]; then kind=bond; elif [ -d "$dir/bridge" ]; then kind=bridge
        elif [ $phys = 1 ]; then kind=physical; else kind=virtual; fi
        printf '%s %s %s %s %s\n' "$name" "${mac,,}" "$mtu" "$phys" "$kind"
    done
}
resolve_once() { # sets PORTS_FOUND (names), PORTS_MTU (first), PORTS_MISSING
    local all wanted line cands physical
    all=$(sysfs_interfaces)
    PORTS_FOUND=(); PORTS_MISSING=(); PORTS_MTU=(); PORTS_MAC=()
    for wanted in "${FABRIC_ITEMS[@]}"; do
        if [ "$FABRIC_SOURCE" = FE_MACS ]; then
            cands=$(awk -v m="$wanted" '$2 == m' <<< "$all")
            if [ "$(grep -c . <<< "$cands")" -gt 1 ]; then
                physical=$(awk '$4 == 1' <<< "$cands")
                local desc; desc=$(awk '{printf "%s%s (%s)", (NR > 1 ? ", " : ""), $1, $5}' <<< "$cands")
                [ "$(grep -c . <<< "$physical")" -eq 1 ] || die "boot-node: FE_MACS: MAC $wanted is on $desc and none of them is the one physical port; name the port with FE_PORT_NAMES instead"
                log INFO "resolve-fabric-ports: MAC $wanted is on $desc; taking ${physical%% *}, the physical port"
                cands=$physical
            fi
        else
            cands=$(awk -v n="$wanted" '$1 == n' <<< "$all" | head -n 1)
        fi
        if [ -n "$cands" ]; then
            read -r line mac mtu _ <<< "$cands"; PORTS_FOUND+=("$line"); PORTS_MAC+=("$mac"); PORTS_MTU+=("$mtu")
        else
            PORTS_MISSING+=("$wanted")
        fi
    done
}
resolve_ports() { # wait seconds
    local deadline=$(( ${EPOCHREALTIME/[.,]/} / 1000 + $1 * 1000 )) pause=250 attempt=1 now next i
    while :; do
        resolve_once
        now=$(( ${EPOCHREALTIME/[.,]/} / 1000 ))
        [ ${#PORTS_MISSING[@]} -eq 0 ] || [ $now -ge $deadline ] && break
        next=$(( pause < deadline - now ? pause : deadline - now ))
        log INFO "resolve-fabric-ports: attempt $attempt: not present yet: [$(csv "${PORTS_MISSING[@]}")]; looking again in $next ms (gives up $1 s after start)"
        sleep_ms $next
        pause=$(( pause * 2 > 5000 ? 5000 : pause * 2 )); attempt=$((attempt + 1))
    done
    [ ${#PORTS_FOUND[@]} -gt 0 ] || die "boot-node: $FABRIC_SOURCE: no fabric port found; looked for $(csv "${FABRIC_ITEMS[@]}")"
    for i in "${PORTS_MISSING[@]}"; do log WARN "resolve-fabric-ports: $FABRIC_SOURCE $i not found; going on with [$(csv "${PORTS_FOUND[@]}")]"; done
    for i in "${!PORTS_FOUND[@]}"; do log INFO "resolve-fabric-ports: ${PORTS_MAC[i]} -> ${PORTS_FOUND[i]} (mtu ${PORTS_MTU[i]})"; done
    if [ -n "$MTU_CFG" ]; then MTU=$MTU_CFG
    elif [ "${PORTS_MTU[0]}" -le 0 ]; then MTU=1500
    else MTU=$(( PORTS_MTU[0] > 65535 ? 65535 : PORTS_MTU[0] )); fi
}

# ---------------------------------------------------------------- steps 4-6: host network
# Runs a command with the host retry policy (ExecException -> exponential back-off, max 4 s).
with_retry() { # attempts first_ms max_ms timeout_s cmd...
    local attempts=$1 delay=$2 max=$3 timeout_s=$4 n=0 rc; shift 4
    while :; do
        OUT=$(timeout "$timeout_s" "$@" 2> "$TMP/stderr"); rc=$?
        [ $rc -eq 0 ] && return 0
        if [ $n -ge "$attempts" ]; then
            log ERROR "$CURRENT_STEP: $* failed (exit $rc) after $((n + 1)) attempt(s): $(tail -c 800 "$TMP/stderr")"
            return $rc
        fi
        n=$((n + 1))
        log WARN "$CURRENT_STEP: $* failed (exit $rc): $(head -c 200 "$TMP/stderr"); attempt $n of $attempts in $delay ms"
        sleep_ms "$delay"; delay=$(( delay * 2 > max ? max : delay * 2 ))
    done
}
ip_retry() { with_retry "$RETRY_HOST_ATTEMPTS" "$RETRY_HOST_FIRST_MS" 4000 "$EXEC_TIMEOUT_S" "$IP_CMD" "$@"; }

# ip -json reads -> jq-shaped state: LINKS lines "name kind up mtu master peer table" (- for none),
# ADDRS lines "name family local prefixlen", RULES lines "family dst dstlen table".
read_host_state() {
    CURRENT_STEP=read-host-state
    ip_retry -json -details address show || exit 1; local links=$OUT
    ip_retry -json -4 rule show || exit 1; local r4=$OUT
    ip_retry -json -6 rule show || exit 1; local r6=$OUT
    LINKS=$(jq -r '.[] | [.ifname, (.linkinfo.info_kind // "-"), (if ((.flags // []) | index("UP")) then "1" else "0" end),
            (.mtu // 0), (.master // "-"), (.link // "-"), ((.linkinfo.info_data.table // "-") | tostring)] | join(" ")' <<< "${links:-[]}") \
        || die "read-host-state: ip printed JSON this program cannot read"
    index_links
    ADDRS=$(jq -r '.[] | .ifname as $n | (.addr_info // [])[] | select(.local != null) | [$n, .family, .local, .prefixlen] | join(" ")' <<< "${links:-[]}") || exit 1
    RULES=$( { jq -r '.[] | select(.dst != null and .dst != "all") | ["inet", .dst, (.dstlen // 32), ((.table // "") | tostring)] | join(" ")' <<< "${r4:-[]}" &&
               jq -r '.[] | select(.dst != null and .dst != "all") | ["inet6", .dst, (.dstlen // 128), ((.table // "") | tostring)] | join(" ")' <<< "${r6:-[]}"; } ) || exit 1
}
link_field() { # name index(1=kind 2=up 3=mtu 4=master 5=peer 6=table) -> prints, fails when absent
    [ -n "${LINK[$1]+x}" ] || return 1
    local -a f=(${LINK[$1]}); printf '%s' "${f[$2]}"
}
has_link() { [ -n "${LINK[$1]+x}" ]; }
declare -A LINK=()
index_links() { # LINKS lines -> LINK[name]="name kind up mtu master peer table", no forks
    local name rest
    LINK=()
    while read -r name rest; do [ -n "$name" ] && LINK[$name]="$name $rest"; done <<< "$LINKS"
}

CMDS=()   # planned commands: "purpose|args"
plan() { CMDS+=("$1|$2"); }
kind_of() { [ "$1" = - ] && echo "a plain device" || echo "a $1"; }

plan_vrf() {
    if ! has_link "$VRF"; then
        plan "create VRF $VRF with table $TABLE" "link add $VRF type vrf table $TABLE"
        plan "mark VRF $VRF as made by talos-frr" "link set dev $VRF alias talos-frr"
    else
        local kind table; kind=$(link_field "$VRF" 1); table=$(link_field "$VRF" 6)
        [ "$kind" = vrf ] || die "boot-node: VRF_METALLB=$VRF: a device named $VRF exists and is $(kind_of "$kind"), not a VRF; rename it or choose another VRF_METALLB"
        [ "$table" = "$TABLE" ] || die "boot-node: METALLB_VRF_ROUTE_TABLE_ID=$TABLE: VRF $VRF exists with table $([ "$table" = - ] && echo null || echo "$table"); delete it (ip link del $VRF) or set METALLB_VRF_ROUTE_TABLE_ID=$table"
    fi
    if ! has_link "$VRF" || [ "$(link_field "$VRF" 2)" != 1 ]; then plan "bring VRF $VRF up" "link set dev $VRF up"; fi
}
require_veth() { # name expected-peer
    local kind peer; kind=$(link_field "$1" 1); peer=$(link_field "$1" 5)
    [ "$kind" = veth ] || die "boot-node: $1 exists and is $(kind_of "$kind"), not a veth; this program will not reuse it: delete it (ip link del $1)"
    [ "$peer" = - ] || [ "$peer" = "$2" ] || die "boot-node: $1 is a veth paired with $peer, not $2; delete it (ip link del $1)"
}
plan_veth() {
    has_link $VETH_FRR && require_veth $VETH_FRR $VETH_METALLB
    has_link $VETH_METALLB && require_veth $VETH_METALLB $VETH_FRR
    if ! has_link $VETH_FRR && has_link $VETH_METALLB; then
        die "boot-node: $VETH_METALLB exists without its peer $VETH_FRR; it is not a pair this program made: delete it (ip link del $VETH_METALLB)"
    fi
    has_link $VETH_FRR || plan "create veth pair $VETH_FRR <-> $VETH_METALLB" "link add $VETH_FRR type veth peer name $VETH_METALLB"
    if ! has_link $VETH_FRR || [ "$(link_field $VETH_FRR 4)" != "$VRF" ]; then
        plan "put $VETH_FRR in VRF $VRF" "link set dev $VETH_FRR master $VRF"
    fi
    local n
    for n in $VETH_FRR $VETH_METALLB; do
        if ! has_link $n || [ "$(link_field $n 3)" != "$MTU" ]; then plan "set MTU $MTU on $n" "link set dev $n mtu $MTU"; fi
    done
    for n in $VETH_FRR $VETH_METALLB; do
        if ! has_link $n || [ "$(link_field $n 2)" != 1 ]; then plan "bring $n up" "link set dev $n up"; fi
    done
}
has_addr() { # dev hex prefix
    local name fam addr plen p
    while read -r name fam addr plen; do
        [ "$name" = "$1" ] && [ "$plen" = "$3" ] || continue
        p=$(ip_parse "$addr") || continue
        [ "${p##* }" = "$2" ] && return 0
    done <<< "$ADDRS"
    return 1
}
plan_addresses() {
    has_addr $VETH_FRR "$PEER_FRR_HEX" "$PREFIX" || plan "address $PEER_FRR/$PREFIX on $VETH_FRR" "-$FAMILY address add $PEER_FRR/$PREFIX dev $VETH_FRR"
    has_addr $VETH_METALLB "$PEER_SPK_HEX" "$PREFIX" || plan "address $PEER_SPK/$PREFIX on $VETH_METALLB" "-$FAMILY address add $PEER_SPK/$PREFIX dev $VETH_METALLB"
}
plan_rule() {
    local full=$([ "$FAMILY" = 4 ] && echo 32 || echo 128) fam dst len table p
    while read -r fam dst len table; do
        [ -n "$dst" ] || continue
        p=$(ip_parse "$dst") || continue
        [ "${p##* }" = "$PEER_FRR_HEX" ] && [ "$len" = "$full" ] && [ "$table" = "$TABLE" ] && return 0
    done <<< "$RULES"
    plan "route traffic to $PEER_FRR through table $TABLE" "-$FAMILY rule add to $PEER_FRR/$full lookup $TABLE protocol 252"
}
apply_cmds() {
    local c
    CURRENT_STEP=run-ip-command
    for c in "${CMDS[@]}"; do
        log INFO "run-ip-command: ${c%%|*}: ip ${c#*|}"
        # shellcheck disable=SC2086 # arguments are validated names and numbers, split on spaces on purpose
        ip_retry ${c#*|} || exit 1
    done
    CMDS=()
}
network_step() { # planner
    read_host_state; CMDS=(); "$1"; apply_cmds
}

# ---------------------------------------------------------------- step 7: FRR files
render() {
    local port i seqs=(10 20 30) lo=(lo dummy0 dummy1)
    FRR_CONF=$(
        echo "! Rendered by talos-frr; replaced on every apply: change the env file or templates/, not this file."
        echo "frr defaults $PROFILE"
        cat <<'EOF'
log stdout informational
log syslog informational
!
EOF
        for port in "${PORTS_FOUND[@]}"; do
            cat <<EOF
interface $port
 no ipv6 nd suppress-ra
 ipv6 nd ra-interval 10
exit
!
EOF
        done
        cat <<'EOF'
ip prefix-list FABRIC-OUT-V4 seq 5 deny 127.0.0.0/8 le 32
ip prefix-list FABRIC-OUT-V4 seq 10 permit 0.0.0.0/0 ge 24
ipv6 prefix-list FABRIC-OUT-V6 seq 5 deny ::1/128
ipv6 prefix-list FABRIC-OUT-V6 seq 6 deny fe80::/10 le 128
ipv6 prefix-list FABRIC-OUT-V6 seq 10 permit ::/0 ge 128
bgp as-path access-list LOCAL-ORIGIN seq 5 permit ^$
!
EOF
        for i in 0 1 2; do printf 'route-map loopbacks permit %s\n match interface %s\nexit\n' "${seqs[i]}" "${lo[i]}"; done
        cat <<EOF
!
route-map SETSRC permit 10
 set src $NODE_IP_V
exit
!
route-map METALLB-OUT deny 10
exit
!
route-map FABRIC-OUT-V4 permit 10
 match ip address prefix-list FABRIC-OUT-V4
 match as-path LOCAL-ORIGIN
exit
route-map FABRIC-OUT-V4 permit 20
 match ip address prefix-list FABRIC-OUT-V4
 match source-vrf $VRF
exit
!
route-map FABRIC-OUT-V6 permit 10
 match ipv6 address prefix-list FABRIC-OUT-V6
 match as-path LOCAL-ORIGIN
exit
route-map FABRIC-OUT-V6 permit 20
 match ipv6 address prefix-list FABRIC-OUT-V6
 match source-vrf $VRF
exit
!
ip protocol bgp route-map SETSRC
!
router bgp $ASN_VRF vrf $VRF
 bgp router-id $NODE_IP_V
EOF
        [ "$PROFILE" = datacenter ] || echo " no bgp ebgp-requires-policy"
        cat <<EOF
 neighbor METALLB peer-group
 neighbor METALLB remote-as $ASN_SPEAKER
 neighbor METALLB passive
EOF
        [ "$FAMILY" = 6 ] && echo " neighbor METALLB capability extended-nexthop"
        cat <<EOF
 neighbor $PEER_SPK peer-group METALLB
 !
 address-family ipv4 unicast
  neighbor METALLB route-map METALLB-OUT out
 exit-address-family
EOF
        [ "$FAMILY" = 6 ] && printf ' !\n address-family ipv6 unicast\n  neighbor METALLB activate\n  neighbor METALLB route-map METALLB-OUT out\n exit-address-family\n'
        cat <<EOF
exit
!
router bgp $ASN_LOCAL_V
 bgp router-id $NODE_IP_V
EOF
        [ "$PROFILE" = datacenter ] || echo " no bgp ebgp-requires-policy"
        cat <<EOF
 bgp bestpath as-path multipath-relax
EOF
        [ "$GR" = true ] && printf ' bgp graceful-restart\n bgp graceful-restart preserve-fw-state\n'
        printf ' neighbor FABRIC peer-group\n neighbor FABRIC remote-as external\n'
        [ "$BFD" = true ] && echo " neighbor FABRIC bfd"
        [ "$BFD" = true ] && [ "$GR" = true ] && echo " neighbor FABRIC bfd check-control-plane-failure"
        echo " neighbor FABRIC timers 1 3"
        for port in "${PORTS_FOUND[@]}"; do echo " neighbor $port interface v6only peer-group FABRIC"; done
        cat <<EOF
 !
 address-family ipv4 unicast
  redistribute connected route-map loopbacks
  neighbor FABRIC soft-reconfiguration inbound
  neighbor FABRIC route-map FABRIC-OUT-V4 out
  import vrf $VRF
 exit-address-family
 !
 address-family ipv6 unicast
  redistribute connected route-map loopbacks
  neighbor FABRIC activate
  neighbor FABRIC soft-reconfiguration inbound
  neighbor FABRIC route-map FABRIC-OUT-V6 out
  import vrf $VRF
 exit-address-family
exit
!
end
EOF
    )
    local zebra="-P 0 -s 90000000"; [ "$GR" = true ] && zebra+=" -K 120 -r"
    DAEMONS=$(cat <<EOF
# Rendered by talos-frr; zebra and staticd always run.
bgpd=yes
staticd=yes
bfdd=$([ "$BFD" = true ] && echo yes || echo no)
vtysh_enable=yes
frr_profile="$PROFILE"
watchfrr_options="--min-restart-interval 2 --max-restart-interval 60"
zebra_options="$zebra"
bgpd_options="-P 0"
staticd_options="-P 0"
bfdd_options="-P 0"
EOF
    )
    VTYSH_CONF=$(cat <<'EOF'
! Rendered by talos-frr.
service integrated-vtysh-config
EOF
    )
}
chown_frr() { id -u "$FRR_USER" >/dev/null 2>&1 && chown "$FRR_USER:$(id -gn "$FRR_USER" 2>/dev/null || echo "$FRR_USER")" "$1" 2>/dev/null; return 0; }
check_frr_config() {
    mkdir -p "$FRR_CONF_DIR" || die "check-frr-config: cannot create $FRR_CONF_DIR"
    local candidate=$FRR_CONF_DIR/.frr.conf.candidate out rc
    printf '%s\n' "$FRR_CONF" > "$candidate"
    out=$(timeout "$EXEC_TIMEOUT_S" "$FRR_VTYSH" --dryrun -f "$candidate" 2>&1); rc=$?
    [ $rc -eq 0 ] || die "check-frr-config: FRR rejected the rendered frr.conf (exit $rc): $out; the live file is unchanged; candidate kept at $candidate"
    log INFO "check-frr-config: FRR accepts the rendered frr.conf"
}
install_files() {
    rm -f "$FRR_CONF_DIR/.frr.conf.candidate"
    local name content tmp changed=()
    for name in daemons frr.conf vtysh.conf; do
        case $name in daemons) content=$DAEMONS ;; frr.conf) content=$FRR_CONF ;; *) content=$VTYSH_CONF ;; esac
        if [ -f "$FRR_CONF_DIR/$name" ] && [ "$(cat "$FRR_CONF_DIR/$name"; echo x)" = "$content"$'\n'x ]; then continue; fi
        tmp=$(mktemp "$FRR_CONF_DIR/.$name.XXXXXX.tmp") || die "install-frr-files: cannot write in $FRR_CONF_DIR"
        printf '%s\n' "$content" > "$tmp" && chmod 0640 "$tmp" && chown_frr "$tmp" && mv -f "$tmp" "$FRR_CONF_DIR/$name" \
            || { rm -f "$tmp"; die "install-frr-files: cannot replace $FRR_CONF_DIR/$name"; }
        changed+=("$name")
    done
    if [ ${#changed[@]} -eq 0 ]; then log INFO "install-frr-files: $FRR_CONF_DIR unchanged: frr.conf, daemons, vtysh.conf"
    else log INFO "install-frr-files: wrote [$(csv "${changed[@]}")] in $FRR_CONF_DIR"; fi
}

# ---------------------------------------------------------------- step 8: FRR
expected_daemons() {
    EXPECTED=(); [ -x "$FRR_DAEMON_DIR/mgmtd" ] && EXPECTED+=(mgmtd)
    EXPECTED+=(zebra bgpd staticd); [ "$BFD" = true ] && EXPECTED+=(bfdd)
}
frr_retry() { with_retry "$RETRY_FRR_ATTEMPTS" "$RETRY_FRR_FIRST_MS" 8000 "$@"; }
start_frr() {
    CURRENT_STEP=start-frr
    local d rc
    IFS=, read -ra dirs <<< "$FRR_STATE_DIRS"
    for d in "${dirs[@]}"; do
        d="${d#"${d%%[![:space:]]*}"}"; d="${d%"${d##*[![:space:]]}"}"; [ -n "$d" ] || continue
        mkdir -p "$d" && chown_frr "$d" || die "start-frr: cannot prepare $d"
    done
    expected_daemons
    local list; list=$(csv "${EXPECTED[@]}")
    while :; do
        timeout "$EXEC_TIMEOUT_S" "$FRR_DAEMON_DIR/frrinit.sh" status >/dev/null 2>&1; rc=$?
        case $rc in 0|1|3) break ;; esac
        frr_retry_status=$(( ${frr_retry_status:-0} + 1 ))
        [ $frr_retry_status -le "$RETRY_FRR_ATTEMPTS" ] || die "start-frr: frrinit.sh status failed (exit $rc)"
        sleep_ms $(( RETRY_FRR_FIRST_MS << (frr_retry_status - 1) ))
    done
    if [ $rc -eq 0 ]; then
        log INFO "start-frr: FRR is already running; applying the rendered frr.conf to it"
        frr_retry "$FRR_TIMEOUT_S" "$FRR_RELOAD" --reload --stdout "$FRR_CONF_DIR/frr.conf" || exit 1
        log INFO "reload-frr: running config now matches frr.conf"
        return
    fi
    log INFO "start-frr: starting watchfrr and $list"
    frr_retry "$FRR_TIMEOUT_S" "$FRR_DAEMON_DIR/frrinit.sh" start || exit 1
    # await-frr-daemons: every expected daemon answers `show daemons`, every 250 ms, bounded
    local n=0 out missing
    while :; do
        out=$(timeout "$EXEC_TIMEOUT_S" "$FRR_VTYSH" -c "show daemons" 2>/dev/null) && {
            missing=""; for d in "${EXPECTED[@]}"; do [[ " $(echo $out) " == *" $d "* ]] || missing+=" $d"; done
            [ -z "$missing" ] && break
        }
        n=$((n + 1)); [ $n -le "$FRR_START_WAIT_ATTEMPTS" ] || die "await-frr-daemons: FRR daemons not answering:${missing:- (vtysh failed)}"
        sleep 0.25
    done
    log INFO "await-frr-daemons: all up: $list"
    CURRENT_STEP=load-frr-config
    frr_retry "$FRR_TIMEOUT_S" "$FRR_VTYSH" -b || exit 1
    log INFO "load-frr-config: frr.conf loaded"
}

# ---------------------------------------------------------------- main
TMP=$(mktemp -d) || exit 1
trap 'rm -rf "$TMP"' EXIT

validate
if [ "$MODE" = plan ]; then
    resolve_ports 0
    render
    read_host_state; CMDS=(); plan_vrf; plan_veth; plan_addresses; plan_rule
    {
        printf '# fabric ports: %s' "$(csv "${PORTS_FOUND[@]}")"
        [ ${#PORTS_MISSING[@]} -gt 0 ] && printf ' (not found: %s)' "$(csv "${PORTS_MISSING[@]}")"
        printf '\n# veth MTU: %s\n' "$MTU"
        if [ ${#CMDS[@]} -eq 0 ]; then echo "# ip commands (0: host already matches)"; else echo "# ip commands (${#CMDS[@]})"; fi
        for c in "${CMDS[@]}"; do echo "ip ${c#*|}"; done
        printf '\n# ---- frr.conf ----\n%s\n' "$FRR_CONF"
        printf '\n# ---- daemons ----\n%s\n' "$DAEMONS"
        printf '\n# ---- vtysh.conf ----\n%s\n' "$VTYSH_CONF"
    }
    exit 0
fi

resolve_ports "$PORTS_WAIT_SECONDS"
network_step plan_vrf
network_step plan_veth
network_step plan_addresses
network_step plan_rule
render
check_frr_config
install_files
start_frr
log INFO "boot-node: node ready: FRR running with [$(csv "${PORTS_FOUND[@]}")] as fabric ports"
