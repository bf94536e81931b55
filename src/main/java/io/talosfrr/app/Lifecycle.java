// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.app;

import io.talosfrr.config.ConfigurationException;
import io.talosfrr.expose.Observability;
import io.talosfrr.frr.ExecOutput;
import io.talosfrr.health.ApplyStatus;
import io.talosfrr.health.ApplyStatusStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.exec.ExecException;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Runs the entrypoint's life: has the beans wired, starts the boot (or the plan) once Camel is up,
 * then the watch and the observers, and stops FRR before Camel stops. Decides the exit status.
 */
public final class Lifecycle extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger("talos-frr");

    private final Main main;
    private final CommandLine.Mode mode;
    private final boolean once;
    private final Launch launch;
    private final AtomicInteger exitCode = new AtomicInteger();
    private final FrrState frrState = new FrrState();
    private final ApplyStatusStore applyStatus = new ApplyStatusStore();
    private Settings settings;
    private Observability observability;
    private final long startNanos = System.nanoTime();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private volatile Thread bootThread;

    public Lifecycle(Main main, CommandLine cli, Launch launch) {
        this.main = main;
        this.mode = cli.mode();
        this.once = cli.once();
        this.launch = launch;
        launch.control().onStop(() -> requestStop("stop requested"));
    }

    public int exitCode() {
        return exitCode.get();
    }

    /** SIGTERM and SIGINT end the run cleanly (exit 0), through Camel's own shutdown, whatever step runs. */
    public void installSignalHandlers() {
        sun.misc.SignalHandler handler = signal -> requestStop("SIG" + signal.getName() + " received");
        Signal.handle(new Signal("TERM"), handler);
        Signal.handle(new Signal("INT"), handler);
    }

    private void requestStop(String why) {
        if (stopRequested.compareAndSet(false, true)) {
            LOG.info("talos-frr: {}: stopping", why);
            main.completed();
        }
    }

    @Override
    public void beforeConfigure(BaseMainSupport support) {
        CamelContext context = support.getCamelContext();
        settings = Settings.from(context);
        observability = Wiring.bind(context, settings, launch, frrState, applyStatus);
    }

    /**
     * The boot runs on its own thread, so that Camel Main is already waiting for a stop while it
     * runs: a SIGTERM in the middle of a step is acted on at once (see beforeStop).
     */
    @Override
    public void afterStart(BaseMainSupport support) {
        Thread boot = new Thread(() -> boot(support), "boot-node");
        bootThread = boot;
        boot.start();
    }

    private void boot(BaseMainSupport support) {
        String entry = mode == CommandLine.Mode.PLAN ? "direct:plan-boot" : "direct:boot-node";
        ProducerTemplate template = support.getCamelContext().createProducerTemplate();
        if (mode == CommandLine.Mode.RUN && !once) {
            // Health, metrics and JMX answer during the boot too: not ready until it is done.
            observability.start(support.getCamelContext());
        }
        try {
            template.requestBody(entry, (Object) null);
            if (stopRequested.get()) {
                LOG.info("boot-node: the boot finished while stopping; not watching for changes");
                return;
            }
            if (mode == CommandLine.Mode.RUN) {
                applyStatus.record(ApplyStatus.success("boot", List.of(), List.of()));
            }
            if (mode == CommandLine.Mode.PLAN) {
                main.completed();
            } else if (once) {
                LOG.info("talos-frr: boot complete in {} ms; --once: exiting, FRR keeps running",
                        (System.nanoTime() - startNanos) / 1_000_000);
                main.completed();
            } else {
                LOG.info("talos-frr: boot complete in {} ms; staying up (SIGTERM stops FRR and exits)",
                        (System.nanoTime() - startNanos) / 1_000_000);
                startWatch(support.getCamelContext());
                launch.control().markBooted();
            }
        } catch (CamelExecutionException e) {
            fail(e.getCause() == null ? e : e.getCause());
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    /** Live changes need a directory to watch; without one (no env file mounted) the node keeps its boot config. */
    private void startWatch(CamelContext context) {
        Path envFile = settings.envFile().toAbsolutePath();
        if (envFile.getParent() == null || !Files.isDirectory(envFile.getParent())) {
            LOG.info("watch-env-file: {} does not exist: live changes are off until the service restarts with it",
                    envFile.getParent());
            return;
        }
        try {
            context.getRouteController().startRoute("watch-env-file");
            LOG.info("watch-env-file: watching {} for changes", envFile);
        } catch (Exception e) {
            LOG.error("watch-env-file: cannot watch {}: {}; live changes are off", envFile, rootMessage(e));
        }
    }

    @Override
    public void beforeStop(BaseMainSupport support) {
        interruptBoot();
        // No new apply may start while FRR is being stopped.
        try {
            support.getCamelContext().getRouteController().stopRoute("watch-env-file");
        } catch (Exception e) {
            LOG.warn("watch-env-file: could not stop the watch: {}", rootMessage(e));
        }
        if (observability != null) {
            observability.stop();
        }
        if (mode == CommandLine.Mode.RUN && !once && frrState.started()) {
            try {
                support.getCamelContext().createProducerTemplate().requestBody("direct:stop-frr", (Object) null);
            } catch (RuntimeException e) {
                LOG.error("stop-frr: failed: {}", rootMessage(e));
            }
        }
    }

    /** A stop during the boot: the boot's current step is interrupted (a command killed, a wait cut short). */
    private void interruptBoot() {
        Thread boot = bootThread;
        if (boot == null || !boot.isAlive() || boot == Thread.currentThread()) {
            return;
        }
        LOG.info("boot-node: stopping during the boot: interrupting its current step");
        boot.interrupt();
        try {
            boot.join(settings.bootStopWait().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (boot.isAlive()) {
            LOG.warn("boot-node: still in a step after {} s; stopping anyway", settings.bootStopWait().toSeconds());
        }
    }

    private void fail(Throwable cause) {
        if (stopRequested.get()) {
            LOG.info("boot-node: ended by the stop: {}", rootMessage(cause));
            main.completed();
            return;
        }
        applyStatus.record(ApplyStatus.failure("boot", rootMessage(cause)));
        if (cause instanceof ConfigurationException config) {
            LOG.error("load-config: {}; nothing on the host was changed", config.getMessage());
            exitCode.set(CommandLine.EXIT_CONFIG);
        } else {
            LOG.error("{}: {}", mode == CommandLine.Mode.PLAN ? "plan-boot" : "boot-node", rootMessage(cause));
            exitCode.set(1);
        }
        main.completed();
    }

    static String rootMessage(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof ExecException exec) {
                return ExecOutput.describe(exec);
            }
        }
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
