// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.app;

import io.talosfrr.config.Addresses;
import io.talosfrr.config.ConfigParser;
import io.talosfrr.config.EnvFile;
import io.talosfrr.config.EnvKeys;
import io.talosfrr.config.NodeConfig;
import io.talosfrr.config.PasswordFile;
import io.talosfrr.config.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the process environment with the env file on top (read once), and returns the validated config. */
public final class ConfigLoader {

    private static final Logger LOG = LoggerFactory.getLogger("load-config");

    private final Supplier<Map<String, String>> processEnv;
    private final Path envFile;

    public ConfigLoader(Supplier<Map<String, String>> processEnv, Path envFile) {
        this.processEnv = processEnv;
        this.envFile = envFile;
    }

    public LoadedConfig load() {
        Map<String, String> fromFile = envFile != null && Files.isRegularFile(envFile) ? EnvFile.read(envFile) : Map.of();
        Map<String, String> env = new LinkedHashMap<>(processEnv.get());
        env.putAll(fromFile);
        NodeConfig config = ConfigParser.parse(env);
        List<String> warnings = new ArrayList<>();
        fromFile.keySet().stream().filter(k -> !EnvKeys.known(k)).map(this::unknownKey).forEach(warnings::add);
        for (String key : EnvKeys.PASSWORD_FILES) {
            if (env.get(key) != null && !env.get(key).isBlank()) {
                PasswordFile.permissionWarning(key, Path.of(env.get(key))).ifPresent(warnings::add);
            }
        }
        warnings.forEach(w -> LOG.warn("load-config: {}", w));
        LOG.info("load-config: valid: node {} AS {}, fabric {} {}, VRF {} table {}, speaker {} AS {}, BFD {}, graceful restart {},"
                + " passwords: fabric {}, speaker {}",
                Addresses.text(config.nodeIp()), config.asnLocal(), config.fabric().source(), config.fabric().values(),
                config.vrfName(), config.routeTableId(), Addresses.text(config.peerIpMetallb()),
                config.asnMetallbSpeaker(), config.bfd() ? "on" : "off", config.gracefulRestart() ? "on" : "off",
                passwordSource(env, config.fabricPassword(), EnvKeys.FABRIC_PASSWORD_FILE),
                passwordSource(env, config.metallbPassword(), EnvKeys.METALLB_PASSWORD_FILE));
        return new LoadedConfig(config, warnings);
    }

    private static String passwordSource(Map<String, String> env, Optional<Secret> secret, String key) {
        return secret.isPresent() ? "from " + env.get(key) : "none";
    }

    private String unknownKey(String key) {
        String guess = EnvKeys.nearest(key).map(k -> " (did you mean " + k + "?)").orElse("");
        return envFile + " sets " + key + ", which this program does not know" + guess + "; it is ignored";
    }
}
