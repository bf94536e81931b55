// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frrstate;

import java.util.List;

/**
 * One BGP neighbor as FRR reports it, its address families merged.
 *
 * @param vrf           FRR's VRF name ("default" for the fabric instance)
 * @param peer          FRR's key for the neighbor: the interface for unnumbered peers, else the address
 * @param iface         the interface of an unnumbered peer, else empty
 * @param uptimeSeconds time Established; 0 when not Established (FRR then counts time since it went down)
 */
public record BgpSession(String vrf, String peer, String iface, String state, long uptimeSeconds,
        List<Family> families) {

    public static final String ESTABLISHED = "Established";

    /** Prefix counts in one address family ("ipv4Unicast", "ipv6Unicast"). */
    public record Family(String afi, long received, long sent) {
    }

    public BgpSession {
        families = List.copyOf(families);
    }

    public boolean established() {
        return ESTABLISHED.equals(state);
    }
}
