// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an env file ({@code KEY=VALUE} lines, {@code #} comments, blank lines; a value may be wrapped
 * in matching single or double quotes); each key at most once.
 */
public final class EnvFile {

    private static final String BOM = "\uFEFF";
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private EnvFile() {
    }

    public static Map<String, String> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException(List.of(new ConfigError("--env-file", file.toString(),
                    "a readable file (" + e.getMessage() + ")")));
        }
        return parse(text, file.toString());
    }

    static Map<String, String> parse(String text, String source) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        List<ConfigError> errors = new ArrayList<>();
        // Editors on other systems save a byte-order mark; it is not part of the first key.
        String[] lines = (text.startsWith(BOM) ? text.substring(1) : text).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq).strip();
            if (eq < 0 || !KEY.matcher(key).matches()) {
                errors.add(new ConfigError(source + ":" + (i + 1), line, "a KEY=VALUE line or a # comment"));
                continue;
            }
            Integer first = lineOf.putIfAbsent(key, i + 1);
            if (first != null) {
                errors.add(new ConfigError(source + ":" + (i + 1), line, "each key once; " + key + " is set on line "
                        + first + " and again on line " + (i + 1) + " (delete one of them)"));
                continue;
            }
            values.put(key, unquote(line.substring(eq + 1).strip()));
        }
        if (!errors.isEmpty()) {
            throw new ConfigurationException(errors);
        }
        return values;
    }

    private static String unquote(String value) {
        if (value.length() >= 2) {
            char first = value.charAt(0);
            if ((first == '"' || first == '\'') && value.charAt(value.length() - 1) == first) {
                return value.substring(1, value.length() - 1);
            }
        }
        return value;
    }
}
