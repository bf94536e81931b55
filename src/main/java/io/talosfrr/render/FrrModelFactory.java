// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.render;

import io.talosfrr.config.Addresses;
import io.talosfrr.config.BfdTimers;
import io.talosfrr.config.BgpTimers;
import io.talosfrr.config.FrrDaemonSet;
import io.talosfrr.config.NodeConfig;
import io.talosfrr.net.FabricPorts;
import io.talosfrr.render.FrrModel.Daemon;
import io.talosfrr.render.FrrModel.PrefixListEntry;
import io.talosfrr.render.FrrModel.RouteMapEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

/** Builds the render model from the validated config and the resolved ports (docs/design.md, "What FRR is told"). */
public final class FrrModelFactory {

    /** Interfaces whose connected addresses are the node's own, advertised to the fabric. */
    static final List<String> LOOPBACK_INTERFACES = List.of("lo", "dummy0", "dummy1");
    /** Seconds zebra keeps the previous run's kernel routes while BGP re-converges after a restart. */
    static final int ZEBRA_GRACEFUL_RESTART_SECONDS = 120;
    /**
     * watchfrr restarts a dead daemon after 2 s, doubling the pause for one that keeps dying, up to
     * 60 s (FRR's defaults, 60 and 600 s, leave a node without BGP for a minute after one crash).
     */
    static final String WATCHFRR_OPTIONS = "--min-restart-interval 2 --max-restart-interval 60";

    public FrrModel model(@ExchangeProperty("config") NodeConfig config, @ExchangeProperty("ports") FabricPorts ports,
            @ExchangeProperty("holdFabric") Boolean holdFabric) {
        String vrf = config.vrfName();
        List<RouteMapEntry> loopbacks = new ArrayList<>();
        for (int i = 0; i < LOOPBACK_INTERFACES.size(); i++) {
            loopbacks.add(new RouteMapEntry((i + 1) * 10, LOOPBACK_INTERFACES.get(i)));
        }
        FrrModel.Policy policy = new FrrModel.Policy("loopbacks", "SETSRC", "METALLB-OUT", "LOCAL-ORIGIN",
                "FABRIC-OUT-V4", "FABRIC-OUT-V6", "FABRIC-OUT-V4", "FABRIC-OUT-V6",
                List.of(new PrefixListEntry(5, "deny", "127.0.0.0/8", "le 32"),
                        new PrefixListEntry(10, "permit", "0.0.0.0/0", "ge 24")),
                List.of(new PrefixListEntry(5, "deny", "::1/128", ""),
                        new PrefixListEntry(6, "deny", "fe80::/10", "le 128"),
                        new PrefixListEntry(10, "permit", "::/0", "ge 128")),
                vrf);
        FrrModel.FabricBgp fabric = new FrrModel.FabricBgp(config.asnLocal(), "FABRIC", config.bfd(),
                config.gracefulRestart(), timers(config.fabricTimers()), config.bfd() && config.gracefulRestart(),
                Boolean.TRUE.equals(holdFabric),
                config.fabricPassword().orElse(null));
        FrrModel.MetallbBgp metallb = new FrrModel.MetallbBgp(config.asnVrfMetallb(), vrf, "METALLB",
                config.asnMetallbSpeaker(), Addresses.text(config.peerIpMetallb()), config.ipv6Peering(),
                config.ipv6Peering(), config.metallbPassword().orElse(null),
                config.metallbTimers().map(FrrModelFactory::timers).orElse(null));
        List<Daemon> daemons = FrrDaemonSet.switchable(config).entrySet().stream()
                .map(d -> new Daemon(d.getKey(), d.getValue())).toList();
        // -P 0: no vty TCP port; vtysh talks over the run directory's sockets only.
        String common = "-P 0";
        String zebra = common + " -s 90000000"
                + (config.gracefulRestart() ? " -K " + ZEBRA_GRACEFUL_RESTART_SECONDS + " -r" : "");
        return new FrrModel(config.profile().keyword(), Addresses.text(config.nodeIp()), ports.names(), loopbacks,
                policy, fabric, metallb, bfdProfile(config), daemons, zebra, common, WATCHFRR_OPTIONS);
    }

    private static String timers(BgpTimers timers) {
        return timers.keepaliveSeconds() + " " + timers.holdSeconds();
    }

    private static FrrModel.BfdProfile bfdProfile(NodeConfig config) {
        BfdTimers t = config.bfdTimers();
        BfdTimers d = BfdTimers.FRR_DEFAULT;
        if (!config.bfd() || t.frrDefault()) {
            return null;
        }
        return new FrrModel.BfdProfile("fabric",
                t.receiveIntervalMs() == d.receiveIntervalMs() ? null : t.receiveIntervalMs(),
                t.transmitIntervalMs() == d.transmitIntervalMs() ? null : t.transmitIntervalMs(),
                t.detectMultiplier() == d.detectMultiplier() ? null : t.detectMultiplier());
    }

    /** The Velocity context the templates see: the model as {@code $frr}. */
    public Map<String, Object> velocityContext(@Body FrrModel model) {
        return Map.of("frr", model);
    }
}
