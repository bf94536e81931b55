// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.talosfrr.support.FakeHost;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading frr-reload.py --test output (recorded from FRR 8.4) and telling which lines reset sessions. */
class FrrDiffTest {

    @Test
    void namesTheSessionsThatAnAsnOrBfdChangeResetsAndLeavesTimersAlone() throws Exception {
        String output = Files.readString(FakeHost.PROJECT.resolve("src/test/resources/fixtures/frr-reload/asn-timers-bfd.txt"));

        FrrDiff diff = FrrDiff.parse(output);

        assertEquals(7, diff.deleted().size());
        assertEquals(9, diff.added().size());
        assertEquals(List.of(
                "removes 'neighbor METALLB remote-as 4000099999' in router bgp 4000099998 vrf metallb: session(s) of METALLB",
                "removes 'neighbor FABRIC bfd' in router bgp 65010: session(s) of FABRIC",
                "sets 'neighbor METALLB remote-as 4000099990' in router bgp 4000099998 vrf metallb: session(s) of METALLB",
                "sets 'neighbor fab2 interface v6only peer-group FABRIC' in router bgp 65010: session(s) of fab2"),
                diff.disruptive().subList(0, 4));
        assertEquals("sets 'router bgp 65020': every session of that instance", diff.disruptive().get(4));
        assertTrue(diff.disruptive().stream().noneMatch(l -> l.contains("timers")), diff.disruptive().toString());
    }

    @Test
    void aNewInstanceLineResetsEverySessionOfIt() {
        FrrDiff diff = FrrDiff.parse("Lines To Delete\n===============\nno router bgp 65010\n\nLines To Add\n============\nrouter bgp 65020\n");

        assertEquals(List.of("removes 'router bgp 65010': every session of that instance",
                "sets 'router bgp 65020': every session of that instance"), diff.disruptive());
    }

    @Test
    void theBfdControlPlaneSettingAloneResetsNothing() {
        FrrDiff diff = FrrDiff.parse("Lines To Delete\n===============\n\nLines To Add\n============\n"
                + "router bgp 65010\n neighbor FABRIC bfd check-control-plane-failure\n");

        assertEquals(List.of(), diff.disruptive());
        assertEquals(2, diff.added().size());
    }

    @Test
    void aPasswordResetsItsSessionsAndIsNeverRepeatedWhileABfdProfileResetsNothing() {
        FrrDiff diff = FrrDiff.parse("Lines To Delete\n===============\nrouter bgp 65010\n neighbor FABRIC password old-pw\n\n"
                + "Lines To Add\n============\nrouter bgp 65010\n neighbor FABRIC password new-pw\n"
                + "router bgp 65010\n neighbor FABRIC bfd profile fabric\n");

        assertEquals(List.of(
                "removes 'neighbor FABRIC password <redacted>' in router bgp 65010: session(s) of FABRIC",
                "sets 'neighbor FABRIC password <redacted>' in router bgp 65010: session(s) of FABRIC"), diff.disruptive());
        assertTrue(diff.lines().stream().noneMatch(l -> l.contains("-pw")), diff.lines().toString());
    }

    @Test
    void noDifferenceIsEmpty() {
        assertTrue(FrrDiff.parse("Lines To Delete\n===============\n\nLines To Add\n============\n").empty());
    }
}
