// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.expose;

import io.talosfrr.config.NodeConfig;
import io.talosfrr.frr.FrrDaemons;
import io.talosfrr.frr.PidFiles;
import io.talosfrr.frr.RunningConfig;
import io.talosfrr.frrstate.DaemonRestarts;
import io.talosfrr.frrstate.FrrObserver;
import io.talosfrr.health.ApplyStatusStore;
import io.talosfrr.health.ExpectedState;
import io.talosfrr.health.ExpectedStateStore;
import io.talosfrr.health.HealthChecks;
import io.talosfrr.health.SessionReadiness;
import io.talosfrr.net.FabricPorts;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.remote.JMXConnectorServer;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 5 in one place for Lifecycle: {@link #bind} before the routes are configured (the observer
 * bean), {@link #applied} after each full apply (the expected state), {@link #start} in `run` mode only (health checks,
 * the observe-frr route, the HTTP server, the MBean, remote JMX when asked), {@link #stop} at the end.
 */
public final class Observability {

    static final String OBSERVE_ROUTE = "observe-frr";
    private static final Logger LOG = LoggerFactory.getLogger("health-server");

    private final HealthSettings settings;
    private final ExpectedStateStore expected;
    private final FrrDaemons daemons;
    private final FrrObserver observer;
    private final ApplyStatusStore applies;
    private final RunningConfig runningConfig;
    private final Clock clock;
    private HealthServer server;
    private JMXConnectorServer remoteJmx;
    private ObjectName mbean;

    private Observability(HealthSettings settings, ExpectedStateStore expected, FrrDaemons daemons, FrrObserver observer,
            ApplyStatusStore applies, RunningConfig runningConfig, Clock clock) {
        this.settings = settings;
        this.daemons = daemons;
        this.runningConfig = runningConfig;
        this.expected = expected;
        this.observer = observer;
        this.applies = applies;
        this.clock = clock;
    }

    public static Observability bind(CamelContext context, Path frrRunDir, FrrDaemons daemons, ApplyStatusStore applies,
            RunningConfig runningConfig) {
        Clock clock = Clock.systemUTC();
        HealthSettings settings = HealthSettings.from(context);
        ExpectedStateStore expected = new ExpectedStateStore();
        FrrObserver observer = new FrrObserver(() -> expected.current().map(ExpectedState::bfd).orElse(false),
                new PidFiles(frrRunDir), new DaemonRestarts(), clock);
        context.getRegistry().bind("frrObserver", observer);
        return new Observability(settings, expected, daemons, observer, applies, runningConfig, clock);
    }

    /**
     * A configuration applied in full (the boot, or a live change FRR took): health, metrics and the
     * MBean now expect it. Called by appliedState only, at the end of boot-node and apply-env-file.
     */
    public void applied(NodeConfig config, FabricPorts ports) {
        expected.update(ExpectedState.of(config, ports.names(), daemons.expected(config), clock.instant()));
    }

    /** Camel's health registry finds checks bound as beans; only `run` binds them, so `plan` has none. */
    public void start(CamelContext context) {
        SessionReadiness readiness = new SessionReadiness(settings.startupWindow(), settings.maxObservationAge(),
                settings.requireSpeaker());
        HealthChecks checks = HealthChecks.create(readiness, settings.maxObservationAge(), expected, observer, applies,
                runningConfig, clock);
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        for (AbstractHealthCheck check : checks.all()) {
            check.setCamelContext(context);
            context.getRegistry().bind(check.getId(), check);
            registry.register(check);
        }
        try {
            context.getRouteController().startRoute(OBSERVE_ROUTE);
        } catch (Exception e) {
            LOG.error("health-server: could not start route {}: {}", OBSERVE_ROUTE, e.getMessage());
        }
        HealthReport report = new HealthReport(context);
        Metrics metrics = new Metrics(observer, expected, applies, report::ready, clock);
        try {
            server = HealthServer.start(settings.port(), report::run, metrics::render);
        } catch (IOException e) {
            // Routing matters more than its monitoring: FRR keeps running, the log says why there is no health.
            LOG.error("health-server: cannot listen on 127.0.0.1:{}: {}; no HTTP health or metrics (set TALOSFRR_HEALTH_PORT)",
                    settings.port(), e.getMessage());
        }
        registerMBean(new Node(observer, applies, checks.sessions(), report, context, clock));
        settings.jmxRemotePort().ifPresent(this::startRemoteJmx);
    }

    private void registerMBean(Node node) {
        MBeanServer platform = ManagementFactory.getPlatformMBeanServer();
        try {
            mbean = new ObjectName(Node.OBJECT_NAME);
            if (platform.isRegistered(mbean)) {
                platform.unregisterMBean(mbean);
            }
            platform.registerMBean(node, mbean);
        } catch (JMException e) {
            LOG.error("health-server: cannot register MBean {}: {}", Node.OBJECT_NAME, e.getMessage());
        }
    }

    private void startRemoteJmx(int port) {
        if (settings.jmxPasswordFile().isEmpty() || settings.jmxAccessFile().isEmpty()) {
            LOG.error("jmx: remote JMX refused on port {}: set talosfrr.jmx.password-file and talosfrr.jmx.access-file"
                    + " (TALOSFRR_JMX_PASSWORD_FILE, TALOSFRR_JMX_ACCESS_FILE); local JMX only", port);
            return;
        }
        try {
            remoteJmx = RemoteJmx.start(port, settings.jmxRemoteHost(), settings.jmxPasswordFile().get(),
                    settings.jmxAccessFile().get());
            LOG.info("jmx: remote JMX with authentication at {}", remoteJmx.getAddress());
        } catch (IOException | RuntimeException e) {
            LOG.error("jmx: remote JMX refused: {}; local JMX only", e.getMessage());
        }
    }

    public void stop() {
        if (server != null) {
            server.close();
        }
        if (remoteJmx != null) {
            try {
                remoteJmx.stop();
            } catch (IOException e) {
                LOG.debug("jmx: stopping remote JMX: {}", e.getMessage());
            }
        }
        try {
            if (mbean != null && ManagementFactory.getPlatformMBeanServer().isRegistered(mbean)) {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(mbean);
            }
        } catch (JMException e) {
            LOG.debug("jmx: unregistering {}: {}", mbean, e.getMessage());
        }
    }
}
