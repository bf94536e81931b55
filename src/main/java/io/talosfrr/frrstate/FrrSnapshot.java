// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frrstate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What FRR answered at one observation: daemons answering vtysh, BGP sessions, BFD peers, and
 * what vtysh complained about (a daemon not running). Health, metrics and JMX read only this.
 */
public record FrrSnapshot(Instant takenAt, Set<String> daemons, List<BgpSession> sessions, List<BfdPeer> bfdPeers,
        List<String> complaints) {

    public FrrSnapshot {
        daemons = Set.copyOf(daemons);
        sessions = List.copyOf(sessions);
        bfdPeers = List.copyOf(bfdPeers);
        complaints = List.copyOf(complaints);
    }

    public Optional<BgpSession> session(String vrf, String peer) {
        return sessions.stream().filter(s -> s.vrf().equals(vrf) && s.peer().equals(peer)).findFirst();
    }

    public Optional<BfdPeer> bfdOn(String iface) {
        return bfdPeers.stream().filter(p -> p.iface().equals(iface)).findFirst();
    }
}
