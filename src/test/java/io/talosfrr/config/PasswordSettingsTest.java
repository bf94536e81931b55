// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.talosfrr.support.FakeHost;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * FABRIC_PASSWORD_FILE and METALLB_PASSWORD_FILE: the file's one line becomes the password; a file
 * that cannot give one exits 2 naming the setting and the path, never the content.
 */
class PasswordSettingsTest {

    /** Stands for a password in every file below; no message may ever contain it. */
    private static final String SECRET = "Zq7-secret";

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("empty", "".getBytes(StandardCharsets.US_ASCII), "it is empty"),
                Arguments.of("onlyANewline", "\n".getBytes(StandardCharsets.US_ASCII), "it is empty"),
                Arguments.of("twoWords", (SECRET + " more\n").getBytes(StandardCharsets.US_ASCII), "one word of printable ASCII"),
                Arguments.of("twoLines", (SECRET + "\nsecond\n").getBytes(StandardCharsets.US_ASCII), "a second line"),
                Arguments.of("tab", (SECRET + "\tx").getBytes(StandardCharsets.US_ASCII), "a control character"),
                Arguments.of("nonAscii", (SECRET + "é").getBytes(StandardCharsets.UTF_8), "not ASCII"),
                Arguments.of("over80", (SECRET + "x".repeat(71)).getBytes(StandardCharsets.US_ASCII),
                        "more than 80 characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aFileThatHoldsNoUsablePasswordExits2NamingTheSettingNotTheContent(String name, byte[] content,
            String expected, @TempDir Path tmp) throws Exception {
        Path file = Files.write(tmp.resolve("fabric.password"), content);
        Map<String, String> env = env("FABRIC_PASSWORD_FILE", file.toString());

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ConfigParser.parse(env));

        assertTrue(e.getMessage().contains("FABRIC_PASSWORD_FILE=\"" + file + "\" is invalid: expected the absolute"
                + " path of a file holding the password; " ), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), "the message quotes the file: " + e.getMessage());
        assertHostUntouched(env, tmp);
    }

    @Test
    void aMissingFileADirectoryAndARelativePathAreRefusedByName(@TempDir Path tmp) throws Exception {
        assertRefused(env("METALLB_PASSWORD_FILE", tmp.resolve("none").toString()), "METALLB_PASSWORD_FILE", "there is no such file");
        assertRefused(env("METALLB_PASSWORD_FILE", tmp.toString()), "METALLB_PASSWORD_FILE", "it is a directory");
        assertRefused(env("FABRIC_PASSWORD_FILE", "fabric.password"), "FABRIC_PASSWORD_FILE=\"fabric.password\" is invalid",
                "the absolute path of a file");
        assertHostUntouched(env("METALLB_PASSWORD_FILE", tmp.resolve("none").toString()), tmp);
    }

    @Test
    void takesTheFilesOneLineWithOrWithoutItsNewline(@TempDir Path tmp) throws Exception {
        Path fabric = Files.writeString(tmp.resolve("fabric"), SECRET + "\r\n");
        Path speaker = Files.writeString(tmp.resolve("speaker"), "!#\"'\\|;{}?" + SECRET);

        NodeConfig config = ConfigParser.parse(env("FABRIC_PASSWORD_FILE", fabric.toString(),
                "METALLB_PASSWORD_FILE", speaker.toString()));

        assertEquals(Optional.of(new Secret(SECRET)), config.fabricPassword());
        assertEquals("!#\"'\\|;{}?" + SECRET, config.metallbPassword().orElseThrow().value());
        assertFalse(config.toString().contains(SECRET), "NodeConfig prints the password: " + config);
    }

    @Test
    void warnsOfAFileOthersMayChangeOrReadUnlessTalosWroteItThatWay(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("p"), SECRET);
        List<String> warned = new java.util.ArrayList<>();
        for (String mode : List.of("rw-------", "rw-r-----", "rw-r--r--", "rw-r--rw-", "rw-rw----", "rw----r--")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
            PasswordFile.permissionWarning("FABRIC_PASSWORD_FILE", file).ifPresent(w -> warned.add(mode + ": " + w));
        }
        assertEquals(List.of(
                "rw-r--rw-: FABRIC_PASSWORD_FILE " + file + " (mode rw-r--rw-) may be changed by users other than its owner: chmod 0600 it",
                "rw-rw----: FABRIC_PASSWORD_FILE " + file + " (mode rw-rw----) may be changed by users other than its owner: chmod 0600 it",
                "rw----r--: FABRIC_PASSWORD_FILE " + file + " (mode rw----r--) may be read by every user of the host: chmod 0600 it"),
                warned);
    }

    @Test
    void aSecretPrintsRedactedAndFrrTextLosesEveryPassword() {
        assertEquals("<redacted>", new Secret(SECRET).toString());
        assertEquals(" neighbor FABRIC password <redacted>\n neighbor METALLB password <redacted>",
                Secret.redact(" neighbor FABRIC password " + SECRET + "\n neighbor METALLB password x!y"));
        assertEquals("- neighbor FABRIC password <redacted> | + neighbor FABRIC password <redacted>",
                Secret.redact("- neighbor FABRIC password old | + neighbor FABRIC password " + SECRET));
    }

    private static void assertRefused(Map<String, String> env, String... expected) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ConfigParser.parse(env));
        for (String text : expected) {
            assertTrue(e.getMessage().contains(text), e.getMessage());
        }
    }

    private static void assertHostUntouched(Map<String, String> env, Path tmp) throws Exception {
        FakeHost host = new FakeHost(tmp.resolve("host")).port("fab0", "02:00:00:00:01:01", 9000, true).env(env);
        assertEquals(2, host.run("run", "--once"), "exit status");
        assertEquals(List.of(), host.calls(), "commands run on the host");
        assertFalse(Files.exists(host.confDir().resolve("frr.conf")), "frr.conf written");
    }

    private static Map<String, String> env(String... keyValues) {
        Map<String, String> env = BadConfigurationTest.validEnv();
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return env;
    }
}
