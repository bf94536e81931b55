// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.talosfrr.support.FakeHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `run` watching its env file on a fake host: what a change applies, what a broken file leaves alone. */
class LiveChangeTest {

    static final String NODE = "NODE_IP=10.0.0.10\nASN_LOCAL=65010\nFE_MACS=02:00:00:00:01:01\n";

    @TempDir
    Path tmp;
    FakeHost host;
    Path envFile;
    ExecutorService runner = Executors.newSingleThreadExecutor();
    Future<Integer> run;

    @BeforeEach
    void bootAndWatch() throws Exception {
        host = new FakeHost(tmp).port("fab0", "02:00:00:00:01:01", 9000, true).port("fab1", "02:00:00:00:01:02", 9000, true);
        Files.createDirectories(tmp.resolve("cfg"));
        envFile = tmp.resolve("cfg/node.env");
        Files.writeString(envFile, NODE);
        run = runner.submit(() -> host.run("run", "--env-file", envFile.toString()));
        assertTrue(host.control().awaitBooted(Duration.ofSeconds(60)), "boot did not finish");
        host.clearCalls();
    }

    @AfterEach
    void stop() throws Exception {
        host.control().stop();
        assertEquals(0, run.get(60, TimeUnit.SECONDS), "exit status after stop");
        runner.shutdownNow();
    }

    void awaitCall(Predicate<String> call) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (host.calls().stream().anyMatch(call)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no such call; calls were " + host.calls());
    }

