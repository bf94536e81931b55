// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.app;

import io.talosfrr.expose.Observability;
import io.talosfrr.frr.DaemonStarterExec;
import io.talosfrr.frr.FrrDaemons;
import io.talosfrr.frr.FrrFiles;
import io.talosfrr.frr.FrrStop;
import io.talosfrr.frr.PidFiles;
import io.talosfrr.frr.RestartHold;
import io.talosfrr.frr.RunningConfig;
import io.talosfrr.frrstate.DaemonsProbe;
import io.talosfrr.frrstate.SpeakerProbe;
import io.talosfrr.health.ApplyStatusStore;
import io.talosfrr.net.FabricPortResolver;
import io.talosfrr.net.SysfsNet;
import io.talosfrr.render.FrrModelFactory;
import io.talosfrr.render.TemplateEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.velocity.VelocityComponent;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;
import org.apache.camel.spi.Registry;

/** The beans the routes call by name ({@code bean: ref: ...}), built from the settings, and Camel's shared parts. */
final class Wiring {

    private Wiring() {
    }

    static Observability bind(CamelContext context, Settings settings, Launch launch, FrrState frrState,
            ApplyStatusStore applyStatus) {
        Registry registry = context.getRegistry();
        FrrFiles frrFiles = new FrrFiles(settings.frrConfDir(), settings.frrUser());
        FrrDaemons frrDaemons = new FrrDaemons(settings.frrDaemonDir(), settings.frrStateDirs(), frrFiles);
        registry.bind("configLoader", new ConfigLoader(launch::env, settings.envFile()));
        registry.bind("portStep", new PortStep(new FabricPortResolver(new SysfsNet(settings.sysfsNetDir())),
                settings.portWait()));
        registry.bind("hostNetwork", new HostNetworkStep());
        registry.bind("frrModel", new FrrModelFactory());
        registry.bind("frrFiles", frrFiles);
        registry.bind("frrDaemons", frrDaemons);
        registry.bind("daemonsProbe", new DaemonsProbe(frrDaemons, Clock.systemUTC()));
        registry.bind("speakerProbe", new SpeakerProbe(Clock.systemUTC()));
        registry.bind("daemonStarterExec", new DaemonStarterExec(settings.bootStopWait()));
        registry.bind("frrStop", new FrrStop(new PidFiles(settings.frrRunDir()), Duration.ofSeconds(10)));
        RunningConfig runningConfig = new RunningConfig(settings.frrConf(), Clock.systemUTC());
        registry.bind("runningConfig", runningConfig);
        registry.bind("frrState", frrState);
        registry.bind("retryLog", new RetryLog());
        registry.bind("liveApply", new LiveApply(applyStatus));
        registry.bind("restartHold", new RestartHold(settings.restartStamp(), Clock.systemUTC()));
        registry.bind("planReport", new PlanReport(launch.out()));

        // The watch route needs the env file's directory and name apart; both follow talosfrr.env-file.
        Path envFile = settings.envFile().toAbsolutePath();
        context.getPropertiesComponent().addOverrideProperty("talosfrr.env-file.dir", String.valueOf(envFile.getParent()));
        context.getPropertiesComponent().addOverrideProperty("talosfrr.env-file.name", envFile.getFileName().toString());
        // A failure goes back to its caller (the entrypoint, or a watch route) and is logged once there.
        context.getCamelContextExtension().setErrorHandlerFactory(new DefaultErrorHandlerDefinition()
                .logExhausted(false).logStackTrace(false).logExhaustedMessageHistory(false));
        context.getComponent("velocity", VelocityComponent.class)
                .setVelocityEngine(TemplateEngine.create(settings.templatesDir()));
        Observability observability = Observability.bind(context, settings.frrRunDir(), frrDaemons, applyStatus, runningConfig);
        registry.bind("appliedState", new AppliedState(observability::applied));
        return observability;
    }
}
