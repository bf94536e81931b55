// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.expose;

import static io.talosfrr.support.FrrFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.talosfrr.frrstate.FrrObserver;
import io.talosfrr.health.ApplyStatusStore;
import io.talosfrr.health.BgpSessionsCheck;
import io.talosfrr.health.ExpectedStateStore;
import io.talosfrr.health.SessionReadiness;
import io.talosfrr.support.FrrFixtures;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** io.talosfrr:type=Node is readable from another process attaching to this JVM (jconsole's way). */
class NodeMBeanTest {

    @Test
    void anotherProcessReadsTheBgpSessionTableOverLocalJmx() throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ExpectedStateStore expected = new ExpectedStateStore();
        FrrObserver observer = MetricsTest.observer("8.4", "one-leaf-down", expected, clock);
        BgpSessionsCheck sessions = new BgpSessionsCheck(
                new SessionReadiness(Duration.ofSeconds(120), Duration.ofSeconds(30), false), expected, observer, clock);
        DefaultCamelContext context = new DefaultCamelContext();
        Node node = new Node(observer, new ApplyStatusStore(), sessions, new HealthReport(context), context, clock);
        ObjectName name = new ObjectName(Node.OBJECT_NAME);
        ManagementFactory.getPlatformMBeanServer().registerMBean(node, name);
        try {
            Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), JmxProbe.class.getName(),
                    Long.toString(ProcessHandle.current().pid()), "BgpSessions")
                    .redirectErrorStream(true).start();
            String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            probe.waitFor(60, TimeUnit.SECONDS);
            assertEquals(0, probe.exitValue(), out);
            assertEquals(List.of("BgpSessions=["
                    + "default fab0 Established up 32 s; received/sent ipv4Unicast 1/4, ipv6Unicast 0/2, "
                    + "default fab1 Idle; received/sent ipv4Unicast 0/0, ipv6Unicast 0/0, "
                    + "metallb fda1:b2c3:d4e5:1::1 Established up 23 s; received/sent ipv4Unicast 2/0, ipv6Unicast 1/0]",
                    "camel-mbeans=0"), out.lines().toList());
        } finally {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        }
    }
}
