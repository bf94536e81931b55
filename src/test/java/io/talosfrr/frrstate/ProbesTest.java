// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frrstate;

import static io.talosfrr.support.FrrFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.talosfrr.config.ConfigParser;
import io.talosfrr.config.NodeConfig;
import io.talosfrr.frr.FrrDaemons;
import io.talosfrr.frr.FrrFiles;
import io.talosfrr.frr.FrrNotReadyException;
import io.talosfrr.support.FrrFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The start-up wait and the restart hold read FRR's answers as recorded from every FRR version. */
class ProbesTest {

    private static final NodeConfig CONFIG = ConfigParser.parse(Map.of("NODE_IP", "10.0.0.10", "ASN_LOCAL", "65010",
            "FE_PORT_NAMES", "fab0,fab1"));
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path daemonDir;

    private Exchange exchange() {
        return new DefaultExchange(new DefaultCamelContext());
    }

    private DaemonsProbe daemonsProbe(String version) throws Exception {
        if (!version.startsWith("8.")) {
            Path mgmtd = Files.createFile(daemonDir.resolve("mgmtd"));
            mgmtd.toFile().setExecutable(true);
        }
        return new DaemonsProbe(new FrrDaemons(daemonDir, List.of(), new FrrFiles(daemonDir, "frr")), CLOCK);
    }

    @ParameterizedTest
    @MethodSource("io.talosfrr.support.FrrFixtures#versions")
    void daemonsAreReadyWhenEveryExpectedOneAnswers(String version) throws Exception {
        DaemonsProbe probe = daemonsProbe(version);
        Exchange exchange = exchange();
        String answer = FrrFixtures.read(FrrFixtures.ROOT.resolve(version).resolve("both-up/show-daemons.txt"));

        probe.probe(CONFIG, answer, exchange);

        assertEquals(true, exchange.getProperty("conditionMet"), version + ": " + answer);
        assertEquals(List.of(), exchange.getProperty("missingDaemons"));
    }

    @ParameterizedTest
    @MethodSource("io.talosfrr.support.FrrFixtures#versions")
    void namesTheDaemonsThatDoNotAnswer(String version) throws Exception {
        DaemonsProbe probe = daemonsProbe(version);
        Exchange exchange = exchange();
        String stdout = FrrFixtures.read(FrrFixtures.ROOT.resolve(version).resolve("bgpd-not-running/stdout.txt"));

        probe.probe(CONFIG, stdout, exchange);

        assertEquals(false, exchange.getProperty("conditionMet"));
        List<?> missing = exchange.getProperty("missingDaemons", List.class);
        // 8.4 stopped bfdd with bgpd in that recording; 10.x kept it.
        assertEquals(version.startsWith("8.") ? List.of("bgpd", "bfdd") : List.of("bgpd"), missing, version + ": " + stdout);
        FrrNotReadyException e = assertThrows(FrrNotReadyException.class, () -> probe.requireReady(List.of("bgpd")));
        assertEquals("FRR daemons not answering: bgpd", e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("io.talosfrr.support.FrrFixtures#versions")
    void theSpeakerIsBackWhenItsSessionInTheVrfHasRoutes(String version) {
        assertEquals(true, speakerBack(FrrFixtures.ROOT.resolve(version).resolve("both-leaves-down")), version);
    }

    @ParameterizedTest
    @MethodSource("io.talosfrr.support.FrrFixtures#versions")
    void theSpeakerIsNotBackWhenNoSessionInTheVrfIsUp(String version) {
        assertEquals(false, speakerBack(FrrFixtures.ROOT.resolve(version).resolve("frr-stopped")), version);
        assertEquals(false, speakerBack(null), "vtysh failed: the route passes an empty answer");
    }

    private boolean speakerBack(Path situation) {
        Path file = situation == null ? null : situation.resolve("show-bgp-vrf-all-summary.json");
        String answer = file != null && Files.exists(file) ? FrrFixtures.read(file) : "{}";
        Exchange exchange = exchange();
        new SpeakerProbe(CLOCK).probe(CONFIG, answer, exchange);
        return exchange.getProperty("conditionMet", Boolean.class);
    }
}
