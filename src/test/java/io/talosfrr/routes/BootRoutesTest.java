// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.talosfrr.support.FakeHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real routes/ booting a recording fake host: the exact ip sequence, idempotence, retries, refusals. */
class BootRoutesTest {

    @TempDir
    Path tmp;
    FakeHost host;

    @BeforeEach
    void node() {
        host = new FakeHost(tmp)
                .port("fab0", "02:00:00:00:01:01", 9000, true)
                .port("fab1", "02:00:00:00:01:02", 9000, true)
                .env(Map.of("NODE_IP", "10.0.0.10", "ASN_LOCAL", "65010",
                        "FE_MACS", "02:00:00:00:01:01,02:00:00:00:01:02"));
    }

    @Test
    void bootsAnEmptyHostWithTheExactCommandSequence() {
        assertEquals(0, host.run("run", "--once"));

        assertEquals(List.of(
                "link add metallb type vrf table 88",
                "link set dev metallb alias talos-frr",
                "link set dev metallb up",
                "link add veth-frr type veth peer name veth-metallb",
                "link set dev veth-frr master metallb",
                "link set dev veth-frr mtu 9000",
                "link set dev veth-metallb mtu 9000",
                "link set dev veth-frr up",
                "link set dev veth-metallb up",
                "-6 address add fda1:b2c3:d4e5:1::/127 dev veth-frr",
                "-6 address add fda1:b2c3:d4e5:1::1/127 dev veth-metallb",
                "-6 rule add to fda1:b2c3:d4e5:1::/128 lookup 88 protocol 252"), host.ipChanges());
        List<String> frr = host.calls().stream().filter(c -> c.startsWith("vtysh") || c.startsWith("frr")).toList();
        assertEquals(List.of(
                "frrinit.sh status",
                "vtysh --dryrun -f " + host.confDir().resolve(".frr.conf.candidate"),
                "frrinit.sh start",
                "vtysh -c show daemons",
                "vtysh -b",
                "frr-reload.py --test --stdout " + host.confDir().resolve("frr.conf")), frr);
    }

    /** FRR 10 was seen to leave out part of frr.conf at start: the difference is loaded once more. */
    @Test
    void loadsTheDifferenceWhenFrrDoesNotRunWhatWasRendered() throws Exception {
        host.writeEnvFile("running.diff", "Lines To Add\n============\nip protocol bgp route-map SET-SRC\n");

        assertEquals(0, host.run("run", "--once"));

        String frrConf = host.confDir().resolve("frr.conf").toString();
        List<String> frr = host.calls().stream().filter(c -> c.startsWith("vtysh -b") || c.startsWith("frr-reload")).toList();
        assertEquals(List.of("vtysh -b", "frr-reload.py --test --stdout " + frrConf, "frr-reload.py --reload --stdout " + frrConf,
                "frr-reload.py --test --stdout " + frrConf), frr);
    }

    /** A difference a second load does not mend ends the boot as done (FRR runs) and is left to health to report. */
    @Test
    void loadsTheDifferenceOnlyOnceWhenItSurvivesTheLoad() throws Exception {
        host.writeEnvFile("running.diff", "Lines To Add\n============\nip protocol bgp route-map SET-SRC\n");
        host.writeEnvFile("running.diff.sticky", "");

        assertEquals(0, host.run("run", "--once"));

        assertEquals(1, host.calls().stream().filter(c -> c.startsWith("frr-reload.py --reload")).count());
        assertEquals(2, host.calls().stream().filter(c -> c.startsWith("frr-reload.py --test --stdout")).count());
    }

