// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.expose;

import io.talosfrr.frrstate.BgpSession;
import io.talosfrr.frrstate.FrrObserver;
import io.talosfrr.frrstate.FrrSnapshot;
import io.talosfrr.health.ApplyStatus;
import io.talosfrr.health.ApplyStatusStore;
import io.talosfrr.health.ExpectedState;
import io.talosfrr.health.ExpectedStateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/** /metrics: everything read from the latest snapshot and the stores; no FRR call per scrape. */
public final class Metrics {

    private final FrrObserver observer;
    private final ExpectedStateStore expected;
    private final ApplyStatusStore applies;
    private final BooleanSupplier ready;
    private final Clock clock;

    public Metrics(FrrObserver observer, ExpectedStateStore expected, ApplyStatusStore applies,
            BooleanSupplier ready, Clock clock) {
        this.observer = observer;
        this.expected = expected;
        this.applies = applies;
        this.ready = ready;
        this.clock = clock;
    }

    public String render() {
        PrometheusText text = new PrometheusText();
        Optional<FrrSnapshot> snapshot = observer.latest();
        Optional<ExpectedState> want = expected.current();
        List<BgpSession> sessions = sessions(snapshot, want);

        text.family("talosfrr_ready", "gauge", "1 when every readiness check is up (/health/ready answers 200)");
        text.sample("talosfrr_ready", ready.getAsBoolean() ? 1 : 0);

        text.family("talosfrr_bgp_session_established", "gauge",
                "1 when the BGP session is Established; expected sessions FRR does not show are 0");
        sessions.forEach(s -> text.sample("talosfrr_bgp_session_established", session(s), s.established() ? 1 : 0));
        text.family("talosfrr_bgp_session_uptime_seconds", "gauge", "Seconds the BGP session has been Established, 0 when down");
        sessions.forEach(s -> text.sample("talosfrr_bgp_session_uptime_seconds", session(s), s.uptimeSeconds()));
        text.family("talosfrr_bgp_session_prefixes_received", "gauge", "Prefixes received on the session, per address family");
        sessions.forEach(s -> s.families().forEach(f ->
                text.sample("talosfrr_bgp_session_prefixes_received", family(s, f), f.received())));
        text.family("talosfrr_bgp_session_prefixes_sent", "gauge", "Prefixes sent on the session, per address family");
        sessions.forEach(s -> s.families().forEach(f ->
                text.sample("talosfrr_bgp_session_prefixes_sent", family(s, f), f.sent())));

        text.family("talosfrr_bfd_peer_up", "gauge", "1 when the BFD session is up");
        snapshot.ifPresent(s -> s.bfdPeers().forEach(p -> text.sample("talosfrr_bfd_peer_up",
                labels("vrf", p.vrf(), "peer", p.peer(), "interface", p.iface()), p.up() ? 1 : 0)));

        text.family("talosfrr_frr_daemon_up", "gauge", "1 when the FRR daemon answers vtysh");
        TreeSet<String> daemons = new TreeSet<>();
        want.ifPresent(w -> daemons.addAll(w.daemons()));
        snapshot.ifPresent(s -> daemons.addAll(s.daemons()));
        daemons.forEach(d -> text.sample("talosfrr_frr_daemon_up", labels("daemon", d),
                snapshot.map(s -> s.daemons().contains(d)).orElse(false) ? 1 : 0));
        text.family("talosfrr_frr_daemon_restarts_total", "counter",
                "Times the daemon's pid changed (watchfrr restarted it) since this process started");
        observer.restarts().counts().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.sample("talosfrr_frr_daemon_restarts_total", labels("daemon", e.getKey()), e.getValue()));

        text.family("talosfrr_applies_total", "counter", "Configurations applied (boot, env-file change), by result");
        applies.counts().forEach((outcome, count) -> text.sample("talosfrr_applies_total",
                labels("trigger", outcome.trigger(), "result", outcome.result()), count));
        Optional<ApplyStatus> last = applies.last();
        text.family("talosfrr_last_apply_success", "gauge", "1 when the last apply succeeded");
        last.ifPresent(a -> text.sample("talosfrr_last_apply_success", labels("trigger", a.trigger()), a.ok() ? 1 : 0));
        text.family("talosfrr_last_apply_timestamp_seconds", "gauge", "Unix time of the last apply");
        last.ifPresent(a -> text.sample("talosfrr_last_apply_timestamp_seconds", a.time().toEpochMilli() / 1000.0));

        text.family("talosfrr_frr_observation_age_seconds", "gauge", "Seconds since FRR's state was last read by observe-frr");
        snapshot.ifPresent(s -> text.sample("talosfrr_frr_observation_age_seconds",
                Duration.between(s.takenAt(), clock.instant()).toMillis() / 1000.0));
        text.family("talosfrr_frr_observation_failures_total", "counter",
                "Observations in which vtysh complained (a daemon not running, no answer)");
        text.sample("talosfrr_frr_observation_failures_total", observer.failedObservations());
        return text.toString();
    }

    /** FRR's sessions, plus a down row for each expected fabric or speaker session FRR does not show. */
    static List<BgpSession> sessions(Optional<FrrSnapshot> snapshot, Optional<ExpectedState> want) {
        List<BgpSession> all = new java.util.ArrayList<>(snapshot.map(FrrSnapshot::sessions).orElse(List.of()));
        want.ifPresent(w -> {
            for (String port : w.fabricPorts()) {
                if (all.stream().noneMatch(s -> s.vrf().equals("default") && s.peer().equals(port))) {
                    all.add(new BgpSession("default", port, port, "", 0, List.of()));
                }
            }
            if (all.stream().noneMatch(s -> s.vrf().equals(w.vrf()) && s.peer().equals(w.speakerPeer()))) {
                all.add(new BgpSession(w.vrf(), w.speakerPeer(), "", "", 0, List.of()));
            }
        });
        return all;
    }

    private static Map<String, String> session(BgpSession s) {
        return labels("vrf", s.vrf(), "peer", s.peer(), "interface", s.iface());
    }

    private static Map<String, String> family(BgpSession s, BgpSession.Family f) {
        Map<String, String> labels = session(s);
        labels.put("afi", f.afi());
        return labels;
    }

    private static Map<String, String> labels(String... pairs) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            labels.put(pairs[i], pairs[i + 1]);
        }
        return labels;
    }
}
