// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an env file ({@code KEY=VALUE} lines, {@code #} comments, blank lines; a value may be wrapped
 * in matching single or double quotes) and layers it over the process environment, key by key.
 */
public final class EnvFile {

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private EnvFile() {
    }

    /** The process environment with the file's keys on top; a missing file adds nothing. */
    public static Map<String, String> overlay(Map<String, String> processEnv, Path file) {
        Map<String, String> merged = new LinkedHashMap<>(processEnv);
        if (file != null && Files.exists(file)) {
            merged.putAll(read(file));
        }
        return merged;
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
        List<ConfigError> errors = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
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
