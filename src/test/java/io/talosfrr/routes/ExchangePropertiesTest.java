// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.talosfrr.support.FakeHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The exchange properties the routes and beans pass each other are declared in docs/design.md, and only those. */
class ExchangePropertiesTest {

    private static final Path PROJECT = FakeHost.PROJECT;
    private static final Pattern IN_ROUTES = Pattern.compile(
            "exchangeProperty\\.([a-zA-Z0-9]+)|setProperty:\\s*\\n\\s*name:\\s*([a-zA-Z0-9]+)");
    private static final Pattern IN_JAVA = Pattern.compile(
            "@ExchangeProperty\\(\"([a-zA-Z0-9]+)\"\\)|(?:get|set|remove)Property\\(\"([a-zA-Z0-9]+)\"|sendBodyAndProperty\\([^,]+, [^,]+, \"([a-zA-Z0-9]+)\"");
    /** The first cell of a row of the table: one or more `name`s. */
    private static final Pattern DECLARED = Pattern.compile("^\\| (`[a-zA-Z0-9]+`(?:, `[a-zA-Z0-9]+`)*) \\|", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("`([a-zA-Z0-9]+)`");

    @Test
    void everyPropertyUsedIsDeclaredAndEveryDeclaredOneIsUsed() throws IOException {
        Set<String> used = new TreeSet<>();
        collect(PROJECT.resolve("routes"), ".camel.yaml", IN_ROUTES, used);
        collect(PROJECT.resolve("src/main/java"), ".java", IN_JAVA, used);
        String design = Files.readString(PROJECT.resolve("docs/design.md"));
        String section = design.substring(design.indexOf("## Exchange properties"));
        Set<String> declared = new TreeSet<>();
        Matcher m = DECLARED.matcher(section);
        while (m.find()) {
            Matcher name = NAME.matcher(m.group(1));
            while (name.find()) {
                declared.add(name.group(1));
            }
        }
        assertEquals(used, declared, "docs/design.md, \"Exchange properties\", against what the code uses");
    }

    private static void collect(Path dir, String suffix, Pattern pattern, Set<String> into) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    for (int g = 1; g <= m.groupCount(); g++) {
                        if (m.group(g) != null) {
                            into.add(m.group(g));
                        }
                    }
                }
            }
        }
    }
}
