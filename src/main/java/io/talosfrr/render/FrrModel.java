// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.render;

import io.talosfrr.config.Secret;
import java.util.List;

/**
 * Everything the FRR templates print, decided here so the templates only lay it out. Accessors are
 * called from Velocity as {@code $frr.routerId()}.
 */
public record FrrModel(
        String profile,
        String routerId,
        List<String> fabricPorts,
        List<RouteMapEntry> loopbacks,
        Policy policy,
        FabricBgp fabric,
        MetallbBgp metallb,
        BfdProfile bfdProfile,
        List<Daemon> daemons,
        String zebraOptions,
        String commonOptions,
        String watchfrrOptions) {

    public FrrModel {
        fabricPorts = List.copyOf(fabricPorts);
        loopbacks = List.copyOf(loopbacks);
        daemons = List.copyOf(daemons);
    }

    /**
     * Whether the templates must turn off eBGP's "no routes without policy": the traditional
     * profile has it on; datacenter has it off, and FRR does not print a line that says its
     * default back (written anyway, it would differ from the running config after every load).
     */
    public boolean sayNoEbgpRequiresPolicy() {
        return !"datacenter".equals(profile);
    }

    /** A `route-map NAME permit SEQ / match interface IFACE` entry. */
    public record RouteMapEntry(int seq, String matchInterface) {
    }

    /** A prefix-list line: `seq N permit|deny PREFIX [ge G]`. */
    public record PrefixListEntry(int seq, String action, String prefix, String range) {
    }

    /** Names and entries of the filters; names are FRR identifiers chosen in code, never in a template. */
    public record Policy(
            String loopbacksMap,
            String setSrcMap,
            String speakerOutMap,
            String localOriginAsPath,
            String fabricOutV4Map,
            String fabricOutV6Map,
            String fabricOutV4List,
            String fabricOutV6List,
            List<PrefixListEntry> fabricOutV4Entries,
            List<PrefixListEntry> fabricOutV6Entries,
            String vrf) {
    }

    /**
     * The default-VRF instance that peers with every fabric port. {@code bfdControlPlaneCheck}: BFD
     * packets say they share fate with the control plane (C-bit clear), so a leaf configured the
     * same way keeps the node's routes when BFD stops during a graceful restart. {@code held}: the
     * sessions stay shut while a restarted node waits for the speaker (see routes/restart-hold.camel.yaml).
     * {@code password}: the sessions' TCP MD5 key, or null for none. {@code timers}: "keepalive hold".
     */
    public record FabricBgp(long asn, String peerGroup, boolean bfd, boolean gracefulRestart, String timers,
            boolean bfdControlPlaneCheck, boolean held, Secret password) {
    }

    /**
     * The instance in the MetalLB VRF that listens to the speaker. Over IPv6 peering the speaker is
     * active in both families (IPv4 LoadBalancer IPs with an IPv6 next hop, RFC 8950); over IPv4
     * peering in IPv4 only: an IPv6 route would arrive with an IPv4-mapped next hop that zebra
     * cannot install, and the node would announce a blackhole. {@code password}: the session's TCP
     * MD5 key, or null for none. {@code timers}: "keepalive hold", or null for the FRR profile's.
     */
    public record MetallbBgp(long asn, String vrf, String peerGroup, long speakerAsn, String speakerAddress,
            boolean extendedNexthop, boolean ipv6Unicast, Secret password, String timers) {
    }

    /**
     * The fabric sessions' BFD profile, or null when bfdd's defaults apply (or BFD is off). A value
     * left at bfdd's default is null: FRR does not print it back, so written it would differ from
     * the running config after every load.
     */
    public record BfdProfile(String name, Integer receiveInterval, Integer transmitInterval, Integer detectMultiplier) {
    }

    /** One line of FRR's `daemons` file. */
    public record Daemon(String name, boolean enabled) {
    }
}
