// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.talosfrr.config.EnvFile;
import io.talosfrr.frr.FrrDiff;
import io.talosfrr.support.FakeHost;
import io.talosfrr.support.FrrCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One directory per scenario under golden/: input.env next to the expected ip plan and FRR files,
 * produced by `talos-frr plan` on an empty fake host. FRR's own parser checks every frr.conf.
 * Run with -Dgolden.update=true to rewrite the expected files (then review the diff as product output).
 */
class GoldenFilesTest {

    static final Path GOLDEN = FakeHost.PROJECT.resolve("src/test/resources/golden");
    static final String SCENARIO_DIR = "@SCENARIO_DIR@";
    static final List<String> FILES = List.of("ip-plan.txt", "frr.conf", "daemons", "vtysh.conf");

    static Stream<String> scenarios() throws IOException {
        try (Stream<Path> dirs = Files.list(GOLDEN)) {
            return dirs.filter(d -> Files.exists(d.resolve("input.env"))).map(d -> d.getFileName().toString())
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void planMatchesGoldenFilesAndFrrAcceptsTheConfig(String scenario, @TempDir Path tmp) throws Exception {
        Path dir = GOLDEN.resolve(scenario);
        FakeHost host = host(tmp, dir);

        assertEquals(0, host.run("plan", "--env-file", inputEnv(dir, tmp).toString()), scenario);
        Map<String, String> actual = sections(host.output());

        for (String name : FILES) {
            Path expected = dir.resolve(name);
            if (Boolean.getBoolean("golden.update")) {
                Files.writeString(expected, actual.get(name));
            }
            assertEquals(Files.readString(expected), actual.get(name), scenario + "/" + name);
        }
        for (String frr : FrrCheck.versions()) {
            FrrCheck.Result check = FrrCheck.dryRun(frr, dir.resolve("frr.conf"));
            assertEquals(0, check.exitCode(), scenario + ": FRR " + frr + " vtysh --dryrun said: " + check.output());
            FrrCheck.Result reload = FrrCheck.reloadTest(frr, dir.resolve("frr.conf"));
            assertEquals(0, reload.exitCode(), scenario + ": FRR " + frr + " frr-reload.py --test said: " + reload.output());
            assertTrue(FrrDiff.parse(reload.output()).empty(),
                    scenario + ": FRR " + frr + " frr-reload.py finds the file differs from itself: " + reload.output());
        }
        assertTrue(!actual.get("frr.conf").contains("\n\n"), scenario + ": runs of blank lines in frr.conf");
    }

    @Test
    void frrRejectsAKnownBadConfigSoTheCheckItselfIsProven(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.conf");
        Files.writeString(bad, "router bgp 65010\n neighbor FABRIC remote-as sideways\n");
        assertNotEquals(0, FrrCheck.dryRun(bad).exitCode());
        assertNotEquals(0, FrrCheck.reloadTest(FrrCheck.SHIPPED, bad).exitCode());
    }

    /**
     * The scenario's input.env, with {@value #SCENARIO_DIR} replaced by the scenario's directory
     * (settings that name a file take an absolute path).
     */
    static Path inputEnv(Path scenarioDir, Path tmp) throws IOException {
        Path input = scenarioDir.resolve("input.env");
        String text = Files.readString(input);
        if (!text.contains(SCENARIO_DIR)) {
            return input;
        }
        return Files.writeString(tmp.resolve("input.env"), text.replace(SCENARIO_DIR, scenarioDir.toString()));
    }

    /** The host every golden is planned on: four fabric ports, and the scenario's NODE_IP on lo. */
    static FakeHost host(Path tmp, Path scenarioDir) {
        String nodeIp = EnvFile.read(scenarioDir.resolve("input.env")).get("NODE_IP");
        return new FakeHost(tmp)
                .port("fab0", "02:00:00:00:01:01", 9000, true)
                .port("fab1", "02:00:00:00:01:02", 9000, true)
                .port("fab2", "02:00:00:00:01:03", 9000, true)
                .port("fab3", "0a:00:00:00:01:04", 9000, true)
                .loopbackAddress(nodeIp);
    }

    /** Splits `plan` output into its parts: the ip commands, then one entry per rendered file. */
    static Map<String, String> sections(String plan) {
        Map<String, String> parts = new LinkedHashMap<>();
        String[] chunks = plan.split("\n# ---- ");
        StringBuilder ip = new StringBuilder();
        for (String line : chunks[0].split("\n")) {
            ip.append(line).append('\n');
        }
        parts.put("ip-plan.txt", ip.toString());
        for (int i = 1; i < chunks.length; i++) {
            int end = chunks[i].indexOf(" ----\n");
            parts.put(chunks[i].substring(0, end), chunks[i].substring(end + " ----\n".length()));
        }
        return parts;
    }
}
