// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.config;

import java.util.regex.Pattern;

/**
 * A password read from a file. It prints as {@value #REDACTED}, so no log line, error or report can
 * carry it by accident; only the FRR templates ask for {@link #value()}.
 */
public record Secret(String value) {

    public static final String REDACTED = "<redacted>";
    /** FRR writes every password as the word after `password` (neighbors, vty, enable). */
    private static final Pattern IN_FRR_TEXT = Pattern.compile("(\\bpassword\\s+)\\S+");

    @Override
    public String toString() {
        return REDACTED;
    }

    /** FRR configuration text, or anything quoting it (a diff, FRR's own messages), with every password hidden. */
    public static String redact(String frrText) {
        return frrText == null ? null : IN_FRR_TEXT.matcher(frrText).replaceAll("$1" + REDACTED);
    }
}
