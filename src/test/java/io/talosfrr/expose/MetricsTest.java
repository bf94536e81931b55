// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.expose;

import static io.talosfrr.support.FrrFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.talosfrr.frr.PidFiles;
import io.talosfrr.frrstate.DaemonRestarts;
import io.talosfrr.frrstate.FrrObserver;
import io.talosfrr.health.ApplyStatus;
import io.talosfrr.health.ApplyStatusStore;
import io.talosfrr.health.ExpectedState;
import io.talosfrr.health.ExpectedStateStore;
import io.talosfrr.support.FrrFixtures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** /metrics is valid Prometheus text: every sample parses back, under a declared family, with the right value. */
class MetricsTest {

    private static final Pattern SAMPLE = Pattern.compile("([a-z_]+)(\\{((?:[a-z_]+=\"(?:[^\"\\\\]|\\\\.)*\",?)*)\\})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-z_]+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static FrrObserver observer(String version, String situation, ExpectedStateStore expected, Clock clock) {
        FrrObserver observer = new FrrObserver(() -> expected.current().map(ExpectedState::bfd).orElse(false), new PidFiles(java.nio.file.Path.of("/nonexistent")),
                new DaemonRestarts(), clock);
        observer.record(FrrFixtures.vtyshOutput(version, situation), "");
        return observer;
    }

    @Test
    void printsSessionsBfdDaemonsAndAppliesInPrometheusTextThatParsesBack() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ExpectedStateStore expected = new ExpectedStateStore();
        expected.update(new ExpectedState(List.of("fab0", "fab1"), "metallb", "fda1:b2c3:d4e5:1::1", true,
                List.of("zebra", "bgpd", "staticd", "bfdd"), NOW.minusSeconds(600)));
        ApplyStatusStore applies = new ApplyStatusStore();
        applies.record(new ApplyStatus(Instant.parse("2026-11-25T11:00:00Z"), "boot", true, "", List.of(), List.of()));
        applies.record(ApplyStatus.failure("env-file", "NODE_IP invalid"));
        applies.record(ApplyStatus.failure("env-file", "NODE_IP invalid again"));
        String text = new Metrics(observer("8.4", "one-leaf-down", expected, clock), expected, applies,
                () -> true, clock).render();

        Set<String> declared = new HashSet<>();
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                declared.add(line.split(" ")[2]);
            } else if (!line.startsWith("# HELP ")) {
                Matcher m = SAMPLE.matcher(line);
                assertTrue(m.matches(), "not a sample: " + line);
                assertTrue(declared.contains(m.group(1)), "no TYPE before " + line);
                Map<String, String> labels = new java.util.TreeMap<>();
                if (m.group(3) != null) {
                    Matcher l = LABEL.matcher(m.group(3));
                    while (l.find()) {
                        labels.put(l.group(1), l.group(2));
                    }
                }
                samples.put(m.group(1) + labels, Double.parseDouble(m.group(4)));
            }
        }
        assertEquals(1.0, samples.get("talosfrr_bgp_session_established{interface=fab0, peer=fab0, vrf=default}"));
        assertEquals(0.0, samples.get("talosfrr_bgp_session_established{interface=fab1, peer=fab1, vrf=default}"));
        assertEquals(32.0, samples.get("talosfrr_bgp_session_uptime_seconds{interface=fab0, peer=fab0, vrf=default}"));
        assertEquals(2.0, samples.get(
                "talosfrr_bgp_session_prefixes_received{afi=ipv4Unicast, interface=, peer=fda1:b2c3:d4e5:1::1, vrf=metallb}"));
        assertEquals(4.0, samples.get("talosfrr_bgp_session_prefixes_sent{afi=ipv4Unicast, interface=fab0, peer=fab0, vrf=default}"));
        assertEquals(0.0, samples.get("talosfrr_bfd_peer_up{interface=fab1, peer=fe80::58b9:95ff:fedd:1a2b, vrf=default}"));
        assertEquals(1.0, samples.get("talosfrr_frr_daemon_up{daemon=watchfrr}"));
        assertEquals(1.0, samples.get("talosfrr_applies_total{result=ok, trigger=boot}"));
        assertEquals(2.0, samples.get("talosfrr_applies_total{result=failed, trigger=env-file}"), "two applies between scrapes both count");
        assertEquals(0.0, samples.get("talosfrr_frr_observation_age_seconds{}"));
        assertEquals(1.0, samples.get("talosfrr_ready{}"));
    }

    @Test
    void escapesLabelValuesSoALineStaysOneSample() {
        String text = new PrometheusText().family("x", "gauge", "h").sample("x", Map.of("l", "a\"b\\c\nd"), 1).toString();
        assertEquals("# HELP x h\n# TYPE x gauge\nx{l=\"a\\\"b\\\\c\\nd\"} 1\n", text);
    }
}
