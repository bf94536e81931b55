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

    @Test
    void upWhenFrrRunsTheFile() {
        runningConfig.record("", new DefaultExchange(context));

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
        assertEquals("FRR's running config differs from frr.conf (+ missing, - extra): - router bgp 65010;"
                + " -  use-underlays-nexthop-weight; + route-map SET-SRC permit 10; +  set src 10.0.0.10", verdict.message());
        assertEquals("route-map SET-SRC permit 10\n set src 10.0.0.10", verdict.details().get("missing"));
        assertEquals(false, exchange.getProperty("runningConfigMatches"));
    }
}
