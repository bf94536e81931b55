// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.health;

import static io.talosfrr.health.FrrFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading vtysh's back-to-back answers (recorded FRR 8.4, 10.6 field names) into a snapshot. */
class FrrStateParserTest {

    private static final Path V84 = FrrFixtures.ROOT.resolve("8.4");

    @Test
    void readsSessionsFamiliesBfdAndDaemonsFromOneCall() {
        FrrSnapshot s = FrrFixtures.snapshot("8.4", "one-leaf-down", NOW);
        assertEquals(Set.of("zebra", "bgpd", "watchfrr", "staticd", "bfdd"), s.daemons());
        BgpSession fab0 = s.session("default", "fab0").orElseThrow();
        assertEquals("Established", fab0.state());
        assertEquals("fab0", fab0.iface());
        assertEquals(32, fab0.uptimeSeconds());
        assertEquals(List.of(new BgpSession.Family("ipv4Unicast", 1, 4), new BgpSession.Family("ipv6Unicast", 0, 2)),
                fab0.families());
        BgpSession fab1 = s.session("default", "fab1").orElseThrow();
        assertEquals("Idle", fab1.state());
        assertEquals(0, fab1.uptimeSeconds(), "FRR's msec of a down session is time since it went down, not uptime");
        BgpSession speaker = s.session("metallb", "fda1:b2c3:d4e5:1::1").orElseThrow();
        assertEquals("", speaker.iface());
        assertEquals("down", s.bfdOn("fab1").orElseThrow().status());
        assertTrue(s.complaints().isEmpty(), s.complaints().toString());
    }

    @Test
    void readsFrr10FieldNamesLikeFrr8() {
        FrrSnapshot s8 = FrrFixtures.snapshot("8.4", "one-leaf-down", NOW);
        FrrSnapshot s10 = FrrFixtures.snapshot("10.6", "one-leaf-down", NOW);
        assertEquals(s8.sessions(), s10.sessions());
        assertTrue(s10.daemons().contains("mgmtd"));
        assertEquals(s8.bfdPeers().stream().map(BfdPeer::status).toList(), s10.bfdPeers().stream().map(BfdPeer::status).toList());
    }

    @Test
    void readsARealCallWhoseDocumentsComeInAnotherOrder() {
        FrrSnapshot s = FrrStateParser.parse(FrrFixtures.read(V84.resolve("both-up/vtysh-three-commands-in-one-call.txt")), "", NOW);
        assertEquals(3, s.sessions().size());
        assertEquals(2, s.bfdPeers().size());
        assertTrue(s.daemons().contains("bgpd"));
    }

    @Test
    void keepsWhatAnsweredWhenBgpdIsNotRunning() {
        Path dir = V84.resolve("bgpd-not-running");
        FrrSnapshot s = FrrStateParser.parse(FrrFixtures.read(dir.resolve("stdout.txt")), FrrFixtures.read(dir.resolve("stderr.txt")), NOW);
        assertEquals(Set.of("zebra", "watchfrr", "staticd"), s.daemons());
        assertEquals(List.of("bgpd is not running"), s.complaints());
        assertTrue(s.sessions().isEmpty());
    }

    @Test
    void reportsNoDaemonWhenFrrIsStopped() {
        Path dir = V84.resolve("frr-stopped");
        FrrSnapshot s = FrrStateParser.parse(FrrFixtures.read(dir.resolve("stdout.txt")), FrrFixtures.read(dir.resolve("stderr.txt")), NOW);
        assertTrue(s.daemons().isEmpty());
        assertEquals(List.of("Exiting: failed to connect to any daemons."), s.complaints());
    }

    @Test
    void readsAnEmptyBgpAnswerAsNoSession() {
        Path dir = V84.resolve("bgp-without-instances-bfdd-off");
        FrrSnapshot s = FrrStateParser.parse(FrrFixtures.read(dir.resolve("stdout.txt")), "", NOW);
        assertTrue(s.sessions().isEmpty());
        assertTrue(s.daemons().contains("bgpd"));
    }
}
