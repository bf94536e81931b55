// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.health;

import static io.talosfrr.support.FrrFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.talosfrr.support.FrrFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Readiness: what the configuration expects against FRR's answers, as recorded from every FRR version in fixtures/frr. */
class SessionReadinessTest {

    private static final SessionReadiness READINESS = new SessionReadiness(Duration.ofSeconds(120), Duration.ofSeconds(30), false);

    private static ExpectedState expected(Instant bootedAt, boolean bfd) {
        return new ExpectedState(List.of("fab0", "fab1"), "metallb", "fda1:b2c3:d4e5:1::1", bfd,
                List.of("zebra", "bgpd", "staticd", "bfdd"), bootedAt);
    }

    private static Verdict verdict(String version, String situation, Instant bootedAt) {
        return READINESS.evaluate(Optional.of(expected(bootedAt, true)),
                Optional.of(FrrFixtures.snapshot(version, situation, NOW)), NOW);
    }

    @ParameterizedTest
    @MethodSource("io.talosfrr.support.FrrFixtures#versions")
    void isReadyWhenBothFabricSessionsAndTheSpeakerAreUp(String version) {
        Verdict v = verdict(version, "both-up", NOW.minusSeconds(10));
        assertTrue(v.up(), v.message());
        assertEquals("all 2 fabric sessions up", v.message());
        assertEquals("Established, BFD up", v.details().get("fabric.fab0"));
        assertEquals("Established", v.details().get("metallb.metallb.fda1:b2c3:d4e5:1::1"));
    }

    @ParameterizedTest
    @MethodSource("io.talosfrr.support.FrrFixtures#versions")
    void staysReadyWithOneLeafDownAfterTheStartupWindowAndNamesIt(String version) {
        Verdict v = verdict(version, "one-leaf-down", NOW.minusSeconds(600));
        assertTrue(v.up(), v.message());
        // The state a down session is in (Idle, Active, Connect) depends on the moment it was recorded.
        assertTrue(v.message().matches("1 of 2 fabric sessions up; down: fab1 \\((Idle|Active|Connect), BFD down\\)"), v.message());
        assertTrue(String.valueOf(v.details().get("down")).startsWith("fab1 ("), String.valueOf(v.details()));
    }

    @ParameterizedTest
    @MethodSource("io.talosfrr.support.FrrFixtures#versions")
    void isNotReadyWithOneLeafDownInsideTheStartupWindow(String version) {
        Verdict v = verdict(version, "one-leaf-down", NOW.minusSeconds(20));
        assertFalse(v.up());
        assertTrue(v.message().matches("startup window \\(100 s left\\): 1 of 2 fabric sessions up; waiting for fab1"
                + " \\((Idle|Active|Connect), BFD down\\)"), v.message());
    }

    @Test
    void isNotReadyWithBothLeavesDownAndNamesBoth() {
        Verdict v = verdict("8.4", "both-leaves-down", NOW.minusSeconds(600));
        assertFalse(v.up());
        assertEquals("no fabric session up: fab0 (Idle, BFD down), fab1 (Idle, BFD down)", v.message());
    }

    @Test
    void isNotReadyWhenAnExpectedFabricPortHasNoSessionInFrr() {
        ExpectedState three = new ExpectedState(List.of("fab0", "fab1", "fab2"), "metallb", "fda1:b2c3:d4e5:1::1",
                true, List.of(), NOW.minusSeconds(10));
        Verdict v = READINESS.evaluate(Optional.of(three), Optional.of(FrrFixtures.snapshot("8.4", "both-up", NOW)), NOW);
        assertFalse(v.up());
        assertEquals("not configured in FRR", v.details().get("fabric.fab2"));
    }

    @Test
    void isNotReadyWhenTheSpeakerSessionIsMissingFromFrr() {
        ExpectedState otherSpeaker = new ExpectedState(List.of("fab0", "fab1"), "metallb", "fda1:b2c3:d4e5:1::9", true,
                List.of(), NOW.minusSeconds(600));
        Verdict v = READINESS.evaluate(Optional.of(otherSpeaker), Optional.of(FrrFixtures.snapshot("8.4", "both-up", NOW)), NOW);
        assertFalse(v.up());
        assertEquals("the MetalLB session to fda1:b2c3:d4e5:1::9 in VRF metallb is not configured in FRR", v.message());
    }

    @Test
    void isNotReadyWhenFrrWasLastObservedTooLongAgo() {
        Verdict v = READINESS.evaluate(Optional.of(expected(NOW.minusSeconds(600), true)),
                Optional.of(FrrFixtures.snapshot("8.4", "both-up", NOW.minusSeconds(31))), NOW);
        assertFalse(v.up());
        assertEquals("FRR last observed 31 s ago (more than 30 s)", v.message());
    }

    @Test
    void isNotReadyBeforeTheBootAppliedAConfiguration() {
        assertFalse(READINESS.evaluate(Optional.empty(), Optional.of(FrrFixtures.snapshot("8.4", "both-up", NOW)), NOW).up());
    }
}
