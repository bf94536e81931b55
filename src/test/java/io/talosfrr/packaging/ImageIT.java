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
 * Checks the extension image that `mvn package` built (packaging/build-image.sh) for this machine's
 * architecture: unpacks the OCI archive as an image puller would, checks its one layer the way Talos
 * loads and validates a system extension (siderolabs/talos pkg/machinery/extensions and its services
 * package), then runs programs chrooted in the read-only container root.
 */
class ImageIT {

    private static final String NAME = "talos-frr";
    private static final Path IMAGE_DIR = Path.of("target", "image");
    private static final Pattern DIGEST = Pattern.compile("\"digest\"\\s*:\\s*\"sha256:([0-9a-f]{64})\"");
    private static String arch;
    private static Path extension;
    private static Path rootfs;
    private static Path serviceFile;
    /** Talos runs the service with this directory as its container root. */
    private static Path container;
    private static Path app;
    private static Path launcher;

    /** Fields of services.Spec and its parts; Talos ignores unknown keys, so a typo would pass silently. */
    private static final Set<String> SPEC_KEYS = Set.of("name", "container", "depends", "restart", "logToConsole");
    private static final Set<String> container_KEYS = Set.of("entrypoint", "environment", "environmentFile", "args", "mounts", "security");
    private static final Set<String> SECURITY_KEYS = Set.of("writeableSysfs", "maskedPaths", "readonlyPaths", "writeableRootfs", "rootfsPropagation");
    private static final Set<String> DEPENDENCY_KEYS = Set.of("service", "path", "network", "time", "configuration");
    private static final Set<String> NETWORK_STATUSES = Set.of("addresses", "connectivity", "hostname", "etcfiles");
    private static final Set<String> RESTART_KINDS = Set.of("always", "never", "untilSuccess");
    private static final Pattern SERVICE_NAME = Pattern.compile("[-_a-z0-9]+");
    /** One comparison of a blang/semver range, which Talos parses after dropping the 'v' before a number. */
    private static final Pattern CONSTRAINT_TERM = Pattern.compile("(>=|<=|!=|==|=|>|<)?\\s*v?(\\d+)\\.(\\d+)\\.(\\d+)");

