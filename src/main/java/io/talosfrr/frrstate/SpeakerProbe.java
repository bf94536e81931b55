// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frrstate;

import io.talosfrr.config.NodeConfig;
import java.time.Clock;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/**
 * The graceful-restart hold's look (await-speaker-routes): is a session in the MetalLB VRF
 * Established with routes received? It asks the same `show bgp vrf all summary json` as
 * observe-frr, read by the same parser.
 */
public final class SpeakerProbe {

    private final Clock clock;

    public SpeakerProbe(Clock clock) {
        this.clock = clock;
    }

    /** Sets 'conditionMet' when the speaker's session is back with routes. */
    public void probe(@ExchangeProperty("config") NodeConfig config, @Body String summaryJson, Exchange exchange) {
        FrrSnapshot snapshot = FrrStateParser.parse(summaryJson, "", clock.instant());
        boolean back = snapshot.sessions().stream()
                .filter(s -> s.vrf().equals(config.vrfName()) && s.established())
                .flatMap(s -> s.families().stream())
                .anyMatch(f -> f.received() > 0);
        exchange.setProperty("conditionMet", back);
    }
}
