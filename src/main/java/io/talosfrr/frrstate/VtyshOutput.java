// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frrstate;

import java.util.ArrayList;
import java.util.List;

/**
 * vtysh with several -c prints each answer right after the previous one, no separator: JSON
 * documents and plain lines (`show daemons`) mixed. This cuts that stream into its pieces.
 */
public record VtyshOutput(List<String> jsonDocuments, List<String> textLines) {

    public VtyshOutput {
        jsonDocuments = List.copyOf(jsonDocuments);
        textLines = List.copyOf(textLines);
    }

    /** A document starts with '{' or '[' at the start of a line and ends where its brackets balance. */
    public static VtyshOutput split(String out) {
        List<String> docs = new ArrayList<>();
        List<String> text = new ArrayList<>();
        int i = 0;
        int n = out.length();
        while (i < n) {
            int lineEnd = out.indexOf('\n', i);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            String line = out.substring(i, lineEnd);
            String trimmed = line.stripLeading();
            if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                int start = i + (line.length() - trimmed.length());
                int end = documentEnd(out, start);
                if (end > 0) {
                    docs.add(out.substring(start, end));
                    i = end;
                    continue;
                }
                text.add(line);
            } else if (!line.isBlank()) {
                text.add(line.strip());
            }
            i = lineEnd + 1;
        }
        return new VtyshOutput(docs, text);
    }

    /** Index just past the bracket closing the one at {@code start}, or -1 when the text is cut short. */
    private static int documentEnd(String s, int start) {
        int depth = 0;
        boolean inString = false;
        for (int j = start; j < s.length(); j++) {
            char c = s.charAt(j);
            if (inString) {
                if (c == '\\') {
                    j++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return j + 1;
                }
            }
        }
        return -1;
    }
}