    @Test
    void writesFrrFilesAtomicallyWithMode0640AndNoCandidateLeft() throws Exception {
        assertEquals(0, host.run("run", "--once"));

        for (String name : List.of("frr.conf", "daemons", "vtysh.conf")) {
            Path file = host.confDir().resolve(name);
            assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), name);
        }
        try (var files = Files.list(host.confDir())) {
            assertEquals(List.of("daemons", "frr.conf", "vtysh.conf"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.readString(host.confDir().resolve("frr.conf")).contains("neighbor fab1 interface v6only peer-group FABRIC"));
    }

    @Test
    void changesNothingOnASecondBootOverTheFirstOnesState() throws Exception {
        assertEquals(0, host.run("run", "--once"));
        host.clearCalls();

        assertEquals(0, host.run("run", "--once"));

        assertEquals(List.of(), host.ipChanges());
        assertTrue(host.calls().contains("frrinit.sh status"));
        assertFalse(host.calls().contains("frrinit.sh start"), "FRR already runs: no second start");
        assertTrue(host.calls().stream().anyMatch(c -> c.startsWith("frr-reload.py --reload")), host.calls().toString());
    }

    @Test
    void retriesAFailingIpCommandThenSucceeds() throws Exception {
        host.wrapper("ip", host.writeScript("ip-flaky", "FAKE_IP_FAIL='link add veth-frr:2' exec '"
                + FakeHost.PROJECT.resolve("src/test/fakes/ip") + "' \"$@\"").toString());

        assertEquals(0, host.run("run", "--once"));

        long attempts = host.calls().stream().filter(c -> c.startsWith("link add veth-frr")).count();
        assertEquals(3, attempts, "two failures, then success");
    }

    @Test
    void reportsAnIpCommandThatKeepsFailingAndDoesNotStartFrr() throws Exception {
        host.setting("talosfrr.retry.host.attempts", "2");
        host.wrapper("ip", host.writeScript("ip-broken", "FAKE_IP_FAIL='link add veth-frr:99' exec '"
                + FakeHost.PROJECT.resolve("src/test/fakes/ip") + "' \"$@\"").toString());

        assertEquals(1, host.run("run", "--once"));

        assertEquals(3, host.calls().stream().filter(c -> c.startsWith("link add veth-frr")).count(), "1 + 2 retries");
        assertFalse(host.calls().contains("frrinit.sh start"));
        assertFalse(Files.exists(host.confDir().resolve("frr.conf")));
    }

    @Test
    void keepsTheLiveFrrConfWhenFrrRejectsTheRenderedOne() throws Exception {
        Files.createDirectories(host.confDir());
        Files.writeString(host.confDir().resolve("frr.conf"), "! the running one\n");
        Path vtysh = host.writeScript("vtysh-rejecting",
                "case \"$1\" in --dryrun) echo 'line 12: % Unknown command: neighbor x' >&2; exit 2;; esac; exit 0");
        host.setting("talosfrr.frr.vtysh", vtysh.toString());

        assertEquals(1, host.run("run", "--once"));

        assertEquals("! the running one\n", Files.readString(host.confDir().resolve("frr.conf")));
        Path candidate = host.confDir().resolve(".frr.conf.candidate");
        assertTrue(Files.exists(candidate), "candidate kept for inspection");
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(candidate)),
                "the candidate is as closed as the installed frr.conf (it will hold passwords)");
        assertFalse(host.calls().contains("frrinit.sh start"));
    }

    @Test
    void refusesAnExistingVrfWithAnotherTableAndChangesNothing() throws Exception {
        Files.writeString(tmp.resolve("state.json"), """
                {"links": {"metallb": {"kind": "vrf", "up": true, "mtu": 65575, "master": null, "peer": null,
                 "table": 77, "addrs": []}}, "rules": []}""");

        assertEquals(1, host.run("run", "--once"));

        assertEquals(List.of(), host.ipChanges());
    }

    @Test
    void holdsTheFabricShutAfterAGracefulRestartThenOpensIt() throws Exception {
        Files.createDirectories(tmp.resolve("run"));
        Files.writeString(tmp.resolve("run/talos-frr.stopped"), Long.toString(System.currentTimeMillis() - 5_000));
        host.setting("talosfrr.frr.restart-hold-attempts", "2");

        assertEquals(0, host.run("run", "--once"));

        List<String> frr = host.calls().stream().filter(c -> c.startsWith("vtysh -c show bgp vrf")
                || c.startsWith("frrinit.sh start") || c.startsWith("frr-reload.py --reload")).toList();
        assertEquals(List.of("frrinit.sh start",
                "vtysh -c show bgp vrf all summary json",
                "vtysh -c show bgp vrf all summary json",
                "frr-reload.py --reload --stdout " + host.confDir().resolve("frr.conf")), frr,
                "started held, looked for the speaker restart-hold-attempts (2) times, then applied the full config");
        assertFalse(Files.readString(host.confDir().resolve("frr.conf")).contains("shutdown"));
    }

    @Test
    void endsTheHoldAtTheFirstLookThatShowsTheSpeakersRoutesBack() throws Exception {
        Files.createDirectories(tmp.resolve("run"));
        Files.writeString(tmp.resolve("run/talos-frr.stopped"), Long.toString(System.currentTimeMillis() - 5_000));
        Files.createDirectories(tmp.resolve("frr-state"));
        Files.copy(Path.of("src/test/resources/fixtures/frr/10.3/both-up/show-bgp-vrf-all-summary.json"),
                tmp.resolve("frr-state/show-bgp-vrf-all-summary.json"));
        host.setting("talosfrr.frr.restart-hold-attempts", "5");

        assertEquals(0, host.run("run", "--once"));

        assertEquals(1, host.calls().stream().filter(c -> c.startsWith("vtysh -c show bgp vrf")).count(),
                host.calls().toString());
        assertFalse(Files.readString(host.confDir().resolve("frr.conf")).contains("shutdown"));
    }

    @Test
    void startsTheFabricAtOnceWhenThePreviousStopIsTooOldForTheLeavesToHoldOurRoutes() throws Exception {
        Files.createDirectories(tmp.resolve("run"));
        Files.writeString(tmp.resolve("run/talos-frr.stopped"), Long.toString(System.currentTimeMillis() - 600_000));

        assertEquals(0, host.run("run", "--once"));

        assertFalse(host.calls().stream().anyMatch(c -> c.startsWith("vtysh -c show bgp vrf")), host.calls().toString());
    }

    @Test
    void startsTheFabricAtOnceOnAFirstBoot() {
        assertEquals(0, host.run("run", "--once"));

        assertFalse(host.calls().stream().anyMatch(c -> c.startsWith("vtysh -c show bgp vrf")), host.calls().toString());
    }

    @Test
    void waitsForDaemonsThatAnswerLate() throws Exception {
        Path count = tmp.resolve("show-daemons.count");
        host.wrapper("vtysh", host.writeScript("vtysh-slow", "case \"$*\" in '-c show daemons')"
                + " n=$(cat '" + count + "' 2>/dev/null || echo 0); echo $((n + 1)) > '" + count + "';"
                + " [ $n -lt 2 ] && { echo ' zebra watchfrr'; exit 0; };; esac;"
                + " exec '" + FakeHost.PROJECT.resolve("src/test/fakes/vtysh") + "' \"$@\"").toString());

        assertEquals(0, host.run("run", "--once"));

        assertEquals("3", Files.readString(count).strip(), "two looks with daemons missing, then all up");
        assertTrue(host.calls().contains("vtysh -b"));
    }

    @Test
    void failsNamingTheDaemonThatNeverAnswers() throws Exception {
        host.setting("talosfrr.frr.start-wait-attempts", "3");
        host.wrapper("vtysh", host.writeScript("vtysh-no-bfdd", "case \"$*\" in '-c show daemons')"
                + " echo ' zebra bgpd staticd watchfrr'; exit 0;; esac;"
                + " exec '" + FakeHost.PROJECT.resolve("src/test/fakes/vtysh") + "' \"$@\"").toString());

        assertEquals(1, host.run("run", "--once"));

        assertFalse(host.calls().contains("vtysh -b"), "config is not loaded into a half-started FRR");
    }

    @Test
    void failsNamingTheMacsWhenNoFabricPortExists() {
        host.env(Map.of("NODE_IP", "10.0.0.10", "ASN_LOCAL", "65010", "FE_MACS", "02:00:00:00:09:09"));

        assertEquals(1, host.run("run", "--once"));

        assertEquals(List.of(), host.calls());
    }
}
