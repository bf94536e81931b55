// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.net;

import java.util.List;
import java.util.OptionalInt;

/** The outcome of port resolution: ports found (in the operator's order) and items never found. */
public record FabricPorts(List<FabricPort> found, List<String> missing) {

    public static final int DEFAULT_MTU = 1500;
    /** The largest MTU a veth takes; a port's larger MTU (lo has 65536) is capped to it. */
    public static final int MAX_VETH_MTU = 65535;

    public FabricPorts {
        found = List.copyOf(found);
        missing = List.copyOf(missing);
    }

    public List<String> names() {
        return found.stream().map(FabricPort::name).toList();
    }

    /** docs/design.md, boot step 3: INTERFACE_MTU, else the first fabric port's MTU, else 1500. */
    public int effectiveMtu(OptionalInt configured) {
        if (configured.isPresent()) {
            return configured.getAsInt();
        }
        return found.isEmpty() || found.get(0).mtu() <= 0 ? DEFAULT_MTU : Math.min(found.get(0).mtu(), MAX_VETH_MTU);
    }
}
