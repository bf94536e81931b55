// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.talosfrr.frr.RunningConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class RunningConfigCheckTest {

    private final RunningConfig runningConfig = new RunningConfig(Path.of("/etc/frr/frr.conf"),
            Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));
    private final CamelContext context = new DefaultCamelContext();

    @Test
    void upBeforeAnyLoad() {
        assertTrue(RunningConfigCheck.evaluate(Optional.empty()).up());
    }

    /** frr.conf names no host; FRR shows the system's name, and frr-reload.py offers to delete it. */
    @Test
    void upWhenFrrRunsTheFileWithTheSystemsHostname() {
        runningConfig.record("Lines To Delete\n===============\nno hostname lab-node\n", new DefaultExchange(context));

        Verdict verdict = RunningConfigCheck.evaluate(runningConfig.last());
        assertTrue(verdict.up(), verdict.message());
    }

    /** frr-reload.py's words: "Lines To Add" are missing from FRR, "Lines To Delete" are extra in FRR. */
    @Test
    void downNamingTheLinesThatDiffer() {
        var exchange = new DefaultExchange(context);
        runningConfig.record("""
                Lines To Delete
                ===============
                router bgp 65010
                 use-underlays-nexthop-weight

                Lines To Add
                ============
                route-map SET-SRC permit 10
                 set src 10.0.0.10
                """, exchange);

        Verdict verdict = RunningConfigCheck.evaluate(runningConfig.last());
        assertFalse(verdict.up());
        assertEquals("FRR does not run every line of frr.conf (+ missing, - extra): - router bgp 65010;"
                + " -  use-underlays-nexthop-weight; + route-map SET-SRC permit 10; +  set src 10.0.0.10", verdict.message());
        assertEquals("route-map SET-SRC permit 10\n set src 10.0.0.10", verdict.details().get("missing"));
        assertEquals(false, exchange.getProperty("runningConfigMatches"));
    }

    /** A version's own defaults that no load removes (10.7.1 prints bgp deterministic-med) are shown, not a failure. */
    @Test
    void upWhenFrrOnlyHasLinesBesidesTheFile() {
        runningConfig.record("Lines To Delete\n===============\nrouter bgp 65010\n bgp deterministic-med\n", new DefaultExchange(context));

        Verdict verdict = RunningConfigCheck.evaluate(runningConfig.last());
        assertTrue(verdict.up(), verdict.message());
        assertEquals("FRR runs every line of frr.conf, and its own defaults besides: router bgp 65010;  bgp deterministic-med",
                verdict.message());
    }
}
