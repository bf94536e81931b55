// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.health;

import io.talosfrr.frrstate.BfdPeer;
import io.talosfrr.frrstate.BgpSession;
import io.talosfrr.frrstate.FrrSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Expected versus actual BGP/BFD state. During the startup window every fabric session must come
 * up (BGP Established, and its BFD peer up when BFD is on); after it, one is enough to stay ready,
 * and the others are named. The MetalLB session must exist in FRR; it being Established is
 * required only when asked, since the speaker is a pod that may start after this node does.
 */
public final class SessionReadiness {

    private final Duration startupWindow;
    private final Duration maxAge;
    private final boolean requireSpeaker;

    public SessionReadiness(Duration startupWindow, Duration maxAge, boolean requireSpeaker) {
        this.startupWindow = startupWindow;
        this.maxAge = maxAge;
        this.requireSpeaker = requireSpeaker;
    }

    public Verdict evaluate(Optional<ExpectedState> expectedState, Optional<FrrSnapshot> observed, Instant now) {
        if (expectedState.isEmpty()) {
            return new Verdict(false, "boot not finished: no configuration applied yet", Map.of());
        }
        if (observed.isEmpty()) {
            return new Verdict(false, "FRR not observed yet", Map.of());
        }
        ExpectedState expected = expectedState.get();
        FrrSnapshot snapshot = observed.get();
        long age = Duration.between(snapshot.takenAt(), now).toSeconds();
        if (age > maxAge.toSeconds()) {
            return new Verdict(false, "FRR last observed " + age + " s ago (more than " + maxAge.toSeconds() + " s)",
                    Map.of());
        }
        Map<String, Object> details = new TreeMap<>();
        List<String> down = new ArrayList<>();
        int up = 0;
        for (String port : expected.fabricPorts()) {
            PortState state = port(expected, snapshot, port);
            details.put("fabric." + port, state.text());
            if (state.up()) {
                up++;
            } else {
                down.add(port + " (" + state.text() + ")");
            }
        }
        Optional<BgpSession> speaker = snapshot.session(expected.vrf(), expected.speakerPeer());
        String speakerKey = "metallb." + expected.vrf() + "." + expected.speakerPeer();
        details.put(speakerKey, speaker.map(BgpSession::state).orElse("not configured in FRR"));
        long windowLeft = Duration.between(now, expected.bootedAt().plus(startupWindow)).toSeconds();
        if (windowLeft > 0) {
            details.put("startupWindowSecondsLeft", windowLeft);
        }
        if (!down.isEmpty()) {
            details.put("down", String.join(", ", down));
        }
        int total = expected.fabricPorts().size();
        if (speaker.isEmpty()) {
            return new Verdict(false, "the MetalLB session to " + expected.speakerPeer() + " in VRF " + expected.vrf()
                    + " is not configured in FRR", details);
        }
        if (requireSpeaker && !speaker.get().established()) {
            return new Verdict(false, "the MetalLB session to " + expected.speakerPeer() + " is "
                    + speaker.get().state(), details);
        }
        if (windowLeft > 0 && !down.isEmpty()) {
            return new Verdict(false, "startup window (" + windowLeft + " s left): " + up + " of " + total
                    + " fabric sessions up; waiting for " + String.join(", ", down), details);
        }
        if (up == 0) {
            return new Verdict(false, "no fabric session up: " + String.join(", ", down), details);
        }
        if (!down.isEmpty()) {
            return new Verdict(true, up + " of " + total + " fabric sessions up; down: " + String.join(", ", down),
                    details);
        }
        return new Verdict(true, "all " + total + " fabric sessions up", details);
    }

    private record PortState(boolean up, String text) {
    }

    private static PortState port(ExpectedState expected, FrrSnapshot snapshot, String port) {
        Optional<BgpSession> session = snapshot.session("default", port);
        if (session.isEmpty()) {
            return new PortState(false, "not configured in FRR");
        }
        String bgp = session.get().state().isEmpty() ? "unknown" : session.get().state();
        if (!expected.bfd()) {
            return new PortState(session.get().established(), bgp);
        }
        String bfd = snapshot.bfdOn(port).map(p -> "BFD " + p.status()).orElse("no BFD peer");
        boolean up = session.get().established() && snapshot.bfdOn(port).map(BfdPeer::up).orElse(false);
        return new PortState(up, bgp + ", " + bfd);
    }
}
