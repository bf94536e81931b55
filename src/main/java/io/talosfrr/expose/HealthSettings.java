// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.expose;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.camel.CamelContext;

/** The `## Health and metrics` and `## JMX` settings of conf/application.properties. */
public record HealthSettings(int port, Duration startupWindow, Duration maxObservationAge, boolean requireSpeaker,
        Optional<Integer> jmxRemotePort, String jmxRemoteHost, Optional<Path> jmxPasswordFile,
        Optional<Path> jmxAccessFile) {

    public static HealthSettings from(CamelContext context) {
        return new HealthSettings(
                Integer.parseInt(prop(context, "talosfrr.health.port")),
                Duration.ofSeconds(Long.parseLong(prop(context, "talosfrr.health.startup-window-seconds"))),
                Duration.ofSeconds(Long.parseLong(prop(context, "talosfrr.health.max-observation-age-seconds"))),
                Boolean.parseBoolean(prop(context, "talosfrr.health.require-metallb-session")),
                optional(context, "talosfrr.jmx.remote-port").map(Integer::parseInt),
                prop(context, "talosfrr.jmx.remote-host"),
                optional(context, "talosfrr.jmx.password-file").map(Path::of),
                optional(context, "talosfrr.jmx.access-file").map(Path::of));
    }

    private static Optional<String> optional(CamelContext context, String key) {
        return context.getPropertiesComponent().resolveProperty(key).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static String prop(CamelContext context, String key) {
        return optional(context, key)
                .orElseThrow(() -> new IllegalStateException("setting " + key + " is missing from conf/application.properties"));
    }
}
