// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.expose;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/** Runs Camel's health checks (ours and Camel's own: context, routes, consumers) and prints them as JSON. */
public final class HealthReport {

    /** Which checks: liveness, readiness, or both. */
    public enum Kind { LIVE, READY, ALL }

    /** HTTP-ready outcome: whether every check is up, and the JSON body. */
    public record Outcome(boolean up, String json) {
    }

    private final CamelContext context;

    public HealthReport(CamelContext context) {
        this.context = context;
    }

    public Outcome run(Kind kind) {
        Collection<HealthCheck.Result> results = switch (kind) {
            case LIVE -> HealthCheckHelper.invokeLiveness(context);
            case READY -> HealthCheckHelper.invokeReadiness(context);
            case ALL -> HealthCheckHelper.invoke(context);
        };
        boolean up = results.stream().noneMatch(r -> r.getState() == HealthCheck.State.DOWN);
        JsonArray checks = new JsonArray();
        results.stream().sorted(Comparator.comparing((HealthCheck.Result r) -> r.getCheck().getId()))
                .forEach(r -> checks.add(check(r)));
        JsonObject body = new JsonObject();
        body.put("status", up ? "UP" : "DOWN");
        body.put("checks", checks);
        return new Outcome(up, body.toJson());
    }

    public boolean ready() {
        return HealthCheckHelper.invokeReadiness(context).stream().noneMatch(r -> r.getState() == HealthCheck.State.DOWN);
    }

    private static JsonObject check(HealthCheck.Result result) {
        JsonObject check = new JsonObject();
        check.put("name", result.getCheck().getId());
        check.put("status", result.getState().name());
        result.getMessage().ifPresent(m -> check.put("message", m));
        result.getError().ifPresent(e -> check.put("error", String.valueOf(e.getMessage())));
        Map<String, Object> details = new TreeMap<>();
        result.getDetails().forEach((k, v) -> {
            if (!bookkeeping(k)) {
                details.put(k, v instanceof Number || v instanceof Boolean ? v : String.valueOf(v));
            }
        });
        if (!details.isEmpty()) {
            check.put("details", new JsonObject(details));
        }
        return check;
    }

    /** Camel's counters and timestamps of the check itself, not facts about the node. */
    private static boolean bookkeeping(String key) {
        return key.startsWith("invocation.") || key.startsWith("failure.") || key.startsWith("success.")
                || key.startsWith("check.");
    }
}
