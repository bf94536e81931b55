// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.talosfrr.config.ConfigParser;
import io.talosfrr.config.NodeConfig;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** NODE_IP on no interface is warned about (FRR's `set src` would be refused), and only then. */
class NodeAddressCheckTest {

    private static final NodeConfig CONFIG = ConfigParser.parse(Map.of("NODE_IP", "10.0.0.10", "ASN_LOCAL", "65010",
            "FE_MACS", "02:00:00:00:01:01"));

    private static HostState hostWith(String loAddress) {
        return HostState.parse("[{\"ifname\":\"lo\",\"flags\":[\"UP\"],\"mtu\":65536,\"addr_info\":["
                + "{\"local\":\"127.0.0.1\",\"prefixlen\":8},{\"local\":\"" + loAddress + "\",\"prefixlen\":32}]},"
                + "{\"ifname\":\"eth0\",\"flags\":[\"UP\"],\"mtu\":9000,\"addr_info\":[]}]");
    }

    @Test
    void saysNothingWhenAnInterfaceHasNodeIp() {
        assertEquals(Optional.empty(), NodeAddressCheck.warning(CONFIG, hostWith("10.0.0.10")));
    }

    @Test
    void warnsNamingTheAddressWhenNoInterfaceHasIt() {
        Optional<String> warning = NodeAddressCheck.warning(CONFIG, hostWith("10.0.0.11"));

        assertTrue(warning.orElseThrow().startsWith("NODE_IP 10.0.0.10 is on no interface of this host"), warning.get());
    }
}
