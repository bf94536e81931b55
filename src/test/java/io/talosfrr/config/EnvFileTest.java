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

/** The env file format: what it accepts, and the lines it refuses, by file and line. */
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
    void takesAByteOrderMarkForWhatItIsNotForPartOfTheFirstKey() {
        assertEquals(Map.of("NODE_IP", "10.0.0.10", "ASN_LOCAL", "65010"),
                EnvFile.parse("\uFEFFNODE_IP=10.0.0.10\r\nASN_LOCAL=65010\r\n", "windows.env"));
    }

    @Test
    void rejectsAKeySetTwiceNamingBothLines() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> EnvFile.parse("ASN_LOCAL=65010\n# later\nNODE_IP=10.0.0.10\nASN_LOCAL=65020\n", "node.env"));

        assertEquals(1, e.errors().size(), e.getMessage());
        assertTrue(e.getMessage().contains("node.env:4=\"ASN_LOCAL=65020\" is invalid: expected each key once;"
                + " ASN_LOCAL is set on line 1 and again on line 4"), e.getMessage());
    }

    @Test
    void rejectsALineThatIsNotKeyValueNamingFileAndLine() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> EnvFile.parse("NODE_IP=10.0.0.10\nrouter bgp 1\n", "node.env"));

        assertTrue(e.getMessage().contains("node.env:2=\"router bgp 1\" is invalid: expected a KEY=VALUE line"), e.getMessage());
    }

    @Test
    void namesTheFileItCannotRead(@TempDir Path tmp) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> EnvFile.read(tmp.resolve("none.env")));

        assertTrue(e.getMessage().contains("--env-file=\"" + tmp.resolve("none.env") + "\" is invalid"), e.getMessage());
    }
}
