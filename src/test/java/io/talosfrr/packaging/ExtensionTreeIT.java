// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Checks target/extension (built by packaging/build-extension.sh in `mvn package`) the way Talos loads
 * and validates a system extension (siderolabs/talos pkg/machinery/extensions and its services
 * package), then starts the launcher on the bundled runtime.
 */
class ExtensionTreeIT {

    private static final String NAME = "talos-frr";
    private static final Path EXTENSION = Path.of("target", "extension");
    private static final Path ROOTFS = EXTENSION.resolve("rootfs");
    private static final Path SERVICE_FILE = ROOTFS.resolve("usr/local/etc/containers/" + NAME + ".yaml");
    /** Talos runs the service with this directory as its container root. */
    private static final Path CONTAINER = ROOTFS.resolve("usr/local/lib/containers/" + NAME);
    private static final Path APP = CONTAINER.resolve("usr/local/lib/" + NAME);
    private static final Path LAUNCHER = CONTAINER.resolve("usr/local/bin/" + NAME);

    /** Fields of services.Spec and its parts; Talos ignores unknown keys, so a typo would pass silently. */
    private static final Set<String> SPEC_KEYS = Set.of("name", "container", "depends", "restart", "logToConsole");
    private static final Set<String> CONTAINER_KEYS = Set.of("entrypoint", "environment", "environmentFile", "args", "mounts", "security");
    private static final Set<String> SECURITY_KEYS = Set.of("writeableSysfs", "maskedPaths", "readonlyPaths", "writeableRootfs", "rootfsPropagation");
    private static final Set<String> DEPENDENCY_KEYS = Set.of("service", "path", "network", "time", "configuration");
    private static final Set<String> NETWORK_STATUSES = Set.of("addresses", "connectivity", "hostname", "etcfiles");
    private static final Set<String> RESTART_KINDS = Set.of("always", "never", "untilSuccess");
    private static final Pattern SERVICE_NAME = Pattern.compile("[-_a-z0-9]+");
    /** One comparison of a blang/semver range, which Talos parses after dropping the 'v' before a number. */
    private static final Pattern CONSTRAINT_TERM = Pattern.compile("(>=|<=|!=|==|=|>|<)?\\s*v?(\\d+)\\.(\\d+)\\.(\\d+)");

    @BeforeAll
    static void extensionTreeWasBuilt() {
        assertTrue(Files.isDirectory(EXTENSION), EXTENSION.toAbsolutePath() + " is missing: `mvn package` builds it");
    }

