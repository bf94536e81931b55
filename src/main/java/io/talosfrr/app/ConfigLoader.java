// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.app;

import io.talosfrr.config.Addresses;
import io.talosfrr.config.ConfigParser;
import io.talosfrr.config.EnvFile;
import io.talosfrr.config.EnvKeys;
import io.talosfrr.config.NodeConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the process environment with the env file on top, and returns the validated config. */
public final class ConfigLoader {

    private static final Logger LOG = LoggerFactory.getLogger("load-config");

    private final Supplier<Map<String, String>> processEnv;
    private final Path envFile;

    public ConfigLoader(Supplier<Map<String, String>> processEnv, Path envFile) {
        this.processEnv = processEnv;
        this.envFile = envFile;
    }

    public NodeConfig load() {
        Map<String, String> env = EnvFile.overlay(processEnv.get(), envFile);
        if (envFile != null && envFile.toFile().isFile()) {
            EnvFile.read(envFile).keySet().stream()
                    .filter(k -> !EnvKeys.ALL.contains(k) && !k.startsWith(EnvKeys.SETTINGS_PREFIX))
                    .forEach(k -> LOG.warn("load-config: {} sets {}, which this program does not know; ignored", envFile, k));
        }
        NodeConfig config = ConfigParser.parse(env);
        LOG.info("load-config: valid: node {} AS {}, fabric {} {}, VRF {} table {}, speaker {} AS {}, BFD {}, graceful restart {}",
                Addresses.text(config.nodeIp()), config.asnLocal(), config.fabric().source(), config.fabric().values(),
                config.vrfName(), config.routeTableId(), Addresses.text(config.peerIpMetallb()),
                config.asnMetallbSpeaker(), config.bfd() ? "on" : "off", config.gracefulRestart() ? "on" : "off");
        return config;
    }
}
