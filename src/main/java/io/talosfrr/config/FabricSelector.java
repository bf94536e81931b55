// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.config;

import java.util.List;

/** How the operator names the fabric ports: by MAC (FE_MACS) or by interface name (FE_PORT_NAMES). */
public sealed interface FabricSelector {

    /** The values as given, normalised (MACs lower-case), in the operator's order. */
    List<String> values();

    /** The variable the selection came from, for messages. */
    String source();

    record ByMac(List<String> values) implements FabricSelector {
        public ByMac {
            values = List.copyOf(values);
        }

        @Override
        public String source() {
            return EnvKeys.FE_MACS;
        }
    }

    record ByName(List<String> values) implements FabricSelector {
        public ByName {
            values = List.copyOf(values);
        }

        @Override
        public String source() {
            return EnvKeys.FE_PORT_NAMES;
        }
    }
}
