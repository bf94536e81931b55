// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frrstate;

/** One BFD session as bfdd reports it; status is bfdd's word: up, down, init, shutdown. */
public record BfdPeer(String vrf, String peer, String iface, String status, long uptimeSeconds) {

    public boolean up() {
        return "up".equals(status);
    }
}
