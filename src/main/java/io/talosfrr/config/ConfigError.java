// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.config;

/** One broken setting: which variable, the value it had, and what was expected instead. */
public record ConfigError(String key, String value, String expected) {

    public String message() {
        return value == null
                ? key + " is not set: " + expected
                : key + "=" + quote(value) + " is invalid: expected " + expected;
    }

    /** Shows control characters escaped, so a hostile value cannot forge extra log lines. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