    @BeforeAll
    static void unpackTheImage() throws Exception {
        arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> throw new IllegalStateException("no image for " + System.getProperty("os.arch"));
        };
        Path archive = archive(".tar");
        assertTrue(Files.isRegularFile(archive), archive.toAbsolutePath() + " is missing: `mvn package` builds it");
        Path unpacked = IMAGE_DIR.resolve("unpacked-" + arch);
        run(List.of("rm", "-rf", unpacked.toString()));
        Path layout = Files.createDirectories(unpacked.resolve("oci"));
        run(List.of("tar", "-xf", archive.toString(), "-C", layout.toString()));
        List<String> manifests = digests(Files.readString(layout.resolve("index.json")));
        assertEquals(1, manifests.size(), "the archive's index names one image");
        String manifest = Files.readString(blob(layout, manifests.get(0)));
        List<String> layers = digests(manifest.substring(manifest.indexOf("\"layers\"")));
        assertEquals(1, layers.size(), "a Talos extension image has exactly one layer");
        extension = Files.createDirectories(unpacked.resolve("layer"));
        run(List.of("tar", "-xf", blob(layout, layers.get(0)).toString(), "-C", extension.toString()));
        rootfs = extension.resolve("rootfs");
        serviceFile = rootfs.resolve("usr/local/etc/containers/" + NAME + ".yaml");
        container = rootfs.resolve("usr/local/lib/containers/" + NAME);
        app = container.resolve("usr/local/lib/" + NAME);
        launcher = container.resolve("usr/local/bin/" + NAME);
    }

    @Test
    void holdsOnlyTheManifestAndTheRootfsAtTheTop() throws IOException {
        try (Stream<Path> top = Files.list(extension)) {
            assertEquals(Set.of("manifest.yaml", "rootfs"), top.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
    }

    @Test
    void manifestNamesTheExtensionWithTheProjectVersion() throws IOException {
        Map<String, Object> manifest = yaml(extension.resolve("manifest.yaml"));
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
        Map<String, Object> metadata = map(yaml(extension.resolve("manifest.yaml")).get("metadata"), "metadata");
        Map<String, Object> talos = map(map(metadata.get("compatibility"), "compatibility").get("talos"), "compatibility.talos");
        String constraint = string(talos.get("version"), "compatibility.talos.version");
        assertTrue(satisfies(constraint, 1, 8, 0), constraint + " should admit v1.8.0");
        assertTrue(satisfies(constraint, 1, 13, 2), constraint + " should admit v1.13.2");
        assertFalse(satisfies(constraint, 1, 7, 9), constraint + " should refuse v1.7.9");
    }

    @Test
    void rootfsHoldsOnlyFilesUnderUsrLocalAndNoSpecialOrWorldWritableOnes() throws IOException {
        List<String> errors = new ArrayList<>();
        try (Stream<Path> all = Files.walk(rootfs)) {
            all.forEach(p -> {
                String inImage = "/" + rootfs.relativize(p);
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
        try (Stream<Path> defs = Files.list(serviceFile.getParent())) {
            assertEquals(List.of(serviceFile.getFileName().toString()), defs.map(p -> p.getFileName().toString()).toList());
        }
        Map<String, Object> spec = yaml(serviceFile);
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
        unknownKeys(container, container_KEYS, "container.", errors);
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
        Map<String, Object> security = map(map(yaml(serviceFile).get("container"), "container").get("security"), "container.security");
        assertEquals(false, security.get("writeableRootfs"));
    }

    @Test
    void serviceEntrypointIsTheLauncherAndExecutableInTheContainerRoot() throws IOException {
        String entrypoint = string(map(yaml(serviceFile).get("container"), "container").get("entrypoint"), "container.entrypoint");
        assertTrue(entrypoint.startsWith("/"), "entrypoint " + entrypoint + " is resolved in the container root; write it absolute");
        Path inTree = container.resolve(entrypoint.substring(1));
        assertEquals(launcher, inTree);
        assertTrue(Files.isRegularFile(inTree) && Files.isExecutable(inTree), inTree + " is not an executable file");
        assertTrue(Files.readString(inTree).startsWith("#!/bin/sh\n"), "the launcher is a POSIX sh script");
    }

    @Test
    void everyMountIsAnAbsoluteBindWithAMountPointAndACommentSayingWhy() throws IOException {
        List<String> errors = new ArrayList<>();
        List<Object> mounts = list(map(yaml(serviceFile).get("container"), "container").get("mounts"), "container.mounts");
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
            if (!destination.startsWith("/dev/") && !Files.isDirectory(container.resolve(destination.substring(1)))) {
                errors.add("no mount point " + destination + " in the read-only container root");
            }
        }
        List<String> lines = Files.readAllLines(serviceFile);
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
        for (Object m : list(map(yaml(serviceFile).get("container"), "container").get("mounts"), "container.mounts")) {
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
        assertFalse(Files.readString(serviceFile).lines().anyMatch(l -> l.trim().startsWith("- TALOSFRR_ENV_FILE=")),
                "the service definition must not move the default env file");
    }

    @Test
    void launcherIsMode0755() throws IOException {
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(launcher)));
    }

    @Test
    void libHoldsExactlyTheJarsTheManifestClassPathNamesAndNoTestArtifacts() throws IOException {
        String classPath;
        try (JarFile jar = new JarFile(app.resolve(NAME + ".jar").toFile())) {
            classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
        }
        Set<String> named = new TreeSet<>(Arrays.asList(classPath.trim().split("\\s+")));
        Set<String> present;
        try (Stream<Path> lib = Files.list(app.resolve("lib"))) {
            present = lib.map(p -> "lib/" + p.getFileName()).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> extra = new TreeSet<>(present);
        extra.removeAll(named);
        Set<String> missing = new TreeSet<>(named);
        missing.removeAll(present);
        assertEquals("extra [] missing []", "extra " + extra + " missing " + missing, "lib/ against the jar's Class-Path");
        List<String> testArtifacts;
        try (Stream<Path> all = Files.walk(container)) {
            testArtifacts = all.map(p -> container.relativize(p).toString())
                    .filter(p -> p.matches(".*(-tests?|-sources|-javadoc)\\.jar|.*/(junit|camel-test|opentest4j|apiguardian)[^/]*\\.jar|.*\\.java|.*test-classes.*|.*/fakes/.*"))
                    .toList();
        }
        assertEquals(List.of(), testArtifacts);
    }

    @Test
    void runtimeHoldsTheModulesTheApplicationNeedsAndNoDevelopmentTools() throws IOException {
        Path runtime = app.resolve("runtime");
        Properties release = new Properties();
        try (InputStream in = Files.newInputStream(runtime.resolve("release"))) {
            release.load(in);
        }
        Set<String> modules = Set.of(release.getProperty("MODULES").replace("\"", "").split(" "));
        for (String needed : List.of("java.base", "jdk.unsupported", "java.management", "jdk.management", "jdk.management.agent", "jdk.httpserver")) {
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
    void containerRootHoldsNoPackageManagerDocumentationOrHeaders() {
        for (String absent : List.of("var/lib/dpkg", "var/lib/apt", "var/cache/apt", "usr/bin/dpkg", "usr/bin/apt-get",
                "usr/share/doc", "usr/share/man", "usr/share/locale", "usr/share/info", "usr/include")) {
            assertFalse(Files.exists(container.resolve(absent), LinkOption.NOFOLLOW_LINKS), "the container root carries /" + absent);
        }
    }

    @Test
    void everyElfFileIsForThisArchitectureAndFindsItsLibrariesInTheContainerRoot() throws Exception {
        Result check = run(List.of("packaging/image/check-root.sh", arch, container.toString()));
        assertEquals(0, check.exit(), "check-root.sh failed:\n" + check.output());
    }

    @Test
    void packageListNamesDebianFrr103() throws IOException {
        List<String> packages = Files.readAllLines(archive(".packages.txt"));
        assertTrue(packages.stream().anyMatch(l -> l.matches("frr 10\\.3[-.+~\\w]* " + arch)), "no FRR 10.3 in " + packages);
        assertTrue(packages.stream().anyMatch(l -> l.startsWith("openjdk-25-jdk-headless ")), "the JDK jlink used is not listed");
    }

    @Test
    void bgpdInTheContainerRootIsFrr103(@TempDir Path temp) throws Exception {
        Result version = inContainer(temp, "/usr/lib/frr/bgpd", "--version");
        assertEquals(0, version.exit(), version.output());
        assertTrue(version.output().contains("bgpd version 10.3"), version.output());
    }

    @Test
    void vtyshGetsPastPamInTheContainerRoot(@TempDir Path temp) throws Exception {
        Result vtysh = inContainer(temp, "/usr/bin/vtysh", "-c", "show version");
        assertTrue(vtysh.output().contains("failed to connect to any daemons"), "vtysh did not get to connecting:\n" + vtysh.output());
        assertFalse(vtysh.output().contains("vtysh_pam"), "PAM refused vtysh:\n" + vtysh.output());
    }

    @Test
    void frrReloadRunsOnTheContainersPythonAndVtysh(@TempDir Path temp) throws Exception {
        Files.copy(Path.of("src/test/resources/golden/ipv6-p2p/frr.conf"), temp.resolve("running.conf"));
        Files.copy(Path.of("src/test/resources/golden/bfd-disabled/frr.conf"), temp.resolve("candidate.conf"));
        Result test = inContainer(temp, "/usr/lib/frr/frr-reload.py", "--test", "--stdout", "--input", "/tmp/running.conf", "/tmp/candidate.conf");
        assertEquals(0, test.exit(), test.output());
        assertTrue(test.output().matches("(?s).*Lines To Delete.*neighbor FABRIC bfd.*"), "BFD off is not a deleted line:\n" + test.output());
        Files.delete(temp.resolve("running.conf"));
        Files.delete(temp.resolve("candidate.conf"));
    }

    @Test
    void launcherPlansTheExampleNodeOnTheBundledRuntimeAndWritesNothing(@TempDir Path temp) throws Exception {
        Result plan = inContainer(temp, "/usr/bin/env", "-i", "PATH=" + servicePath(), "TALOSFRR_JAVA_OPTS=-XshowSettings:properties",
                "/usr/local/bin/" + NAME, "plan", "--env-file", "/usr/local/lib/" + NAME + "/conf/example.env");
        assertEquals(0, plan.exit(), "plan failed:\n" + plan.output());
        Matcher javaHome = Pattern.compile("java\\.home = (\\S+)").matcher(plan.output());
        assertTrue(javaHome.find(), "the JVM did not report java.home:\n" + plan.output());
        assertEquals("/usr/local/lib/" + NAME + "/runtime", javaHome.group(1));
        assertTrue(plan.output().contains("router bgp 65010"), "plan did not print the example node's FRR config:\n" + plan.output());
        try (Stream<Path> written = Files.list(temp)) {
            assertEquals(List.of(), written.toList(), "plan wrote into /tmp");
        }
    }

    // --- helpers ---

    private record Result(int exit, String output) {}

    private static Path archive(String suffix) throws IOException {
        return IMAGE_DIR.resolve(NAME + "-" + projectVersion() + "-" + arch + suffix);
    }

    private static List<String> digests(String json) {
        Matcher m = DIGEST.matcher(json);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Path blob(Path layout, String digest) {
        return layout.resolve("blobs/sha256/" + digest);
    }

    private static String servicePath() throws IOException {
        for (Object env : list(map(yaml(serviceFile).get("container"), "container").get("environment"), "container.environment")) {
            if (env instanceof String s && s.startsWith("PATH=")) {
                return s.substring("PATH=".length());
            }
        }
        return fail("the service definition sets no PATH");
    }

    /**
     * COMMAND chrooted in the container root as Talos runs it: the root bound read-only, /proc and /sys mounted,
     * TMP at /tmp; in a user namespace when not root.
     */
    private static Result inContainer(Path tmp, String... command) throws Exception {
        List<String> argv = new ArrayList<>(List.of("unshare"));
        if (!"root".equals(System.getProperty("user.name"))) {
            argv.add("-r");
        }
        argv.addAll(List.of("-m", "-p", "-f", "--propagation", "private", "sh", "-c",
                "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" && mount -t proc proc \"$0/proc\" && mount --rbind /sys \"$0/sys\""
                        + " && mount --bind \"$1\" \"$0/tmp\" && r=\"$0\" && shift && exec chroot \"$r\" \"$@\"",
                container.toAbsolutePath().toString(), tmp.toAbsolutePath().toString()));
        argv.addAll(List.of(command));
        return run(argv);
    }

    private static Result run(List<String> argv) throws Exception {
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(argv + " did not finish in 180 s");
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

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
