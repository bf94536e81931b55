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
                "vtysh --dryrun -f " + host.confDir().resolve(".frr.conf.candidate"),
                "frrinit.sh status",
                "frrinit.sh start",
                "vtysh -c show daemons",
                "vtysh -b"), frr);
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
        assertTrue(Files.exists(host.confDir().resolve(".frr.conf.candidate")), "candidate kept for inspection");
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
    void failsNamingTheMacsWhenNoFabricPortExists() {
        host.env(Map.of("NODE_IP", "10.0.0.10", "ASN_LOCAL", "65010", "FE_MACS", "02:00:00:00:09:09"));

        assertEquals(1, host.run("run", "--once"));

        assertEquals(List.of(), host.calls());
    }
}
