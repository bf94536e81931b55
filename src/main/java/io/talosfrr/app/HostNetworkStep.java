// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.app;

import io.talosfrr.config.NodeConfig;
import io.talosfrr.net.HostState;
import io.talosfrr.net.IpCommand;
import io.talosfrr.net.NetworkPlanner;
import io.talosfrr.net.NodeAddressCheck;
import java.util.List;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Binds the pure {@link NetworkPlanner} to the exchange: config, MTU and the host's reading from properties. */
public final class HostNetworkStep {

    private static final Logger LOG = LoggerFactory.getLogger("ensure-host-network");

    private final NetworkPlanner planner = new NetworkPlanner();

    public HostState state(@ExchangeProperty("linksJson") String links, @ExchangeProperty("rules4Json") String rules4,
            @ExchangeProperty("rules6Json") String rules6) {
        return HostState.parse(links, rules4, rules6);
    }

    public List<IpCommand> vrf(@ExchangeProperty("config") NodeConfig config, @ExchangeProperty("hostState") HostState host) {
        return planner.vrf(config, host);
    }

    public List<IpCommand> vethPair(@ExchangeProperty("config") NodeConfig config,
            @ExchangeProperty("mtu") int mtu, @ExchangeProperty("hostState") HostState host) {
        return planner.vethPair(config, mtu, host);
    }

    public List<IpCommand> addresses(@ExchangeProperty("config") NodeConfig config, @ExchangeProperty("hostState") HostState host) {
        return planner.addresses(config, host);
    }

    public List<IpCommand> policyRule(@ExchangeProperty("config") NodeConfig config, @ExchangeProperty("hostState") HostState host) {
        return planner.policyRule(config, host);
    }

    public List<IpCommand> staleObjects(@ExchangeProperty("config") NodeConfig config, @ExchangeProperty("hostState") HostState host) {
        return planner.staleObjects(config, host);
    }

    public void warnWhenNodeIpIsNotLocal(@ExchangeProperty("config") NodeConfig config,
            @ExchangeProperty("hostState") HostState host) {
        NodeAddressCheck.warning(config, host).ifPresent(w -> LOG.warn("ensure-host-network: {}", w));
    }

    public List<IpCommand> all(@ExchangeProperty("config") NodeConfig config, @ExchangeProperty("mtu") int mtu,
            @ExchangeProperty("hostState") HostState host) {
        return planner.all(config, mtu, host);
    }
}
