# The world around the node: two leaves in their own namespaces, each linked
# to the node by a veth pair whose node end stands in for a physical port.

# Node end (name, MAC, MTU), leaf, leaf ASN, leaf loopback.
FABRIC_LINKS=(
  "fab0 02:00:00:00:01:0a 9000 leaf1 65101 10.255.0.1"
  "fab1 02:00:00:00:01:0b 9000 leaf2 65102 10.255.0.2"
)
LEAVES=(leaf1 leaf2)
NODE_LO_V4=10.0.0.10
NODE_LO_V6=fd00:10::10
NODE_DUMMY0_V4=10.0.1.10

# FRR's daemons log to syslog; UML has no syslog daemon, so a tiny one
# writes /dev/log datagrams to a file that ends up in the results.
start_syslog() {
  python3 - "$LAB_WORK/syslog.log" >"$LAB_WORK/syslogd.err" 2>&1 <<'PY' &
import socket, sys
sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
sock.bind("/dev/log")
with open(sys.argv[1], "ab", buffering=0) as out:
    while True:
        out.write(sock.recv(65536).rstrip(b"\0\n") + b"\n")
PY
  # Not on our stdout: a background job holding it would keep the console open.
  wait_for 10 "syslog socket" test -S /dev/log
}

create_node_links() {
  local link name mac mtu leaf asn loopback
  for link in "${FABRIC_LINKS[@]}"; do
    read -r name mac mtu leaf asn loopback <<<"$link"
    ip netns add "$leaf"
    ip link add "$name" type veth peer name eth0 netns "$leaf"
    ip link set "$name" address "$mac" mtu "$mtu" up
    ip -n "$leaf" link set eth0 mtu "$mtu" up
    ip -n "$leaf" link set lo up
    ip -n "$leaf" addr add "$loopback/32" dev lo
  done
}

add_node_addresses() {
  # As on a Kubernetes node (Talos turns it on): the node forwards to the speaker's VRF.
  echo 1 >/proc/sys/net/ipv4/ip_forward
  echo 1 >/proc/sys/net/ipv6/conf/all/forwarding
  ip addr add "$NODE_LO_V4/32" dev lo
  ip addr add "$NODE_LO_V6/128" dev lo
  # Loading dummy.ko already created dummy0 (numdummies defaults to 1).
  ip link show dummy0 >/dev/null 2>&1 || ip link add dummy0 type dummy
  ip addr add "$NODE_DUMMY0_V4/32" dev dummy0
  ip link set dummy0 up
}

start_leaf() {
  local leaf="$1" asn="$2" loopback="$3"
  install -d -o frr -g frr -m 0755 "/etc/frr/$leaf" /var/log/frr
  sed -e "s/@LEAF@/$leaf/g" -e "s/@ASN@/$asn/g" -e "s/@LOOPBACK@/$loopback/g" \
    "$LAB_E2E_DIR/leaf/frr.conf.in" >"/etc/frr/$leaf/frr.conf"
  install -o frr -g frr -m 0640 "$LAB_E2E_DIR/leaf/daemons" "/etc/frr/$leaf/daemons"
  touch "/etc/frr/$leaf/vtysh.conf"
  chown frr:frr "/etc/frr/$leaf/frr.conf" "/etc/frr/$leaf/vtysh.conf"
  ip netns exec "$leaf" /usr/lib/frr/frrinit.sh start "$leaf" >"$LAB_WORK/$leaf-init.log" 2>&1
}

start_leaves() {
  # frrinit.sh would create /var/run/frr/<leaf> with a root-owned parent,
  # where the node's daemons (user frr) could not write: create it as
  # Debian does (frr:frr). The product still prepares everything below it.
  install -d -o frr -g frr -m 0755 /var/run/frr
  local link name mac mtu leaf asn loopback
  for link in "${FABRIC_LINKS[@]}"; do
    read -r name mac mtu leaf asn loopback <<<"$link"
    start_leaf "$leaf" "$asn" "$loopback"
  done
}

build_fabric() {
  start_syslog
  create_node_links
  add_node_addresses
  start_leaves
}

leaf_vtysh() {
  local leaf="$1"
  shift
  vtysh -N "$leaf" -c "$*"
}

# A third fabric link for the live-changes scenario: a second cable from the
# node (fab2) to leaf1 (eth1), present from the start but not in the node's
# settings until a change adds its MAC. leaf1 peers on it like on eth0; with
# no RA from the node it stays idle until then.
SPARE_LINK="fab2 02:00:00:00:01:0c 9000 leaf1 65101 10.255.0.1"

add_spare_link() {
  local name mac mtu leaf asn loopback
  read -r name mac mtu leaf asn loopback <<<"$SPARE_LINK"
  ip link add "$name" type veth peer name eth1 netns "$leaf"
  ip link set "$name" address "$mac" mtu "$mtu" up
  ip -n "$leaf" link set eth1 mtu "$mtu" up
  vtysh -N "$leaf" -c 'configure terminal' \
    -c 'interface eth1' -c 'ipv6 nd ra-interval 10' -c 'no ipv6 nd suppress-ra' -c 'exit' \
    -c "router bgp $asn" -c 'neighbor eth1 interface remote-as external' \
    -c 'neighbor eth1 timers 1 3' -c 'neighbor eth1 bfd' -c 'neighbor eth1 bfd check-control-plane-failure' \
    -c 'address-family ipv6 unicast' -c 'neighbor eth1 activate' >/dev/null
}