    @Test
    void holdsOnlyTheManifestAndTheRootfsAtTheTop() throws IOException {
        try (Stream<Path> top = Files.list(EXTENSION)) {
            assertEquals(Set.of("manifest.yaml", "rootfs"), top.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
    }

    @Test
    void manifestNamesTheExtensionWithTheProjectVersion() throws IOException {
        Map<String, Object> manifest = yaml(EXTENSION.resolve("manifest.yaml"));
        assertEquals("v1alpha1", manifest.get("version"), "Talos loads manifest version v1alpha1 only");
        Map<String, Object> metadata = map(manifest.get("metadata"), "metadata");
        assertEquals(Set.of("name", "version", "author", "description", "compatibility"), metadata.keySet());
        assertEquals(NAME, metadata.get("name"));
        assertEquals(projectVersion(), metadata.get("version"));
        assertFalse(string(metadata.get("author"), "author").isBlank());
        assertFalse(string(metadata.get("description"), "description").isBlank());
    }

    @Test
    void manifestTalosConstraintAdmitsCurrentTalosAndRefusesTooOldOnes() throws IOException {
        Map<String, Object> metadata = map(yaml(EXTENSION.resolve("manifest.yaml")).get("metadata"), "metadata");
        Map<String, Object> talos = map(map(metadata.get("compatibility"), "compatibility").get("talos"), "compatibility.talos");
        String constraint = string(talos.get("version"), "compatibility.talos.version");
        assertTrue(satisfies(constraint, 1, 8, 0), constraint + " should admit v1.8.0");
        assertTrue(satisfies(constraint, 1, 13, 2), constraint + " should admit v1.13.2");
        assertFalse(satisfies(constraint, 1, 7, 9), constraint + " should refuse v1.7.9");
    }

    @Test
    void rootfsHoldsOnlyFilesUnderUsrLocalAndNoSpecialOrWorldWritableOnes() throws IOException {
        List<String> errors = new ArrayList<>();
        try (Stream<Path> all = Files.walk(ROOTFS)) {
            all.forEach(p -> {
                String inImage = "/" + ROOTFS.relativize(p);
                try {
                    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                    if (perms.contains(PosixFilePermission.OTHERS_WRITE) && !Files.isSymbolicLink(p)) {
                        errors.add("world-writable: " + inImage);
                    }
                } catch (IOException e) {
                    errors.add("unreadable: " + inImage + ": " + e.getMessage());
                }
                boolean dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
                if (!dir && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(p)) {
                    errors.add("special file: " + inImage);
                }
                if (!dir && !inImage.startsWith("/usr/local/")) {
                    errors.add("outside /usr/local: " + inImage);
                }
            });
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void serviceDefinitionFollowsTalosExtensionServiceSchema() throws IOException {
        try (Stream<Path> defs = Files.list(SERVICE_FILE.getParent())) {
            assertEquals(List.of(SERVICE_FILE.getFileName().toString()), defs.map(p -> p.getFileName().toString()).toList());
        }
        Map<String, Object> spec = yaml(SERVICE_FILE);
        List<String> errors = new ArrayList<>();
        unknownKeys(spec, SPEC_KEYS, "", errors);
        String name = string(spec.get("name"), "name");
        if (!SERVICE_NAME.matcher(name).matches() || !name.equals(NAME)) {
            errors.add("name " + name + " must be " + NAME + " (the file's and the container directory's name)");
        }
        if (!RESTART_KINDS.contains(spec.get("restart"))) {
            errors.add("restart kind " + spec.get("restart") + " is not one of " + RESTART_KINDS);
        } else if (!"always".equals(spec.get("restart"))) {
            errors.add("restart must be always (FRR comes back after a crash), got " + spec.get("restart"));
        }
        Map<String, Object> container = map(spec.get("container"), "container");
        unknownKeys(container, CONTAINER_KEYS, "container.", errors);
        unknownKeys(map(container.get("security"), "container.security"), SECURITY_KEYS, "container.security.", errors);
        for (Object env : list(container.getOrDefault("environment", List.of()), "container.environment")) {
            if (!(env instanceof String s) || !s.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                errors.add("environment entry is not NAME=value: " + env);
            }
        }
        for (Object arg : list(container.getOrDefault("args", List.of()), "container.args")) {
            if (!(arg instanceof String)) {
                errors.add("args entry is not a string: " + arg);
            }
        }
        List<Object> depends = list(spec.get("depends"), "depends");
        if (depends.isEmpty()) {
            errors.add("depends is empty: the service would start before its configuration exists");
        }
        for (Object d : depends) {
            Map<String, Object> dep = map(d, "depends entry");
            unknownKeys(dep, DEPENDENCY_KEYS, "depends.", errors);
            if (dep.size() != 1) {
                errors.add("a dependency names exactly one condition: " + dep);
            }
            if (dep.containsKey("network")) {
                for (Object status : list(dep.get("network"), "depends.network")) {
                    if (!NETWORK_STATUSES.contains(status)) {
                        errors.add("unknown network status " + status);
                    }
                }
            }
            if (dep.containsKey("path") && !string(dep.get("path"), "depends.path").startsWith("/")) {
                errors.add("dependency path is not absolute: " + dep.get("path"));
            }
        }
        assertTrue(depends.contains(Map.of("configuration", true)), "the service waits for its ExtensionServiceConfig");
        assertEquals(List.of(), errors);
    }

    @Test
    void serviceKeepsTheContainerRootReadOnly() throws IOException {
        Map<String, Object> security = map(map(yaml(SERVICE_FILE).get("container"), "container").get("security"), "container.security");
        assertEquals(false, security.get("writeableRootfs"));
    }

    @Test
    void serviceEntrypointIsTheLauncherAndExecutableInTheContainerRoot() throws IOException {
        String entrypoint = string(map(yaml(SERVICE_FILE).get("container"), "container").get("entrypoint"), "container.entrypoint");
        assertTrue(entrypoint.startsWith("/"), "entrypoint " + entrypoint + " is resolved in the container root; write it absolute");
        Path inTree = CONTAINER.resolve(entrypoint.substring(1));
        assertEquals(LAUNCHER, inTree);
        assertTrue(Files.isRegularFile(inTree) && Files.isExecutable(inTree), inTree + " is not an executable file");
        assertTrue(Files.readString(inTree).startsWith("#!/bin/sh\n"), "the launcher is a POSIX sh script");
    }

    @Test
    void everyMountIsAnAbsoluteBindWithAMountPointAndACommentSayingWhy() throws IOException {
        List<String> errors = new ArrayList<>();
        List<Object> mounts = list(map(yaml(SERVICE_FILE).get("container"), "container").get("mounts"), "container.mounts");
        assertFalse(mounts.isEmpty());
        for (Object m : mounts) {
            Map<String, Object> mount = map(m, "mount");
            unknownKeys(mount, Set.of("source", "destination", "type", "options"), "mount.", errors);
            String source = string(mount.get("source"), "mount.source");
            String destination = string(mount.get("destination"), "mount.destination");
            List<Object> options = list(mount.get("options"), "mount.options");
            if (!source.startsWith("/") || !destination.startsWith("/")) {
                errors.add("source and destination must be absolute: " + mount);
            }
            if (!"bind".equals(mount.get("type")) || !(options.contains("bind") || options.contains("rbind"))) {
                errors.add("not a bind mount: " + mount);
            }
            if (options.contains("ro") == options.contains("rw")) {
                errors.add("say ro or rw, once: " + mount);
            }
            if (!destination.startsWith("/dev/") && !Files.isDirectory(CONTAINER.resolve(destination.substring(1)))) {
                errors.add("no mount point " + destination + " in the read-only container root");
            }
        }
        List<String> lines = Files.readAllLines(SERVICE_FILE);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().startsWith("- source:") && !lines.get(i - 1).trim().startsWith("#")) {
                errors.add("mount at line " + (i + 1) + " has no comment above it");
            }
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void serviceMountsAHostDirectoryForLiveEnvFilesAndAWritableLogDirectoryForFrrReload() throws IOException {
        Map<String, Map<String, Object>> byDestination = new HashMap<>();
        for (Object m : list(map(yaml(SERVICE_FILE).get("container"), "container").get("mounts"), "container.mounts")) {
            Map<String, Object> mount = map(m, "mount");
            byDestination.put(string(mount.get("destination"), "mount.destination"), mount);
        }
        // TALOSFRR_ENV_FILE=/var/lib/talos-frr/env/talos-frr.env is watched and applied without a restart.
        Map<String, Object> env = byDestination.get("/var/lib/talos-frr/env");
        assertTrue(env != null, "no mount of the live env-file directory /var/lib/talos-frr/env");
        assertEquals("/var/lib/talos-frr/env", env.get("source"));
        assertTrue(list(env.get("options"), "mount.options").contains("ro"), "talos-frr only reads the env directory");
        // frr-reload.py --reload opens /var/log/frr/frr-reload.log; the container root is read-only.
        Map<String, Object> log = byDestination.get("/var/log/frr");
        assertTrue(log != null, "no mount for frr-reload.py's log directory /var/log/frr");
        assertTrue(list(log.get("options"), "mount.options").contains("rw"), "/var/log/frr must be writable");
        // The default env file stays where an ExtensionServiceConfig configFiles entry mounts it.
        assertFalse(Files.readString(SERVICE_FILE).lines().anyMatch(l -> l.trim().startsWith("- TALOSFRR_ENV_FILE=")),
                "the service definition must not move the default env file");
    }

    @Test
    void launcherIsMode0755() throws IOException {
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(LAUNCHER)));
    }

    @Test
    void libHoldsExactlyTheJarsTheManifestClassPathNamesAndNoTestArtifacts() throws IOException {
        String classPath;
        try (JarFile jar = new JarFile(APP.resolve(NAME + ".jar").toFile())) {
            classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
        }
        Set<String> named = new TreeSet<>(Arrays.asList(classPath.trim().split("\\s+")));
        Set<String> present;
        try (Stream<Path> lib = Files.list(APP.resolve("lib"))) {
            present = lib.map(p -> "lib/" + p.getFileName()).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> extra = new TreeSet<>(present);
        extra.removeAll(named);
        Set<String> missing = new TreeSet<>(named);
        missing.removeAll(present);
        assertEquals("extra [] missing []", "extra " + extra + " missing " + missing, "lib/ against the jar's Class-Path");
        List<String> testArtifacts;
        try (Stream<Path> all = Files.walk(CONTAINER)) {
            testArtifacts = all.map(p -> CONTAINER.relativize(p).toString())
                    .filter(p -> p.matches(".*(-tests?|-sources|-javadoc)\\.jar|.*/(junit|camel-test|opentest4j|apiguardian)[^/]*\\.jar|.*\\.java|.*test-classes.*|.*/fakes/.*"))
                    .toList();
        }
        assertEquals(List.of(), testArtifacts);
    }

    @Test
    void runtimeHoldsTheModulesTheApplicationNeedsAndNoDevelopmentTools() throws IOException {
        Path runtime = APP.resolve("runtime");
        Properties release = new Properties();
        try (InputStream in = Files.newInputStream(runtime.resolve("release"))) {
            release.load(in);
        }
        Set<String> modules = Set.of(release.getProperty("MODULES").replace("\"", "").split(" "));
        for (String needed : List.of("java.base", "jdk.unsupported", "java.management", "jdk.management", "jdk.httpserver")) {
            assertTrue(modules.contains(needed), "runtime lacks " + needed + ": " + modules);
        }
        for (String devOnly : List.of("jdk.compiler", "jdk.jlink", "jdk.jdeps", "jdk.jshell", "jdk.crypto.ec", "jdk.localedata")) {
            assertFalse(modules.contains(devOnly), "runtime carries " + devOnly);
        }
        for (String absent : List.of("include", "jmods", "man", "bin/javac", "bin/jlink", "lib/src.zip")) {
            assertFalse(Files.exists(runtime.resolve(absent)), "runtime carries " + absent);
        }
    }

    @Test
    void launcherPlansTheExampleNodeOnTheBundledRuntimeAndWritesNothing(@TempDir Path temp) throws Exception {
        Path confDir = Files.createDirectories(temp.resolve("frr"));
        Path runDir = Files.createDirectories(temp.resolve("run"));
        ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toAbsolutePath().toString(),
                "plan", "--env-file", APP.resolve("conf/example.env").toAbsolutePath().toString());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        pb.environment().put("TALOSFRR_FRR_CONF_DIR", confDir.toString());
        pb.environment().put("TALOSFRR_FRR_RUN_DIR", runDir.toString());
        pb.environment().put("TALOSFRR_JAVA_OPTS", "-XshowSettings:properties");
        pb.redirectOutput(temp.resolve("stdout").toFile()).redirectError(temp.resolve("stderr").toFile());
        Process process = pb.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("plan did not finish in 180 s");
        }
        String out = Files.readString(temp.resolve("stdout"), StandardCharsets.UTF_8);
        String err = Files.readString(temp.resolve("stderr"), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "plan failed:\n" + err);
        Matcher javaHome = Pattern.compile("java\\.home = (\\S+)").matcher(err);
        assertTrue(javaHome.find(), "the JVM did not report java.home:\n" + err);
        assertEquals(APP.resolve("runtime").toRealPath(), Path.of(javaHome.group(1)).toRealPath());
        assertTrue(out.contains("router bgp 65010"), "plan did not print the example node's FRR config:\n" + out);
        try (Stream<Path> written = Stream.concat(Files.list(confDir), Files.list(runDir))) {
            assertEquals(List.of(), written.toList(), "plan wrote files");
        }
    }

    // --- helpers ---

    private static boolean satisfies(String constraint, int major, int minor, int patch) {
        boolean any = false;
        for (String alternative : constraint.split("\\|\\|")) {
            String rest = alternative.trim();
            Matcher term = CONSTRAINT_TERM.matcher(rest);
            boolean all = true;
            int consumed = 0;
            while (term.find()) {
                assertTrue(rest.substring(consumed, term.start()).isBlank(), "unparseable constraint " + constraint);
                consumed = term.end();
                int cmp = compare(major, minor, patch,
                        Integer.parseInt(term.group(2)), Integer.parseInt(term.group(3)), Integer.parseInt(term.group(4)));
                String op = term.group(1) == null ? "=" : term.group(1);
                all &= switch (op) {
                    case ">=" -> cmp >= 0;
                    case "<=" -> cmp <= 0;
                    case ">" -> cmp > 0;
                    case "<" -> cmp < 0;
                    case "!=" -> cmp != 0;
                    default -> cmp == 0;
                };
            }
            assertTrue(consumed > 0 && rest.substring(consumed).isBlank(), "unparseable constraint " + constraint);
            any |= all;
        }
        return any;
    }

    private static int compare(int a1, int a2, int a3, int b1, int b2, int b3) {
        return a1 != b1 ? Integer.compare(a1, b1) : a2 != b2 ? Integer.compare(a2, b2) : Integer.compare(a3, b3);
    }

    private static String projectVersion() throws IOException {
        Properties pom = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("target", "maven-archiver", "pom.properties"))) {
            pom.load(in);
        }
        return pom.getProperty("version");
    }

    private static void unknownKeys(Map<String, Object> map, Set<String> known, String prefix, List<String> errors) {
        map.keySet().stream().filter(k -> !known.contains(k)).forEach(k -> errors.add("unknown key " + prefix + k));
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        return map(new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file)), file.toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        assertTrue(value instanceof Map, what + " is not a mapping: " + value);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value, String what) {
        assertTrue(value instanceof List, what + " is not a list: " + value);
        return (List<Object>) value;
    }

    private static String string(Object value, String what) {
        assertTrue(value instanceof String, what + " is not a string: " + value);
        return (String) value;
    }
}
