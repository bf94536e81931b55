// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.expose;

import io.talosfrr.frrstate.BgpSession;
import io.talosfrr.frrstate.FrrObserver;
import io.talosfrr.health.ApplyStatusStore;
import io.talosfrr.health.BgpSessionsCheck;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;

/** The node MBean: reads the same snapshot and stores as /health and /metrics. */
public final class Node implements NodeMXBean {

    public static final String OBJECT_NAME = "io.talosfrr:type=Node";
    /** Issue 4's route: re-reads the env file and applies it live. */
    static final String APPLY_ENDPOINT = "direct:apply-env-file";

    private final FrrObserver observer;
    private final ApplyStatusStore applies;
    private final BgpSessionsCheck sessions;
    private final HealthReport health;
    private final CamelContext context;
    private final Clock clock;

    public Node(FrrObserver observer, ApplyStatusStore applies, BgpSessionsCheck sessions, HealthReport health,
            CamelContext context, Clock clock) {
        this.observer = observer;
        this.applies = applies;
        this.sessions = sessions;
        this.health = health;
        this.context = context;
        this.clock = clock;
    }

    @Override
    public String[] getBgpSessions() {
        return observer.latest().map(s -> s.sessions().stream().map(Node::line).toArray(String[]::new))
                .orElse(new String[0]);
    }

    static String line(BgpSession s) {
        String families = s.families().stream().map(f -> f.afi() + " " + f.received() + "/" + f.sent())
                .collect(Collectors.joining(", "));
        return s.vrf() + " " + s.peer() + " " + s.state() + (s.established() ? " up " + s.uptimeSeconds() + " s" : "")
                + (families.isEmpty() ? "" : "; received/sent " + families);
    }

    @Override
    public String[] getBfdPeers() {
        return observer.latest().map(s -> s.bfdPeers().stream()
                .map(p -> p.iface() + " " + p.peer() + " " + p.status()).toArray(String[]::new)).orElse(new String[0]);
    }

    @Override
    public String getLastApply() {
        return applies.last().map(a -> a.time() + " " + a.trigger() + " " + (a.ok() ? "ok" : "failed: " + a.error()))
                .orElse("nothing applied yet");
    }

    @Override
    public boolean isReady() {
        return health.ready();
    }

    @Override
    public String getReadiness() {
        return sessions.verdict().message();
    }

    @Override
    public Map<String, Long> getDaemonRestarts() {
        return observer.restarts().counts();
    }

    @Override
    public long getObservationAgeSeconds() {
        return observer.latest().map(s -> Duration.between(s.takenAt(), clock.instant()).toSeconds()).orElse(-1L);
    }

    @Override
    public String reload() {
        boolean routed = context.getRoutes().stream().map(Route::getEndpoint)
                .anyMatch(e -> e.getEndpointUri().replace("://", ":").equals(APPLY_ENDPOINT));
        if (!routed) {
            return "no route consumes " + APPLY_ENDPOINT + " in this build: nothing done";
        }
        try {
            context.createProducerTemplate().sendBodyAndProperty(APPLY_ENDPOINT, null, "trigger", "jmx");
        } catch (RuntimeException e) {
            return "reload failed: " + e.getMessage() + "; last apply: " + getLastApply();
        }
        return "reload done; last apply: " + getLastApply();
    }
}
