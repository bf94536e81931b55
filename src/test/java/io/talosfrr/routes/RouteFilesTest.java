// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.talosfrr.support.FakeHost;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The operator-facing files keep their promises: named routes, wired hops, bounded execs, declared settings. */
class RouteFilesTest {

    static final Path ROUTES = FakeHost.PROJECT.resolve("routes");
    static final Pattern KEBAB = Pattern.compile("[a-z]+(-[a-z0-9]+)+");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z0-9._-]+)}}");
    /** Routes started from Java (Lifecycle), not by another route. */
    static final Set<String> ENTRY_POINTS = Set.of("direct:boot-node", "direct:plan-boot", "direct:stop-frr",
            "direct:apply-env-file");
    /** Set by Lifecycle from talosfrr.env-file, not settings of their own. */
    static final Set<String> DERIVED = Set.of("talosfrr.home", "talosfrr.env-file.dir", "talosfrr.env-file.name");

    static final List<Map<String, Object>> routes = new ArrayList<>();
    static final List<String> sendsTo = new ArrayList<>();
    static final List<Map<String, Object>> execs = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        try (Stream<Path> files = Files.list(ROUTES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".camel.yaml")).sorted().toList()) {
                Object doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
                for (Object item : (List<?>) doc) {
                    Map<?, ?> entry = (Map<?, ?>) item;
                    if (entry.containsKey("route")) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> route = (Map<String, Object>) entry.get("route");
                        routes.add(route);
                    }
                }
                walk(doc);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static void walk(Object node) {
        if (node instanceof Map<?, ?> map) {
            Object to = map.get("to");
            String uri = to instanceof String s ? s : to instanceof Map<?, ?> m ? (String) m.get("uri") : null;
            // await-condition calls the probe its caller names (toD of 'awaitProbe'): that is a hop too.
            if ("awaitProbe".equals(map.get("name")) && map.get("constant") instanceof String probe) {
                sendsTo.add(probe);
            }
            if (uri != null) {
                sendsTo.add(uri);
                if (uri.startsWith("exec:")) {
                    execs.add((Map<String, Object>) to);
                }
            }
            map.values().forEach(RouteFilesTest::walk);
        } else if (node instanceof List<?> list) {
            list.forEach(RouteFilesTest::walk);
        }
    }

    static String fromUri(Map<String, Object> route) {
        Object from = route.get("from");
        return from instanceof String s ? s : (String) ((Map<?, ?>) from).get("uri");
    }

    @Test
    void everyRouteHasAUniqueKebabCaseIdAndADescription() {
        Set<String> ids = new TreeSet<>();
        for (Map<String, Object> route : routes) {
            String id = (String) route.get("id");
            assertTrue(id != null && KEBAB.matcher(id).matches(), "route id " + id);
            assertTrue(ids.add(id), "duplicate route id " + id);
            assertTrue(route.get("description") instanceof String d && d.length() > 20, id + " needs a description");
        }
        assertTrue(ids.size() >= 10, ids.toString());
    }

    @Test
    void everyDirectRouteIsNamedAfterItsIdAndEveryHopHasAConsumer() {
        Set<String> consumers = new TreeSet<>();
        for (Map<String, Object> route : routes) {
            String from = fromUri(route);
            if (from.startsWith("direct:")) {
                assertEquals("direct:" + route.get("id"), from, "a direct: route is called by its id");
                consumers.add(from);
            }
        }
        Set<String> produced = new TreeSet<>();
        sendsTo.stream().filter(u -> u.startsWith("direct:")).forEach(produced::add);
        for (String hop : produced) {
            assertTrue(consumers.contains(hop), hop + " has no route");
        }
        for (String consumer : consumers) {
            assertTrue(produced.contains(consumer) || ENTRY_POINTS.contains(consumer), consumer + " is never called");
        }
    }

    @Test
    void everyExecIsBoundedAndStrict() {
        assertTrue(execs.size() >= 8, "exec steps found: " + execs.size());
        for (Map<String, Object> exec : execs) {
            Map<?, ?> params = (Map<?, ?>) exec.get("parameters");
            assertTrue(params != null && params.containsKey("timeout"), exec + " has no timeout");
            assertTrue(params.containsKey("exitValues"), exec + " has no exitValues");
            assertTrue(String.valueOf(params.get("exitValues")).startsWith("0"), exec + " must accept exit 0 first");
        }
    }

    @Test
    void everySettingUsedIsDeclaredAndEveryDeclaredSettingIsUsed() throws IOException {
        Properties declared = new Properties();
        String conf = Files.readString(FakeHost.PROJECT.resolve("conf/application.properties"));
        declared.load(new StringReader(conf));
        StringBuilder users = new StringBuilder(conf);
        for (String dir : List.of("routes", "src/main/java")) {
            try (Stream<Path> files = Files.walk(FakeHost.PROJECT.resolve(dir))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    users.append(Files.readString(f));
                }
            }
        }
        Matcher m = PLACEHOLDER.matcher(users);
        while (m.find()) {
            String key = m.group(1);
            assertTrue(declared.containsKey(key) || DERIVED.contains(key), "{{" + key + "}} is not in conf/application.properties");
        }
        String usersWithoutConfDeclarations = users.toString().replace(conf, conf.replaceAll("(?m)^[a-z][^=\\n]*=", "="));
        for (String key : declared.stringPropertyNames()) {
            if (key.startsWith("talosfrr.")) {
                assertTrue(usersWithoutConfDeclarations.contains("{{" + key + "}}") || usersWithoutConfDeclarations.contains("\"" + key + "\""),
                        key + " is declared but never used");
            }
        }
    }

    @Test
    void readmeNamesEveryRouteId() throws IOException {
        String readme = Files.readString(FakeHost.PROJECT.resolve("README.md"));
        for (Map<String, Object> route : routes) {
            assertTrue(readme.contains("`" + route.get("id") + "`"), "README.md does not name route " + route.get("id"));
        }
    }

    @Test
    void everySettingInConfHasAComment() throws IOException {
        List<String> lines = Files.readAllLines(FakeHost.PROJECT.resolve("conf/application.properties"));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank() && !line.startsWith("#") && line.startsWith("talosfrr.")) {
                assertTrue(i > 0 && lines.get(i - 1).startsWith("#"), "no comment above " + line);
            }
        }
    }
}
