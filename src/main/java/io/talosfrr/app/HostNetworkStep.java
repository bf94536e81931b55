// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.app;

import io.talosfrr.config.NodeConfig;
import io.talosfrr.net.HostState;
import io.talosfrr.net.IpCommand;
import io.talosfrr.net.NetworkPlanner;
import java.util.List;
import org.apache.camel.ExchangeProperty;

/** Binds the pure {@link NetworkPlanner} to the exchange: config, MTU and the host's reading from properties. */
public final class HostNetworkStep {

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

    public List<IpCommand> all(@ExchangeProperty("config") NodeConfig config, @ExchangeProperty("mtu") int mtu,
            @ExchangeProperty("hostState") HostState host) {
        return planner.all(config, mtu, host);
    }
}
