// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frrstate;

import static io.talosfrr.support.FrrFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.talosfrr.support.FrrFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading vtysh's back-to-back answers, as recorded from every FRR version in fixtures/frr, into a snapshot. */
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

    /** Every recorded FRR reads as 8.4 does: the same sessions in the same states, the same BFD verdicts. */
    @ParameterizedTest
    @MethodSource("io.talosfrr.support.FrrFixtures#versions")
    void readsOneLeafDownAlikeOnEveryRecordedVersion(String version) {
        FrrSnapshot s8 = FrrFixtures.snapshot("8.4", "one-leaf-down", NOW);
        FrrSnapshot s = FrrFixtures.snapshot(version, "one-leaf-down", NOW);
        assertEquals(established(s8), established(s), version);
        assertEquals(s8.bfdPeers().stream().map(p -> p.iface() + " " + p.status()).toList(),
                s.bfdPeers().stream().map(p -> p.iface() + " " + p.status()).toList(), version);
        assertTrue(s.daemons().containsAll(Set.of("zebra", "bgpd", "staticd", "bfdd")), version + ": " + s.daemons());
        assertEquals(!version.startsWith("8."), s.daemons().contains("mgmtd"), version + ": mgmtd runs from FRR 9 on");
        assertTrue(s.complaints().isEmpty(), version + ": " + s.complaints());
    }

    private static List<String> established(FrrSnapshot s) {
        return s.sessions().stream().map(b -> b.vrf() + " " + b.peer() + " " + "Established".equals(b.state())).sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("io.talosfrr.support.FrrFixtures#versions")
    void readsBothLeavesDownOnEveryRecordedVersion(String version) {
        FrrSnapshot s = FrrFixtures.snapshot(version, "both-leaves-down", NOW);
        assertEquals(List.of("default fab0 false", "default fab1 false", "metallb fda1:b2c3:d4e5:1::1 true"), established(s),
                version);
    }

    @ParameterizedTest
    @MethodSource("io.talosfrr.support.FrrFixtures#versions")
    void keepsWhatAnsweredWhenBgpdIsNotRunningOnEveryRecordedVersion(String version) {
        Path dir = FrrFixtures.ROOT.resolve(version).resolve("bgpd-not-running");
        FrrSnapshot s = FrrStateParser.parse(FrrFixtures.read(dir.resolve("stdout.txt")), FrrFixtures.read(dir.resolve("stderr.txt")), NOW);
        assertTrue(s.daemons().containsAll(Set.of("zebra", "watchfrr", "staticd")), version + ": " + s.daemons());
        assertFalse(s.daemons().contains("bgpd"), version);
        assertTrue(s.complaints().contains("bgpd is not running"), version + ": " + s.complaints());
        assertTrue(s.sessions().isEmpty(), version);
    }

    @ParameterizedTest
    @MethodSource("io.talosfrr.support.FrrFixtures#versions")
    void reportsNoDaemonWhenFrrIsStoppedOnEveryRecordedVersion(String version) {
        Path dir = FrrFixtures.ROOT.resolve(version).resolve("frr-stopped");
        FrrSnapshot s = FrrStateParser.parse(FrrFixtures.read(dir.resolve("stdout.txt")), FrrFixtures.read(dir.resolve("stderr.txt")), NOW);
        assertTrue(s.daemons().isEmpty(), version);
        assertEquals(List.of("Exiting: failed to connect to any daemons."), s.complaints(), version);
    }

    @Test
    void readsARealCallWhoseDocumentsComeInAnotherOrder() {
        FrrSnapshot s = FrrStateParser.parse(FrrFixtures.read(V84.resolve("both-up/vtysh-three-commands-in-one-call.txt")), "", NOW);
        assertEquals(3, s.sessions().size());
        assertEquals(2, s.bfdPeers().size());
        assertTrue(s.daemons().contains("bgpd"));
    }

    @Test
    void readsAnEmptyBgpAnswerAsNoSession() {
        Path dir = V84.resolve("bgp-without-instances-bfdd-off");
        FrrSnapshot s = FrrStateParser.parse(FrrFixtures.read(dir.resolve("stdout.txt")), "", NOW);
        assertTrue(s.sessions().isEmpty());
        assertTrue(s.daemons().contains("bgpd"));
    }
}
