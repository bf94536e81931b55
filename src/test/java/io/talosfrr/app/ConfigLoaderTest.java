// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.talosfrr.config.EnvKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The env file over the process environment, and the warnings for keys no setting reads. */
class ConfigLoaderTest {

    private static final Map<String, String> PROCESS = Map.of("NODE_IP", "10.0.0.10", "ASN_LOCAL", "65010",
            "FE_MACS", "02:00:00:00:01:01", "PATH", "/usr/bin");

    @Test
    void theFileOverridesTheProcessEnvironmentKeyByKey(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("node.env"), "ASN_LOCAL=65020\n");

        LoadedConfig loaded = new ConfigLoader(() -> PROCESS, file).load();

        assertEquals(65020, loaded.config().asnLocal());
        assertEquals("10.0.0.10", loaded.config().nodeIp().getHostAddress());
        assertEquals(List.of(), loaded.warnings(), "keys of the process environment are not the file's");
    }

    @Test
    void anAbsentFileAddsNothing(@TempDir Path tmp) {
        LoadedConfig loaded = new ConfigLoader(() -> PROCESS, tmp.resolve("none.env")).load();

        assertEquals(65010, loaded.config().asnLocal());
    }

    @Test
    void warnsForEachUnknownKeyOfTheFileNamingTheNearestKnownOne(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("node.env"),
                "ENABLE_BDF=true\nnode_ip=10.0.0.11\nSOMETHING_ELSE=1\nTALOSFRR_HEALTH_PORT=9000\nASN_LOCAL=65010\n");

        LoadedConfig loaded = new ConfigLoader(() -> PROCESS, file).load();

        assertEquals(List.of(
                file + " sets ENABLE_BDF, which this program does not know (did you mean ENABLE_BFD?); it is ignored",
                file + " sets node_ip, which this program does not know (did you mean NODE_IP?); it is ignored",
                file + " sets SOMETHING_ELSE, which this program does not know; it is ignored"), loaded.warnings());
        assertEquals(true, loaded.config().bfd(), "the misspelt key changes nothing");
    }

    @Test
    void theNearestKeyIsOneAFewEditsAwayOrNone() {
        assertEquals(Optional.of("INTERFACE_MTU"), EnvKeys.nearest("INTERFACE_MTUU"));
        assertEquals(Optional.of("PEER_IP_METALLB"), EnvKeys.nearest("PEER_IP_METALB"));
        assertEquals(Optional.of("ENABLE_GRACEFUL_RESTART"), EnvKeys.nearest("ENABLE_GRACEFULRESTART"));
        assertEquals(Optional.empty(), EnvKeys.nearest("KUBECONFIG"));
    }
}
