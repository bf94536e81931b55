// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.talosfrr.config.ConfigParser;
import io.talosfrr.config.NodeConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Desired minus current state over `ip -json` fixtures: nothing on a configured host, refusals on foreign objects. */
class NetworkPlannerTest {

    final NetworkPlanner planner = new NetworkPlanner();
    final NodeConfig config = ConfigParser.parse(Map.of("NODE_IP", "10.0.0.10", "ASN_LOCAL", "65010",
            "FE_PORT_NAMES", "eth0"));

    static String link(String name, String kind, String extra) {
        String info = kind == null ? "" : ",\"linkinfo\":{\"info_kind\":\"" + kind + "\"" + extra + "}";
        return "{\"ifname\":\"" + name + "\",\"flags\":[\"UP\"],\"mtu\":9000,\"addr_info\":[]" + info + "}";
    }

    @Test
    void plansNothingOnAConfiguredHost() {
        String links = """
                [{"ifname":"metallb","flags":["UP"],"mtu":65575,"linkinfo":{"info_kind":"vrf","info_data":{"table":88}},"addr_info":[]},
                 {"ifname":"veth-frr","flags":["UP","LOWER_UP"],"mtu":9000,"master":"metallb","link":"veth-metallb",
                  "linkinfo":{"info_kind":"veth","info_slave_kind":"vrf"},
                  "addr_info":[{"family":"inet6","local":"fda1:b2c3:d4e5:1::","prefixlen":127,"scope":"global"},
                               {"family":"inet6","local":"fe80::1","prefixlen":64,"scope":"link"}]},
                 {"ifname":"veth-metallb","flags":["UP"],"mtu":9000,"link":"veth-frr","linkinfo":{"info_kind":"veth"},
                  "addr_info":[{"family":"inet6","local":"fda1:b2c3:d4e5:1::1","prefixlen":127}]}]""";
        String rules6 = "[{\"priority\":32765,\"src\":\"all\",\"dst\":\"fda1:b2c3:d4e5:1::\",\"table\":\"88\"}]";

        assertEquals(List.of(), planner.all(config, 9000, HostState.parse(links, "[]", rules6)));
    }

    @Test
    void setsOnlyTheMtuThatDiffers() {
        HostState host = HostState.parse("[" + link("metallb", "vrf", ",\"info_data\":{\"table\":88}") + ","
                + "{\"ifname\":\"veth-frr\",\"flags\":[\"UP\"],\"mtu\":1500,\"master\":\"metallb\",\"linkinfo\":{\"info_kind\":\"veth\"}},"
                + link("veth-metallb", "veth", "") + "]");

        assertEquals(List.of("link set dev veth-frr mtu 9000"),
                planner.vethPair(config, 9000, host).stream().map(c -> String.join(" ", c.args())).toList());
    }

    @Test
    void refusesADeviceNamedLikeTheVrfThatIsNotAVrf() {
        HostState host = HostState.parse("[" + link("metallb", "dummy", "") + "]");

        HostConflictException e = assertThrows(HostConflictException.class, () -> planner.vrf(config, host));
        assertTrue(e.getMessage().contains("exists and is a dummy, not a VRF"), e.getMessage());
    }

    @Test
    void refusesAVethFrrThatIsNotAVeth() {
        HostState host = HostState.parse("[" + link("veth-frr", "bridge", "") + "]");

        HostConflictException e = assertThrows(HostConflictException.class, () -> planner.vethPair(config, 9000, host));
        assertTrue(e.getMessage().startsWith("veth-frr exists and is a bridge, not a veth"), e.getMessage());
    }

    @Test
    void refusesAVethFrrPairedWithAnotherDevice() {
        HostState host = HostState.parse("[{\"ifname\":\"veth-frr\",\"flags\":[],\"mtu\":1500,\"link\":\"other0\","
                + "\"linkinfo\":{\"info_kind\":\"veth\"}}]");

        assertThrows(HostConflictException.class, () -> planner.vethPair(config, 9000, host));
    }

    @Test
    void refusesAnOrphanVethMetallb() {
        HostState host = HostState.parse("[" + link("veth-metallb", "veth", "") + "]");

        assertThrows(HostConflictException.class, () -> planner.vethPair(config, 9000, host));
    }

    @Test
    void addsTheIpv4RuleInTheIpv4Family() {
        NodeConfig v4 = ConfigParser.parse(Map.of("NODE_IP", "10.0.0.10", "ASN_LOCAL", "65010", "FE_PORT_NAMES", "eth0",
                "PEER_IP_FRR", "169.254.10.0", "PEER_IP_METALLB", "169.254.10.1", "PEER_IP_PREFIX", "31"));

        assertEquals("-4 rule add to 169.254.10.0/32 lookup 88 protocol 252",
                String.join(" ", planner.policyRule(v4, HostState.parse("[]")).get(0).args()));
    }

    @Test
    void removesOnlyItsOwnLeftoversAfterTheAddressesMoved() {
        String links = """
                [{"ifname":"metallb-old","flags":["UP"],"mtu":65575,"ifalias":"talos-frr","linkinfo":{"info_kind":"vrf","info_data":{"table":77}}},
                 {"ifname":"blue","flags":["UP"],"mtu":65575,"linkinfo":{"info_kind":"vrf","info_data":{"table":5}}},
                 {"ifname":"veth-frr","flags":["UP"],"mtu":9000,"master":"metallb","linkinfo":{"info_kind":"veth"},
                  "addr_info":[{"family":"inet6","local":"fd00:9::","prefixlen":127},
                               {"family":"inet6","local":"fe80::1","prefixlen":64}]}]""";
        String rules6 = """
                [{"priority":100,"src":"all","dst":"fd00:9::","table":"77","protocol":"252"},
                 {"priority":101,"src":"all","dst":"fd00:7::","table":"77"}]""";

        List<String> stale = planner.staleObjects(config, HostState.parse(links, "[]", rules6)).stream()
                .map(c -> String.join(" ", c.args())).toList();

        assertEquals(List.of("-6 rule del to fd00:9::/128 lookup 77 protocol 252",
                "-6 address del fd00:9::/127 dev veth-frr",
                "link del dev metallb-old"), stale);
    }
}
