// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The env file format, and that it overrides the process environment key by key. */
class EnvFileTest {

    @Test
    void readsKeyValueLinesCommentsBlanksAndQuotes() {
        Map<String, String> values = EnvFile.parse("""
                # a comment
                NODE_IP=10.0.0.10

                  ASN_LOCAL = 65010
                FE_MACS="02:00:00:00:01:01, 02:00:00:00:01:02"
                FRR_PROFILE='traditional'
                """, "test.env");

        assertEquals(Map.of("NODE_IP", "10.0.0.10", "ASN_LOCAL", "65010",
                "FE_MACS", "02:00:00:00:01:01, 02:00:00:00:01:02", "FRR_PROFILE", "traditional"), values);
    }

    @Test
    void overridesTheProcessEnvironmentKeyByKey(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("node.env");
        Files.writeString(file, "ASN_LOCAL=65020\n");

        Map<String, String> merged = EnvFile.overlay(Map.of("NODE_IP", "10.0.0.10", "ASN_LOCAL", "65010"), file);

        assertEquals(Map.of("NODE_IP", "10.0.0.10", "ASN_LOCAL", "65020"), merged);
    }

    @Test
    void rejectsALineThatIsNotKeyValueNamingFileAndLine() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> EnvFile.parse("NODE_IP=10.0.0.10\nrouter bgp 1\n", "node.env"));

        assertTrue(e.getMessage().contains("node.env:2=\"router bgp 1\" is invalid: expected a KEY=VALUE line"), e.getMessage());
    }

    @Test
    void addsNothingWhenTheFileIsAbsent(@TempDir Path tmp) {
        assertEquals(Map.of("A", "1"), EnvFile.overlay(Map.of("A", "1"), tmp.resolve("none.env")));
    }
}
