// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place that decides which FRR daemons a node runs: the rendered `daemons` file switches
 * these on or off, and health expects the ones switched on. zebra (and mgmtd where FRR has it)
 * run whatever the file says.
 */
public final class FrrDaemonSet {

    public static final String ALWAYS = "zebra";

    private FrrDaemonSet() {
    }

    /** bgpd, staticd, bfdd (only with BFD on), in the `daemons` file's order, each with whether it runs. */
    public static Map<String, Boolean> switchable(NodeConfig config) {
        Map<String, Boolean> daemons = new LinkedHashMap<>();
        daemons.put("bgpd", true);
        daemons.put("staticd", true);
        daemons.put("bfdd", config.bfd());
        return daemons;
    }
}
