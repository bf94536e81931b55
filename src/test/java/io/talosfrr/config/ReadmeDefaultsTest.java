// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's tables say what the code does: every variable, and every default it names. */
class ReadmeDefaultsTest {

    private static final Path README = Path.of("README.md");
    /** A table row: | `NAME` | required | default | meaning |. */
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z_]+)` \\|\\s*([^|]*?)\\s*\\|\\s*([^|]*?)\\s*\\|");
    private static final Pattern LITERAL = Pattern.compile("^`([^`]+)`$");
    private static final Map<String, String> NODE = Map.of("NODE_IP", "10.0.0.10", "ASN_LOCAL", "65010", "FE_PORT_NAMES", "eth0");

    @Test
    void theConfigurationTableListsExactlyTheVariablesTheParserReads() throws IOException {
        assertEquals(EnvKeys.ALL.stream().sorted().toList(), variableRows().keySet().stream().sorted().toList());
    }

    @Test
    void everyDefaultTheTableWritesOutIsWhatTheParserUsesWhenTheVariableIsUnset() throws IOException {
        NodeConfig unset = ConfigParser.parse(NODE);
        List<String> wrong = new ArrayList<>();
        int literals = 0;
        for (Map.Entry<String, String> row : variableRows().entrySet()) {
            Matcher literal = LITERAL.matcher(row.getValue());
            if (!literal.matches()) {
                continue;
            }
            literals++;
            Map<String, String> env = new HashMap<>(NODE);
            env.put(row.getKey(), literal.group(1));
            if (row.getKey().equals("PEER_IP_FRR") || row.getKey().equals("PEER_IP_METALLB")) {
                env.put("PEER_IP_FRR", "fda1:b2c3:d4e5:1::0");
                env.put("PEER_IP_METALLB", "fda1:b2c3:d4e5:1::1");
            }
            if (!ConfigParser.parse(env).equals(unset)) {
                wrong.add(row.getKey() + "=" + literal.group(1));
            }
        }
        assertFalse(literals < 10, "the table names only " + literals + " literal defaults");
        assertEquals(List.of(), wrong, "README defaults that differ from the parser's");
    }

    @Test
    void theFrrLayoutTableShowsTheDefaultsOfApplicationProperties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("conf/application.properties"))) {
            properties.load(in);
        }
        Map<String, String> layout = new LinkedHashMap<>();
        for (String line : Files.readAllLines(README)) {
            Matcher m = Pattern.compile("^\\| `TALOSFRR_(FRR_[A-Z_]+)` \\| `([^`]+)`").matcher(line);
            if (m.find()) {
                layout.put(m.group(1), m.group(2));
            }
        }
        assertFalse(layout.isEmpty(), "no FRR layout table in the README");
        layout.forEach((variable, shown) -> {
            String key = "talosfrr." + variable.toLowerCase().replaceFirst("_", ".").replace('_', '-');
            String value = properties.getProperty(key);
            assertEquals(value, shown, variable + " (" + key + ")");
        });
    }

    /** NAME -> the default column, from the README's configuration table (the one with NODE_IP). */
    private static Map<String, String> variableRows() throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(README)) {
            Matcher row = ROW.matcher(line);
            if (row.find() && (row.group(2).equals("yes") || row.group(2).equals("no") || row.group(2).equals("one of the two"))) {
                rows.put(row.group(1), row.group(3).trim());
            }
        }
        return rows;
    }
}
