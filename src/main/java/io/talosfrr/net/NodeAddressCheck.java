// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.net;

import io.talosfrr.config.Addresses;
import io.talosfrr.config.NodeConfig;
import java.util.Optional;

/** NODE_IP must be the host's own: FRR sets it as the source of every route it installs. */
public final class NodeAddressCheck {

    private NodeAddressCheck() {
    }

    /** A warning when, after the network steps, no interface has NODE_IP; empty when one has it. */
    public static Optional<String> warning(NodeConfig config, HostState host) {
        if (host.hasAddress(config.nodeIp()) || config.nodeIp().equals(config.peerIpMetallb())) {
            return Optional.empty();
        }
        return Optional.of("NODE_IP " + Addresses.text(config.nodeIp()) + " is on no interface of this host; the kernel"
                + " refuses the routes FRR installs with it as their source (set src), so the node will learn no"
                + " fabric routes: put it on lo or a dummy link (Talos: machine.network.interfaces)");
    }
}
