// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.health;

import io.talosfrr.config.Addresses;
import io.talosfrr.config.NodeConfig;
import java.time.Instant;
import java.util.List;

/**
 * What the applied configuration says FRR should show: one fabric session per resolved port (FRR
 * keys unnumbered peers by interface), the speaker's session in the MetalLB VRF, a BFD peer per
 * port when BFD is on, and the daemons the node runs.
 *
 * @param bootedAt when the first configuration was applied: the startup window counts from here
 */
public record ExpectedState(List<String> fabricPorts, String vrf, String speakerPeer, boolean bfd,
        List<String> daemons, Instant bootedAt) {

    public ExpectedState {
        fabricPorts = List.copyOf(fabricPorts);
        daemons = List.copyOf(daemons);
    }

    public static ExpectedState of(NodeConfig config, List<String> ports, List<String> daemons, Instant bootedAt) {
        return new ExpectedState(ports, config.vrfName(), Addresses.text(config.peerIpMetallb()), config.bfd(),
                daemons, bootedAt);
    }

    public ExpectedState since(Instant first) {
        return new ExpectedState(fabricPorts, vrf, speakerPeer, bfd, daemons, first);
    }
}
