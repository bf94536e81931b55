// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;

/**
 * Where things are and how long to wait: the runtime settings from conf/application.properties,
 * each overridable by an environment variable (talosfrr.frr.conf-dir -> TALOSFRR_FRR_CONF_DIR).
 */
public record Settings(
        Path templatesDir,
        Path envFile,
        Path frrConfDir,
        Path frrDaemonDir,
        Path frrRunDir,
        List<Path> frrStateDirs,
        Path vtysh,
        Path restartStamp,
        String frrUser,
        Path sysfsNetDir,
        Duration portWait,
        Duration bootStopWait) {

    public Path frrConf() {
        return frrConfDir.resolve("frr.conf");
    }

    public static Settings from(CamelContext context) {
        return new Settings(
                Path.of(prop(context, "talosfrr.templates.dir")),
                Path.of(prop(context, "talosfrr.env-file")),
                Path.of(prop(context, "talosfrr.frr.conf-dir")),
                Path.of(prop(context, "talosfrr.frr.daemon-dir")),
                Path.of(prop(context, "talosfrr.frr.run-dir")),
                List.of(prop(context, "talosfrr.frr.state-dirs").split(",")).stream()
                        .map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).toList(),
                Path.of(prop(context, "talosfrr.frr.vtysh")),
                Path.of(prop(context, "talosfrr.frr.restart-stamp")),
                prop(context, "talosfrr.frr.user"),
                Path.of(prop(context, "talosfrr.sysfs-net-dir")),
                Duration.ofSeconds(Long.parseLong(prop(context, "talosfrr.ports.wait-seconds"))),
                Duration.ofSeconds(Long.parseLong(prop(context, "talosfrr.stop.boot-wait-seconds"))));
    }

    private static String prop(CamelContext context, String key) {
        return context.getPropertiesComponent().resolveProperty(key)
                .orElseThrow(() -> new IllegalStateException("setting " + key + " is missing from conf/application.properties"));
    }
}