    boolean restored(String content) {
        try {
            return Files.readString(host.confDir().resolve("frr.conf")).equals(content);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void appliesANewPortAndMtuWithoutRestartingFrr() throws Exception {
        Files.writeString(envFile, NODE.replace("02:00:00:00:01:01", "02:00:00:00:01:01,02:00:00:00:01:02")
                + "INTERFACE_MTU=1500\n");

        awaitCall(c -> c.startsWith("frr-reload.py --reload"));

        assertEquals(List.of("link set dev veth-frr mtu 1500", "link set dev veth-metallb mtu 1500"), host.ipChanges());
        assertTrue(Files.readString(host.confDir().resolve("frr.conf")).contains("neighbor fab1 interface v6only"));
        assertFalse(host.calls().stream().anyMatch(c -> c.startsWith("frrinit.sh start") || c.startsWith("frrinit.sh stop")),
                "FRR restarted: " + host.calls());
    }

    @Test
    void movesThePeeringAddressesAndRemovesOnlyItsOwnOldOnes() throws Exception {
        Files.writeString(envFile, NODE + "PEER_IP_FRR=fd00:1::\nPEER_IP_METALLB=fd00:1::1\n");

        awaitCall(c -> c.startsWith("frr-reload.py --reload"));

        assertEquals(List.of(
                "-6 address add fd00:1::/127 dev veth-frr",
                "-6 address add fd00:1::1/127 dev veth-metallb",
                "-6 rule add to fd00:1::/128 lookup 88 protocol 252",
                "-6 rule del to fda1:b2c3:d4e5:1::/128 lookup 88 protocol 252",
                "-6 address del fda1:b2c3:d4e5:1::/127 dev veth-frr",
                "-6 address del fda1:b2c3:d4e5:1::1/127 dev veth-metallb"), host.ipChanges());
    }

    @Test
    void startsAndStopsDaemonsThroughFrrinitWhenBfdIsToggled() throws Exception {
        Files.writeString(envFile, NODE + "ENABLE_BFD=false\n");

        awaitCall(c -> c.equals("frrinit.sh reload"));

        assertTrue(Files.readString(host.confDir().resolve("daemons")).contains("bfdd=no"));
    }

    @Test
    void keepsEverythingWhenTheNewFileIsInvalidAndAppliesTheNextValidOne() throws Exception {
        String before = Files.readString(host.confDir().resolve("frr.conf"));
        Path edit = tmp.resolve("cfg/.node.env.swp");
        Files.writeString(edit, NODE.replace("10.0.0.10", "10.0.0.x"));
        Files.move(edit, envFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Thread.sleep(2000);

        assertEquals(List.of(), host.calls().stream().filter(c -> !c.startsWith("vtysh -c show")).toList(),
                "an invalid file must not reach the host or FRR (observation reads aside)");
        assertEquals(before, Files.readString(host.confDir().resolve("frr.conf")));

        Files.writeString(envFile, NODE + "FRR_PROFILE=traditional\n");
        awaitCall(c -> c.equals("frrinit.sh reload"));
        assertTrue(Files.readString(host.confDir().resolve("frr.conf")).contains("frr defaults traditional"));
    }

    @Test
    void appliesTheConfigBeforeChangingDaemonsWhenBfdIsTurnedOff() throws Exception {
        Files.writeString(envFile, NODE + "ENABLE_BFD=false\n");

        awaitCall(c -> c.equals("frrinit.sh reload"));

        List<String> order = host.calls().stream().filter(c -> c.startsWith("frr-reload.py --reload") || c.equals("frrinit.sh reload")).toList();
        assertEquals(2, order.size(), order.toString());
        assertTrue(order.get(0).startsWith("frr-reload.py --reload"), "config first, then daemons: " + order);
    }

    @Test
    void leavesARestartStampWhenItStopsFrrOnSigterm() throws Exception {
        host.control().stop();
        assertEquals(0, run.get(60, TimeUnit.SECONDS));

        assertTrue(Files.exists(tmp.resolve("run/talos-frr.stopped")), "the next start knows it is a graceful restart");
        assertTrue(host.calls().contains("frrinit.sh stop"));
    }

    @Test
    void settlesABurstOfWritesIntoOneApply() throws Exception {
        for (int i = 0; i < 5; i++) {
            Files.writeString(envFile, NODE + "INTERFACE_MTU=" + (1400 + i) + "\n");
            Thread.sleep(50);
        }

        awaitCall(c -> c.equals("link set dev veth-metallb mtu 1404"));
        Thread.sleep(1000);

        assertEquals(1, host.calls().stream().filter(c -> c.startsWith("frr-reload.py --test")).count(), host.calls().toString());
        assertFalse(host.calls().stream().anyMatch(c -> c.startsWith("frr-reload.py --reload")), "frr.conf did not change");
        assertEquals(List.of("link set dev veth-frr mtu 1404", "link set dev veth-metallb mtu 1404"), host.ipChanges());
    }

    String awaitHttp(String path, Predicate<String> body) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = host.http(path);
            if (body.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " never matched; last answer:\n" + last);
    }

    @Test
    void keepsHealthMetricsAndTheMBeanOnTheAppliedConfigWhenFrrRejectsAChangeAndMovesThemWhenOneApplies() throws Exception {
        String fab1 = "interface=\"fab1\"";
        assertTrue(awaitHttp("/metrics", m -> m.contains("interface=\"fab0\"")).lines().noneMatch(l -> l.contains(fab1)));
        host.wrapper("vtysh", host.writeScript("vtysh-rejecting", "case \"$1\" in --dryrun) echo '% Unknown command: this line' >&2; exit 1;; esac\n"
                + "exec '" + FakeHost.PROJECT.resolve("src/test/fakes/vtysh") + "' \"$@\"").toString());

        Files.writeString(envFile, NODE.replace("FE_MACS=02:00:00:00:01:01", "FE_MACS=02:00:00:00:01:01,02:00:00:00:01:02"));
        String rejected = awaitHttp("/metrics", m -> m.contains("talosfrr_last_apply_success{trigger=\"env-file\"} 0"));
        assertFalse(rejected.contains(fab1), "metrics expect the rejected port:\n" + rejected);
        String health = host.http("/health");
        assertFalse(health.contains("fab1"), "health expects the rejected port:\n" + health);
        assertTrue(health.contains("Unknown command: this line"), "health does not report the rejection:\n" + health);
        assertFalse(String.join(" ", (String[]) java.lang.management.ManagementFactory.getPlatformMBeanServer()
                .getAttribute(new javax.management.ObjectName("io.talosfrr:type=Node"), "BgpSessions")).contains("fab1"));

        host.wrapper("vtysh", FakeHost.PROJECT.resolve("src/test/fakes/vtysh").toString());
        Files.writeString(envFile, NODE.replace("FE_MACS=02:00:00:00:01:01", "FE_MACS=02:00:00:00:01:01,02:00:00:00:01:02") + "# again\n");
        String applied = awaitHttp("/metrics", m -> m.contains("talosfrr_last_apply_success{trigger=\"env-file\"} 1"));
        assertTrue(applied.contains(fab1), "metrics do not expect the applied port:\n" + applied);
        assertTrue(host.http("/health").contains("fab1"), "health does not expect the applied port");
    }

    @Test
    void bringsTheNetworkBackWhenFrrRefusesTheReload() throws Exception {
        host.wrapper("frr-reload.py", host.writeScript("reload-refusing",
                "echo \"frr-reload.py $*\" >> '" + tmp.resolve("calls.log") + "'; case \"$*\" in *--reload*) echo boom >&2; exit 1;; esac").toString());
        String before = Files.readString(host.confDir().resolve("frr.conf"));

        Files.writeString(envFile, NODE + "PEER_IP_FRR=fd00:1::\nPEER_IP_METALLB=fd00:1::1\n");
        awaitCall(c -> c.contains("address del fd00:1::/127"));
        awaitCall(c -> c.equals("frr-reload.py --reload --stdout " + host.confDir().resolve("frr.conf")) && restored(before));

        List<String> changes = host.ipChanges();
        assertTrue(changes.containsAll(List.of("-6 address add fda1:b2c3:d4e5:1::/127 dev veth-frr",
                "-6 rule add to fda1:b2c3:d4e5:1::/128 lookup 88 protocol 252")), changes.toString());
        assertEquals(before, Files.readString(host.confDir().resolve("frr.conf")));
    }
}
