// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.talosfrr.support.FakeHost;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two fake passwords go through a boot, a live change of one of them (diffed by FRR 10.3's own
 * frr-reload.py), a change FRR rejects quoting the line, and `plan`; then every output is searched
 * for them: the log, plan's report, /health, /metrics, every attribute of the MBean, and the
 * arguments of every command run. Only FRR's own files may hold them.
 */
class SecretsNeverLeakTest {

    private static final String FABRIC_SECRET = "Fab-s3cret-7Qx";
    private static final String NEW_FABRIC_SECRET = "Fab-n3w-s3cret-2Kd";
    private static final String SPEAKER_SECRET = "Spk-s3cret-9Wm";

    @TempDir
    Path tmp;

    @Test
    void noOutputEverCarriesAPassword() throws Exception {
        FakeHost host = new FakeHost(tmp).port("fab0", "02:00:00:00:01:01", 9000, true);
        Files.createDirectories(tmp.resolve("cfg"));
        Path fabricFile = secretFile("cfg/fabric.password", FABRIC_SECRET + "\n");
        Path speakerFile = secretFile("cfg/metallb.password", SPEAKER_SECRET);
        String env = LiveChangeTest.NODE + "FABRIC_PASSWORD_FILE=" + fabricFile + "\nMETALLB_PASSWORD_FILE=" + speakerFile + "\n";
        Path envFile = Files.writeString(tmp.resolve("cfg/node.env"), env);
        host.wrapper("frr-reload.py", realDiffFrrReload(host).toString());

        List<String> outputs = new ArrayList<>();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(new Tee(stderr, log), true, StandardCharsets.UTF_8));
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> run = runner.submit(() -> host.run("run", "--env-file", envFile.toString()));
            assertTrue(host.control().awaitBooted(Duration.ofSeconds(60)), "boot did not finish");
            String frrConf = Files.readString(host.confDir().resolve("frr.conf"));
            assertTrue(frrConf.contains(" neighbor FABRIC password " + FABRIC_SECRET + "\n")
                    && frrConf.contains(" neighbor METALLB password " + SPEAKER_SECRET + "\n"), frrConf);
            assertEquals("rw-r-----", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(host.confDir().resolve("frr.conf"))));

            // A new fabric password: FRR's frr-reload.py diffs the two files, lines that quote both passwords.
            Files.writeString(fabricFile, NEW_FABRIC_SECRET + "\n");
            Files.writeString(envFile, env + "# password rotated\n");
            await(() -> logged(log, "apply-env-file: applied"), "the rotated password was not applied");
            assertTrue(logged(log, "diff-frr-config: disruptive: sets 'neighbor FABRIC password <redacted>'"),
                    "the diff did not name the password line: " + log);
            assertTrue(Files.readString(host.confDir().resolve("frr.conf")).contains(NEW_FABRIC_SECRET));

            // FRR refuses a render and quotes the offending line, password included.
            Path refusing = host.writeScript("refusing-vtysh", "case \"$*\" in *--dryrun*) grep -n password \"$3\" |"
                    + " sed 's/^/% Unknown command: /' >&2; exit 2;; esac; exec '" + FakeHost.PROJECT.resolve("src/test/fakes/vtysh") + "' \"$@\"");
            host.wrapper("vtysh", refusing.toString());
            Files.writeString(envFile, env + "# refused\n");
            await(() -> logged(log, "apply-env-file: not applied: FRR rejected the rendered frr.conf"),
                    "the refused render was not reported");
            assertTrue(logged(log, "password <redacted>"), "FRR's refusal was not quoted: " + log);

            outputs.add(host.http("/health"));
            outputs.add(host.http("/health/ready"));
            outputs.add(host.http("/metrics"));
            outputs.addAll(mbeanAttributes());
            host.control().stop();
            assertEquals(0, run.get(60, TimeUnit.SECONDS), "exit status after stop");
        } finally {
            System.setErr(stderr);
            runner.shutdownNow();
        }
        host.wrapper("vtysh", FakeHost.PROJECT.resolve("src/test/fakes/vtysh").toString());
        assertEquals(0, host.run("plan", "--env-file", envFile.toString()));
        assertTrue(host.output().contains(" neighbor FABRIC password <redacted>\n"), host.output());
        outputs.add(host.output());
        outputs.add(log.toString(StandardCharsets.UTF_8));
        outputs.add(String.join("\n", host.calls()));

        for (String secret : List.of(FABRIC_SECRET, NEW_FABRIC_SECRET, SPEAKER_SECRET)) {
            for (String output : outputs) {
                assertFalse(output.contains(secret), "a password leaked into:\n" + output);
            }
        }
    }

    private Path secretFile(String name, String content) throws Exception {
        Path file = Files.writeString(tmp.resolve(name), content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** frr-reload.py whose `--test --input LIVE CANDIDATE` is FRR 10.3's own; everything else is the recording fake. */
    private static Path realDiffFrrReload(FakeHost host) throws Exception {
        Path fake = FakeHost.PROJECT.resolve("src/test/fakes/frr-reload.py");
        Path guestRoot = FakeHost.PROJECT.resolve("src/e2e/guest-root.sh");
        return host.writeScript("real-diff-frr-reload.py", String.join("\n",
                "if [ \"$3\" = --input ] && [ \"$4\" != /dev/null ]; then",
                "  echo \"frr-reload.py $*\" >> \"$FAKE_HOST_DIR/calls.log\"",
                "  exec '" + guestRoot + "' --frr 10.3 run \"$5\" /usr/lib/frr/frr-reload.py --test --stdout --input"
                        + " \"/mnt/$(basename \"$4\")\" \"/mnt/$(basename \"$5\")\"",
                "fi",
                "exec '" + fake + "' \"$@\""));
    }

    private static List<String> mbeanAttributes() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName node = new ObjectName("io.talosfrr:type=Node");
        List<String> values = new ArrayList<>();
        for (MBeanAttributeInfo attribute : server.getMBeanInfo(node).getAttributes()) {
            values.add(attribute.getName() + "=" + server.getAttribute(node, attribute.getName()));
        }
        assertFalse(values.isEmpty(), "the MBean has no attributes");
        return values;
    }

    private static boolean logged(ByteArrayOutputStream log, String text) {
        return log.toString(StandardCharsets.UTF_8).contains(text);
    }

    private static void await(BooleanSupplier condition, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure);
            }
            Thread.sleep(100);
        }
    }

    /** Writes to the console as before and keeps a copy to search. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
