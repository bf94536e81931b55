// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.expose;

import java.util.Map;

/** io.talosfrr:type=Node, for jconsole and the Camel CLI: what FRR shows, the last apply, and a reload. */
public interface NodeMXBean {

    /** One line per BGP session: vrf, peer, state, uptime, prefixes received/sent per family. */
    String[] getBgpSessions();

    /** One line per BFD peer: interface, peer, status. */
    String[] getBfdPeers();

    /** The last apply: time, trigger, ok or the error. */
    String getLastApply();

    boolean isReady();

    /** Why the node is (not) ready: the bgp-sessions check's sentence. */
    String getReadiness();

    Map<String, Long> getDaemonRestarts();

    /** Seconds since observe-frr last read FRR's state; -1 before the first read. */
    long getObservationAgeSeconds();

    /** Re-reads the env file and applies it (direct:apply-env-file); returns the outcome. */
    String reload();
}
