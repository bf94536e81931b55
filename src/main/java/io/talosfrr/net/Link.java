// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.net;

import java.net.InetAddress;
import java.util.List;

/** One network device as `ip -json -details address show` reports it. */
public record Link(String name, String kind, boolean up, int mtu, String master, String peer, Long vrfTable,
        String alias, List<Address> addresses) {

    public Link {
        addresses = List.copyOf(addresses);
    }

    public boolean hasAddress(InetAddress address, int prefix) {
        return addresses.stream().anyMatch(a -> a.address().equals(address) && a.prefix() == prefix);
    }

    /** An address configured on a link; link-local ones are the kernel's, never ours. */
    public record Address(InetAddress address, int prefix) {
        public boolean linkLocal() {
            return address.isLinkLocalAddress();
        }
    }
}
