// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frr;

import io.talosfrr.config.NodeConfig;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/**
 * After a graceful restart the leaves keep the node's routes as stale until the node, back up,
 * sends End-of-RIB; anything not advertised again by then is withdrawn. The LoadBalancer routes
 * come from the speaker's session in the VRF, which reconnects later than the leaves do, so a
 * restarted node holds its fabric sessions shut until the speaker's routes are back (bounded).
 */
public final class RestartHold {

    /**
     * Hold only when FRR starts again over the kernel routes a previous run kept (zebra -r -K):
     * a first boot has none, and a FRR that kept running kept its sessions too.
     */
    public boolean needed(@ExchangeProperty("config") NodeConfig config, @Body String bgpRoutesJson) {
        if (!config.gracefulRestart() || bgpRoutesJson == null || bgpRoutesJson.isBlank()) {
            return false;
        }
        try {
            return !((JsonArray) Jsoner.deserialize(bgpRoutesJson.strip())).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    /** vtysh arguments asking for the sessions of the MetalLB VRF. */
    public List<String> speakerSummaryArgs(@ExchangeProperty("config") NodeConfig config) {
        return List.of("-c", "show bgp vrf " + config.vrfName() + " summary json");
    }

    /** True when a speaker session in the VRF is Established and has sent routes. */
    public boolean speakerBack(@Body String summaryJson) {
        try {
            JsonObject summary = (JsonObject) Jsoner.deserialize(summaryJson.strip());
            for (Object family : summary.values()) {
                Object peers = family instanceof Map<?, ?> f ? f.get("peers") : null;
                if (peers instanceof Map<?, ?> byPeer) {
                    for (Object peer : byPeer.values()) {
                        Map<?, ?> p = (Map<?, ?>) peer;
                        Object received = p.get("pfxRcd");
                        if ("Established".equals(p.get("state")) && received instanceof Number n && n.longValue() > 0) {
                            return true;
                        }
                    }
                }
            }
        } catch (Exception e) {
            return false;
        }
        return false;
    }
}
