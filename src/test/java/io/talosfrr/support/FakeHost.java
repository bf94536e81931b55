// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.support;

import io.talosfrr.TalosFrr;
import io.talosfrr.app.Launch;
import io.talosfrr.app.RunControl;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A host made of files: a sysfs tree, FRR directories, and wrappers around the recording fakes in
 * src/test/fakes (ip, frrinit.sh, vtysh, frr-reload.py) that keep their state in this host's
 * directory. Runs the real entrypoint, in this JVM, against it.
 */
public final class FakeHost {

    public static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path FAKES = PROJECT.resolve("src/test/fakes");

    private final Path dir;
    private final Path bin;
    private final Properties settings = new Properties();
    private final Map<String, String> env = new LinkedHashMap<>();
    private String lastOutput = "";
    private final RunControl control = new RunControl();

    public FakeHost(Path dir) {
        this.dir = dir;
        this.bin = dir.resolve("bin");
        try {
            Files.createDirectories(bin);
            Files.createDirectories(sysfs());
            for (String tool : List.of("ip", "frrinit.sh", "vtysh", "frr-reload.py")) {
                wrapper(tool, FAKES.resolve(tool).toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        settings.setProperty("talosfrr.home", PROJECT.toString());
        settings.setProperty("talosfrr.ip.command", bin.resolve("ip").toString());
        settings.setProperty("talosfrr.frr.daemon-dir", bin.toString());
        settings.setProperty("talosfrr.frr.vtysh", bin.resolve("vtysh").toString());
        settings.setProperty("talosfrr.frr.conf-dir", confDir().toString());
        settings.setProperty("talosfrr.frr.run-dir", dir.resolve("run").toString());
        settings.setProperty("talosfrr.frr.state-dirs", dir.resolve("run").toString());
        settings.setProperty("talosfrr.sysfs-net-dir", sysfs().toString());
        settings.setProperty("talosfrr.env-file", dir.resolve("absent.env").toString());
        settings.setProperty("talosfrr.ports.wait-seconds", "0");
        settings.setProperty("talosfrr.retry.host.first-delay-ms", "10");
        settings.setProperty("talosfrr.retry.frr.first-delay-ms", "10");
        settings.setProperty("talosfrr.watch.settle-ms", "300");
        settings.setProperty("talosfrr.frr.restart-stamp", dir.resolve("run/talos-frr.stopped").toString());
        settings.setProperty("talosfrr.health.port", Integer.toString(freePort()));
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces one tool with a script of the test's own (e.g. a vtysh that rejects every config). */
    public void wrapper(String tool, String target) throws IOException {
        Path script = bin.resolve(tool);
        Files.writeString(script, "#!/bin/sh\nFAKE_HOST_DIR='" + dir + "' exec '" + target + "' \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    public Path writeScript(String name, String body) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    public FakeHost port(String name, String mac, int mtu, boolean physical) {
        try {
            Path iface = sysfs().resolve(name);
            Files.createDirectories(iface);
            Files.writeString(iface.resolve("address"), mac + "\n");
            Files.writeString(iface.resolve("mtu"), mtu + "\n");
            if (physical) {
                Files.createDirectories(iface.resolve("device"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Gives the fake host's lo one more address, as Talos does with the node's own IP. */
    public FakeHost loopbackAddress(String ip) {
        String family = ip.contains(":") ? "inet6" : "inet";
        int prefix = ip.contains(":") ? 128 : 32;
        try {
            Files.writeString(dir.resolve("state.json"), "{\"links\": {\"lo\": {\"kind\": null, \"up\": true, "
                    + "\"mtu\": 65536, \"master\": null, \"peer\": null, \"table\": null, \"addrs\": "
                    + "[[\"inet\", \"127.0.0.1\", 8], [\"" + family + "\", \"" + ip + "\", " + prefix + "]]}}, \"rules\": []}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public FakeHost setting(String key, String value) {
        settings.setProperty(key, value);
        return this;
    }

    public FakeHost env(Map<String, String> values) {
        env.clear();
        env.putAll(values);
        return this;
    }

    /** Runs the entrypoint with these arguments; stdout is kept for {@link #output()}. */
    public int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = TalosFrr.run(new Launch(settings, Map.copyOf(env), new PrintStream(out, true, StandardCharsets.UTF_8),
                false, control), args);
        lastOutput = out.toString(StandardCharsets.UTF_8);
        return code;
    }

    /** For `run` in a background thread: know when it booted, stop it as SIGTERM would. */
    public RunControl control() {
        return control;
    }

    /** GETs a path of `run`'s health server (/health, /metrics) on 127.0.0.1; the body, whatever the status. */
    public String http(String path) {
        try {
            java.net.HttpURLConnection c = (java.net.HttpURLConnection) java.net.URI.create(
                    "http://127.0.0.1:" + settings.getProperty("talosfrr.health.port") + path).toURL().openConnection();
            try (java.io.InputStream in = c.getResponseCode() < 400 ? c.getInputStream() : c.getErrorStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String output() {
        return lastOutput;
    }

    public Path writeEnvFile(String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every call to a fake, in order: ip calls without the tool name, FRR tools with it. */
    public List<String> calls() {
        Path log = dir.resolve("calls.log");
        try {
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ip calls that change the host: everything but the -json reads. */
    public List<String> ipChanges() {
        return calls().stream().filter(c -> !c.startsWith("-json") && !c.startsWith("vtysh")
                && !c.startsWith("frrinit.sh") && !c.startsWith("frr-reload.py")).toList();
    }

    public void clearCalls() throws IOException {
        Files.deleteIfExists(dir.resolve("calls.log"));
    }

    public Path dir() {
        return dir;
    }

    public Path sysfs() {
        return dir.resolve("sys/class/net");
    }

    public Path confDir() {
        return dir.resolve("etc/frr");
    }
}
