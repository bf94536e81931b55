// SPDX-License-Identifier: Apache-2.0
package io.talosfrr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/** The build fails on a cycle between the program's packages, read by jdeps from the compiled classes. */
class PackageCyclesTest {

    private static final Pattern EDGE = Pattern.compile("^\\s+(io\\.talosfrr[\\w.]*)\\s+->\\s+(io\\.talosfrr[\\w.]*)\\s");

    @Test
    void noPackageOfTheProgramDependsOnItselfThroughAnother() {
        Map<String, Set<String>> graph = packageGraph("target/classes");
        assertFalse(graph.isEmpty(), "jdeps found no package of the program");
        assertEquals(List.of(), cycles(graph), "package cycles (each as a path back to its start)");
    }

    @Test
    void findsTheCycleInAGraphThatHasOne() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertEquals(List.of("a -> b -> c -> a"), cycles(graph));
    }

    private static Map<String, Set<String>> packageGraph(String classes) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps in this JDK"));
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out);
        int status = jdeps.run(writer, writer, "-verbose:package", "-filter:none", "-e", "io\\.talosfrr.*", classes);
        writer.flush();
        assertEquals(0, status, "jdeps failed:\n" + out);
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            Matcher edge = EDGE.matcher(line);
            if (edge.find()) {
                graph.computeIfAbsent(edge.group(1), k -> new TreeSet<>());
                if (!edge.group(1).equals(edge.group(2))) {
                    graph.get(edge.group(1)).add(edge.group(2));
                }
            }
        }
        return graph;
    }

    /** One path per cycle, from its smallest package name, found by depth-first search. */
    static List<String> cycles(Map<String, Set<String>> graph) {
        Set<String> found = new TreeSet<>();
        for (String start : new TreeSet<>(graph.keySet())) {
            walk(graph, start, new ArrayList<>(List.of(start)), found);
        }
        return List.copyOf(found);
    }

    private static void walk(Map<String, Set<String>> graph, String start, List<String> path, Set<String> found) {
        for (String next : graph.getOrDefault(path.get(path.size() - 1), Set.of())) {
            if (next.equals(start)) {
                if (path.stream().allMatch(p -> p.compareTo(start) >= 0)) {
                    found.add(String.join(" -> ", path) + " -> " + start);
                }
            } else if (!path.contains(next) && next.compareTo(start) > 0) {
                path.add(next);
                walk(graph, start, path, found);
                path.remove(path.size() - 1);
            }
        }
    }
}
