// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.talosfrr.config.EnvFile;
import io.talosfrr.config.EnvKeys;
import io.talosfrr.support.FakeHost;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench/boot.sh, the shell reference the benchmark compares the product with, plans what the product
 * plans for every golden scenario that uses only the settings it implements: the same ip commands and
 * the same three FRR files, byte for byte. It refuses the others, so no comparison is of unequal boots.
 */
class BenchReferenceTest {

    /** What bench/boot.sh says it implements, and what it refuses. */
    private static final Pattern KEY_LIST = Pattern.compile("(KNOWN_KEYS|UNIMPLEMENTED_KEYS)=\"([^\"]*)\"");

    static Map<String, Set<String>> referenceKeys() throws java.io.IOException {
        Map<String, Set<String>> lists = new java.util.HashMap<>();
        Matcher m = KEY_LIST.matcher(Files.readString(FakeHost.PROJECT.resolve("bench/boot.sh")));
        while (m.find()) {
            lists.put(m.group(1), new TreeSet<>(List.of(m.group(2).replace("\\\n", " ").trim().split("\\s+"))));
        }
        return lists;
    }

    static Stream<String> scenarios() throws java.io.IOException {
        Set<String> unimplemented = referenceKeys().get("UNIMPLEMENTED_KEYS");
        return GoldenFilesTest.scenarios().filter(s -> !usesAny(s, unimplemented));
    }

    static Stream<String> scenariosTheReferenceRefuses() throws java.io.IOException {
        Set<String> unimplemented = referenceKeys().get("UNIMPLEMENTED_KEYS");
        return GoldenFilesTest.scenarios().filter(s -> usesAny(s, unimplemented));
    }

    private static boolean usesAny(String scenario, Set<String> keys) {
        return EnvFile.read(GoldenFilesTest.GOLDEN.resolve(scenario).resolve("input.env")).keySet().stream()
                .anyMatch(keys::contains);
    }

    @Test
    void everySettingIsEitherImplementedOrRefusedByTheReference() throws Exception {
        Map<String, Set<String>> lists = referenceKeys();
        Set<String> both = new TreeSet<>(lists.get("KNOWN_KEYS"));
        both.addAll(lists.get("UNIMPLEMENTED_KEYS"));
        assertEquals(new TreeSet<>(EnvKeys.ALL), both, "bench/boot.sh KNOWN_KEYS + UNIMPLEMENTED_KEYS against EnvKeys.ALL");
        assertTrue(scenarios().count() >= 8, "the reference covers too few goldens");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenariosTheReferenceRefuses")
    void theShellReferenceRefusesASettingItDoesNotImplement(String scenario, @TempDir Path tmp) throws Exception {
        Path dir = GoldenFilesTest.GOLDEN.resolve(scenario);
        Process process = reference(GoldenFilesTest.host(tmp, dir), GoldenFilesTest.inputEnv(dir, tmp), tmp);
        process.getInputStream().readAllBytes();
        process.waitFor(60, TimeUnit.SECONDS);
        assertEquals(2, process.exitValue(), scenario);
        assertTrue(Files.readString(tmp.resolve("stderr")).contains("which bench/boot.sh does not implement"), scenario);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theShellReferencePlansWhatTheProductPlans(String scenario, @TempDir Path tmp) throws Exception {
        Path dir = GoldenFilesTest.GOLDEN.resolve(scenario);
        FakeHost host = GoldenFilesTest.host(tmp, dir);
        Process process = reference(host, dir.resolve("input.env"), tmp);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, process.exitValue(), scenario + ": bench/boot.sh plan failed: " + Files.readString(tmp.resolve("stderr")));

        Map<String, String> planned = GoldenFilesTest.sections(out);
        for (String name : GoldenFilesTest.FILES) {
            assertEquals(Files.readString(dir.resolve(name)), planned.get(name), scenario + "/" + name + " from bench/boot.sh");
        }
    }

    private static Process reference(FakeHost host, Path envFile, Path tmp) throws java.io.IOException {
        ProcessBuilder pb = new ProcessBuilder("bash", FakeHost.PROJECT.resolve("bench/boot.sh").toString(),
                "plan", "--env-file", envFile.toString())
                .redirectError(tmp.resolve("stderr").toFile());
        pb.environment().put("TALOSFRR_IP_COMMAND", host.dir().resolve("bin/ip").toString());
        pb.environment().put("TALOSFRR_SYSFS_NET_DIR", host.sysfs().toString());
        pb.environment().put("FAKE_HOST_DIR", host.dir().toString());
        pb.environment().put("TALOSFRR_ENV_FILE", tmp.resolve("absent.env").toString());
        return pb.start();
    }
}
