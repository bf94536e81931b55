// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.net;

import static io.talosfrr.config.NodeConfig.VETH_FRR;
import static io.talosfrr.config.NodeConfig.VETH_METALLB;

import io.talosfrr.config.Addresses;
import io.talosfrr.config.NodeConfig;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Desired state minus current state, as `ip` commands. Each method covers one boot step and
 * returns nothing when the host already matches, so a second boot changes nothing. Objects that
 * carry a needed name but are not what the product would have made are refused, never reused.
 *
 * <p>What the product creates is marked, so that a later apply removes only its own leftovers:
 * its VRF carries the alias {@value #OWNER_ALIAS}, its rules the protocol {@value #RULE_PROTOCOL};
 * the veth pair is its own by name, addresses on it included.
 */
public final class NetworkPlanner {

    public static final String OWNER_ALIAS = "talos-frr";
    /** rt_protos number on our policy rules: unassigned in iproute2's table, so no other tool uses it. */
    public static final String RULE_PROTOCOL = "252";

    /** docs/design.md, boot step 4: the VRF with its table, up. */
    public List<IpCommand> vrf(NodeConfig config, HostState host) {
        String vrf = config.vrfName();
        String table = Long.toString(config.routeTableId());
        List<IpCommand> commands = new ArrayList<>();
        Optional<Link> existing = host.link(vrf);
        if (existing.isEmpty()) {
            commands.add(IpCommand.of("create VRF " + vrf + " with table " + table,
                    "link", "add", vrf, "type", "vrf", "table", table));
            commands.add(IpCommand.of("mark VRF " + vrf + " as made by talos-frr",
                    "link", "set", "dev", vrf, "alias", OWNER_ALIAS));
        } else {
            Link link = existing.get();
            if (!"vrf".equals(link.kind())) {
                throw new HostConflictException("VRF_METALLB=" + vrf + ": a device named " + vrf + " exists and is "
                        + kindOf(link) + ", not a VRF; rename it or choose another VRF_METALLB");
            }
            if (link.vrfTable() == null || link.vrfTable() != config.routeTableId()) {
                throw new HostConflictException("METALLB_VRF_ROUTE_TABLE_ID=" + table + ": VRF " + vrf
                        + " exists with table " + link.vrfTable() + "; delete it (ip link del " + vrf
                        + ") or set METALLB_VRF_ROUTE_TABLE_ID=" + link.vrfTable());
            }
        }
        if (existing.isEmpty() || !existing.get().up()) {
            commands.add(IpCommand.of("bring VRF " + vrf + " up", "link", "set", "dev", vrf, "up"));
        }
        return commands;
    }

    /** docs/design.md, boot step 5, links only: the veth pair, enslaved to the VRF, MTU on both ends, up. */
    public List<IpCommand> vethPair(NodeConfig config, int mtu, HostState host) {
        Optional<Link> frr = host.link(VETH_FRR);
        Optional<Link> speaker = host.link(VETH_METALLB);
        frr.ifPresent(link -> requireVeth(link, VETH_METALLB));
        speaker.ifPresent(link -> requireVeth(link, VETH_FRR));
        if (frr.isEmpty() && speaker.isPresent()) {
            throw new HostConflictException(VETH_METALLB + " exists without its peer " + VETH_FRR
                    + "; it is not a pair this program made: delete it (ip link del " + VETH_METALLB + ")");
        }
        List<IpCommand> commands = new ArrayList<>();
        if (frr.isEmpty()) {
            commands.add(IpCommand.of("create veth pair " + VETH_FRR + " <-> " + VETH_METALLB,
                    "link", "add", VETH_FRR, "type", "veth", "peer", "name", VETH_METALLB));
        }
        if (frr.isEmpty() || !config.vrfName().equals(frr.get().master())) {
            commands.add(IpCommand.of("put " + VETH_FRR + " in VRF " + config.vrfName(),
                    "link", "set", "dev", VETH_FRR, "master", config.vrfName()));
        }
        for (String name : List.of(VETH_FRR, VETH_METALLB)) {
            Optional<Link> link = host.link(name);
            if (link.isEmpty() || link.get().mtu() != mtu) {
                commands.add(IpCommand.of("set MTU " + mtu + " on " + name,
                        "link", "set", "dev", name, "mtu", Integer.toString(mtu)));
            }
        }
        for (String name : List.of(VETH_FRR, VETH_METALLB)) {
            Optional<Link> link = host.link(name);
            if (link.isEmpty() || !link.get().up()) {
                commands.add(IpCommand.of("bring " + name + " up", "link", "set", "dev", name, "up"));
            }
        }
        return commands;
    }

    /** docs/design.md, boot step 5, addresses: the point-to-point pair, family taken from the address. */
    public List<IpCommand> addresses(NodeConfig config, HostState host) {
        List<IpCommand> commands = new ArrayList<>();
        addAddress(commands, host, VETH_FRR, config.peerIpFrr(), config.peerPrefix());
        addAddress(commands, host, VETH_METALLB, config.peerIpMetallb(), config.peerPrefix());
        return commands;
    }

    /** docs/design.md, boot step 6: traffic to the FRR end of the pair is looked up in the VRF's table. */
    public List<IpCommand> policyRule(NodeConfig config, HostState host) {
        InetAddress to = config.peerIpFrr();
        int full = to.getAddress().length * 8;
        String table = Long.toString(config.routeTableId());
        boolean present = host.rules().stream()
                .anyMatch(r -> r.to().equals(to) && r.toPrefix() == full && r.table().equals(table));
        if (present) {
            return List.of();
        }
        return List.of(IpCommand.of("route traffic to " + Addresses.text(to) + " through table " + table,
                family(to), "rule", "add", "to", Addresses.text(to) + "/" + full, "lookup", table,
                "protocol", RULE_PROTOCOL));
    }

    /**
     * What an earlier configuration left that this one no longer wants, among objects the product
     * made: its rules and VRFs (by their mark) and addresses on the veth pair. Runs after the other
     * steps, so the veth is already in the new VRF when an old one is deleted.
     */
    public List<IpCommand> staleObjects(NodeConfig config, HostState host) {
        List<IpCommand> commands = new ArrayList<>();
        String table = Long.toString(config.routeTableId());
        int full = config.peerIpFrr().getAddress().length * 8;
        for (Rule rule : host.rules()) {
            boolean wanted = rule.to().equals(config.peerIpFrr()) && rule.toPrefix() == full && rule.table().equals(table);
            if (RULE_PROTOCOL.equals(rule.protocol()) && !wanted) {
                String cidr = Addresses.text(rule.to()) + "/" + rule.toPrefix();
                commands.add(IpCommand.of("remove old rule to " + cidr + " (table " + rule.table() + ")",
                        rule.v6() ? "-6" : "-4", "rule", "del", "to", cidr, "lookup", rule.table(),
                        "protocol", RULE_PROTOCOL));
            }
        }
        staleAddresses(commands, host, VETH_FRR, config.peerIpFrr(), config.peerPrefix());
        staleAddresses(commands, host, VETH_METALLB, config.peerIpMetallb(), config.peerPrefix());
        for (Link link : host.links().values()) {
            if ("vrf".equals(link.kind()) && OWNER_ALIAS.equals(link.alias()) && !link.name().equals(config.vrfName())) {
                commands.add(IpCommand.of("remove old VRF " + link.name() + " (table " + link.vrfTable() + ")",
                        "link", "del", "dev", link.name()));
            }
        }
        return commands;
    }

    private static void staleAddresses(List<IpCommand> commands, HostState host, String device, InetAddress wanted,
            int prefix) {
        host.link(device).ifPresent(link -> link.addresses().stream()
                .filter(a -> !a.linkLocal() && !(a.address().equals(wanted) && a.prefix() == prefix))
                .forEach(a -> {
                    String cidr = Addresses.text(a.address()) + "/" + a.prefix();
                    commands.add(IpCommand.of("remove old address " + cidr + " from " + device,
                            family(a.address()), "address", "del", cidr, "dev", device));
                }));
    }

    /** Every step over one reading of the host, in boot order: what `plan` prints. */
    public List<IpCommand> all(NodeConfig config, int mtu, HostState host) {
        List<IpCommand> commands = new ArrayList<>(vrf(config, host));
        commands.addAll(vethPair(config, mtu, host));
        commands.addAll(addresses(config, host));
        commands.addAll(policyRule(config, host));
        commands.addAll(staleObjects(config, host));
        return commands;
    }

    private static void addAddress(List<IpCommand> commands, HostState host, String device, InetAddress address,
            int prefix) {
        boolean present = host.link(device).map(l -> l.hasAddress(address, prefix)).orElse(false);
        if (!present) {
            String cidr = Addresses.text(address) + "/" + prefix;
            commands.add(IpCommand.of("address " + cidr + " on " + device,
                    family(address), "address", "add", cidr, "dev", device));
        }
    }

    private static void requireVeth(Link link, String expectedPeer) {
        if (!"veth".equals(link.kind())) {
            throw new HostConflictException(link.name() + " exists and is " + kindOf(link)
                    + ", not a veth; this program will not reuse it: delete it (ip link del " + link.name() + ")");
        }
        if (link.peer() != null && !link.peer().equals(expectedPeer)) {
            throw new HostConflictException(link.name() + " is a veth paired with " + link.peer() + ", not "
                    + expectedPeer + "; delete it (ip link del " + link.name() + ")");
        }
    }

    private static String kindOf(Link link) {
        return link.kind() == null ? "a plain device" : "a " + link.kind();
    }

    private static String family(InetAddress address) {
        return address.getAddress().length == 4 ? "-4" : "-6";
    }
}
