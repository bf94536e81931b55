// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.talosfrr.config.FabricSelector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Port resolution over a fake /sys/class/net: case, shared MACs, late NICs, nothing found. */
class FabricPortResolverTest {

    @TempDir
    Path sys;
    final AtomicLong now = new AtomicLong();

    void iface(String name, String mac, boolean physical, String... markerDirs) throws Exception {
        Path dir = Files.createDirectories(sys.resolve(name));
        Files.writeString(dir.resolve("address"), mac + "\n");
        Files.writeString(dir.resolve("mtu"), "9000\n");
        if (physical) {
            Files.createDirectories(dir.resolve("device"));
        }
        for (String marker : markerDirs) {
            Files.createDirectories(dir.resolve(marker));
        }
    }

    FabricPortResolver resolver(FabricPortResolver.Pause pause) {
        return new FabricPortResolver(new SysfsNet(sys), now::get, pause);
    }

    static FabricSelector macs(String... macs) {
        return new FabricSelector.ByMac(List.of(macs));
    }

    @Test
    void findsPortsByMacWhateverTheCaseInSysfs() throws Exception {
        iface("eth0", "0C:42:A1:00:00:01", true);
        iface("eth1", "0c:42:a1:00:00:02", true);

        FabricPorts ports = resolver(ms -> { }).resolve(macs("0c:42:a1:00:00:01", "0c:42:a1:00:00:02"), Duration.ZERO);

        assertEquals(List.of("eth0", "eth1"), ports.names());
        assertEquals(9000, ports.effectiveMtu(java.util.OptionalInt.empty()));
    }

    @Test
    void takesThePhysicalPortWhenABondAndAVlanShareItsMac() throws Exception {
        iface("eth0", "0c:42:a1:00:00:01", true);
        iface("bond0", "0c:42:a1:00:00:01", false, "bonding");
        iface("eth0.100", "0c:42:a1:00:00:01", false);

        FabricPorts ports = resolver(ms -> { }).resolve(macs("0c:42:a1:00:00:01"), Duration.ZERO);

        assertEquals(List.of("eth0"), ports.names());
    }

    @Test
    void rejectsMacPresentOnTwoPhysicalPortsNamingAllCandidates() throws Exception {
        iface("eth0", "0c:42:a1:00:00:01", true);
        iface("eth1", "0c:42:a1:00:00:01", true);
        iface("bond0", "0c:42:a1:00:00:01", false, "bonding");

        PortResolutionException e = assertThrows(PortResolutionException.class,
                () -> resolver(ms -> { }).resolve(macs("0c:42:a1:00:00:01"), Duration.ZERO));

        assertTrue(e.getMessage().contains("bond0 (bond), eth0 (physical), eth1 (physical)"), e.getMessage());
    }

    @Test
    void waitsForANicThatAppearsLateWithGrowingPauses() throws Exception {
        iface("eth0", "0c:42:a1:00:00:01", true);
        List<Long> pauses = new java.util.ArrayList<>();
        FabricPortResolver resolver = resolver(ms -> {
            pauses.add(ms);
            now.addAndGet(ms);
            if (pauses.size() == 3) {
                try {
                    iface("eth1", "0c:42:a1:00:00:02", true);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });

        FabricPorts ports = resolver.resolve(macs("0c:42:a1:00:00:01", "0c:42:a1:00:00:02"), Duration.ofSeconds(60));

        assertEquals(List.of("eth0", "eth1"), ports.names());
        assertEquals(List.of(250L, 500L, 1000L), pauses);
    }

    @Test
    void goesOnWithThePortsFoundWhenOneMacNeverAppears() throws Exception {
        iface("eth0", "0c:42:a1:00:00:01", true);
        FabricPortResolver resolver = resolver(now::addAndGet);

        FabricPorts ports = resolver.resolve(macs("0c:42:a1:00:00:01", "0c:42:a1:00:00:09"), Duration.ofSeconds(10));

        assertEquals(List.of("eth0"), ports.names());
        assertEquals(List.of("0c:42:a1:00:00:09"), ports.missing());
        assertTrue(now.get() >= 10_000 && now.get() < 15_000, "gave up at the bound, waited " + now.get() + " ms");
    }

    @Test
    void failsNamingEveryMacWhenNoPortIsFound() {
        PortResolutionException e = assertThrows(PortResolutionException.class,
                () -> resolver(now::addAndGet).resolve(macs("0c:42:a1:00:00:08", "0c:42:a1:00:00:09"), Duration.ofSeconds(1)));

        assertEquals("FE_MACS: no fabric port found; looked for 0c:42:a1:00:00:08, 0c:42:a1:00:00:09", e.getMessage());
    }

    @Test
    void findsPortsByNameAndReportsTheMissingOne() throws Exception {
        iface("fab0", "02:00:00:00:01:01", false);

        FabricPorts ports = resolver(now::addAndGet)
                .resolve(new FabricSelector.ByName(List.of("fab0", "fab9")), Duration.ZERO);

        assertEquals(List.of("fab0"), ports.names());
        assertEquals(List.of("fab9"), ports.missing());
    }
}
