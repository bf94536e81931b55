// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.talosfrr.support.FakeHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every broken rule of docs/design.md, "Configuration": named in the message, exit 2, and nothing run on the host. */
class BadConfigurationTest {

    private static final String UNSET = null;

    static Map<String, String> validEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("NODE_IP", "10.0.0.10");
        env.put("ASN_LOCAL", "65010");
        env.put("FE_MACS", "02:00:00:00:01:01");
        return env;
    }

    private static Arguments row(String rule, String expected, String... keyValues) {
        Map<String, String> changes = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            changes.put(keyValues[i], keyValues[i + 1]);
        }
        return Arguments.of(rule, changes, expected);
    }

    static Stream<Arguments> brokenRules() {
        String ipv4Pair = "169.254.10.0";
        return Stream.of(
                row("nodeIpMissing", "NODE_IP is not set", "NODE_IP", UNSET),
                row("nodeIpIsAName", "NODE_IP=\"node1\" is invalid: expected an IPv4", "NODE_IP", "node1"),
                row("nodeIpIsIpv6", "NODE_IP=\"fd00::1\" is invalid", "NODE_IP", "fd00::1"),
                row("nodeIpHasPrefix", "NODE_IP=\"10.0.0.10/32\" is invalid", "NODE_IP", "10.0.0.10/32"),
                row("nodeIpHasLeadingZero", "NODE_IP=\"010.0.0.10\" is invalid", "NODE_IP", "010.0.0.10"),
                row("nodeIpOctetOver255", "NODE_IP=\"10.0.0.256\" is invalid", "NODE_IP", "10.0.0.256"),
                row("nodeIpCarriesNewline", "NODE_IP=\"10.0.0.10\\nrouter bgp 1\" is invalid",
                        "NODE_IP", "10.0.0.10\nrouter bgp 1"),
                row("nodeIpHasTrailingSpace", "NODE_IP=\"10.0.0.10 \" is invalid", "NODE_IP", "10.0.0.10 "),
                row("nodeIpIsLoopback", "NODE_IP=\"127.0.0.1\" is invalid: expected a unicast address a host can own;"
                        + " 127.0.0.1 is loopback", "NODE_IP", "127.0.0.1"),
                row("nodeIpIsUnspecified", "0.0.0.0 is unspecified", "NODE_IP", "0.0.0.0"),
                row("nodeIpIsMulticast", "NODE_IP=\"224.0.0.1\" is invalid: expected a unicast address a host can own;"
                        + " 224.0.0.1 is multicast", "NODE_IP", "224.0.0.1"),
                row("nodeIpIsBroadcast", "255.255.255.255 is broadcast", "NODE_IP", "255.255.255.255"),
                row("asnLocalMissing", "ASN_LOCAL is not set", "ASN_LOCAL", UNSET),
                row("asnLocalZero", "ASN_LOCAL=\"0\" is invalid: expected an AS number 1..4294967295", "ASN_LOCAL", "0"),
                row("asnLocalOver32Bits", "ASN_LOCAL=\"4294967296\" is invalid", "ASN_LOCAL", "4294967296"),
                row("asnLocalNegative", "ASN_LOCAL=\"-1\" is invalid", "ASN_LOCAL", "-1"),
                row("asnLocalNotANumber", "ASN_LOCAL=\"65o10\" is invalid", "ASN_LOCAL", "65o10"),
                row("asnLocalAsdotHighPartOver65535", "ASN_LOCAL=\"65536.1\" is invalid", "ASN_LOCAL", "65536.1"),
                row("asnLocalCarriesConfigLine", "ASN_LOCAL=\"65010\\n neighbor 192.0.2.1 remote-as 1\" is invalid",
                        "ASN_LOCAL", "65010\n neighbor 192.0.2.1 remote-as 1"),
                row("noFabricSelector", "set FE_MACS (fabric port MACs) or FE_PORT_NAMES", "FE_MACS", UNSET),
                row("bothFabricSelectors", "only one of FE_MACS and FE_PORT_NAMES to be set", "FE_PORT_NAMES", "eth0"),
                row("macTooShort", "\"02:00:00:00:01\" is not one", "FE_MACS", "02:00:00:00:01"),
                row("macWithDashes", "\"02-00-00-00-01-01\" is not one", "FE_MACS", "02-00-00-00-01-01"),
                row("macNotHex", "\"02:00:00:00:01:zz\" is not one", "FE_MACS", "02:00:00:00:01:zz"),
                row("macListHasEmptyItem", "an empty item is not one", "FE_MACS", "02:00:00:00:01:01,,02:00:00:00:01:02"),
                row("macListedTwiceInOtherCase", "02:00:00:00:01:0a is listed twice",
                        "FE_MACS", "02:00:00:00:01:0A, 02:00:00:00:01:0a"),
                row("macCarriesNewline", "is not one", "FE_MACS", "02:00:00:00:01:01\ninterface x"),
                row("portNameOver15Chars", "\"abcdefghijklmnop\" is not one", "FE_MACS", UNSET,
                        "FE_PORT_NAMES", "abcdefghijklmnop"),
                row("portNameWithSlash", "\"eth/0\" is not one", "FE_MACS", UNSET, "FE_PORT_NAMES", "eth/0"),
                row("portNameWithInnerSpace", "\"eth 0\" is not one", "FE_MACS", UNSET, "FE_PORT_NAMES", "eth 0"),
                row("portNameWithColon", "\"eth0:1\" is not one", "FE_MACS", UNSET, "FE_PORT_NAMES", "eth0:1"),
                row("portNameCarriesConfigLine", "\"eth0\\ninterface x\" is not one", "FE_MACS", UNSET,
                        "FE_PORT_NAMES", "eth0\ninterface x"),
                row("portNameListedTwice", "eth0 is listed twice", "FE_MACS", UNSET, "FE_PORT_NAMES", "eth0,eth0"),
                row("asnVrfZero", "ASN_VRF_METALLB=\"0\" is invalid", "ASN_VRF_METALLB", "0"),
                row("asnSpeakerOver32Bits", "ASN_METALLB_SPEAKER=\"4294967296\" is invalid",
                        "ASN_METALLB_SPEAKER", "4294967296"),
                row("asnSpeakerSameAsVrfAsn", "the speaker session is eBGP", "ASN_METALLB_SPEAKER", "4000099998"),
                row("vrfNameOver15Chars", "VRF_METALLB=\"abcdefghijklmnop\" is invalid", "VRF_METALLB", "abcdefghijklmnop"),
                row("vrfNameReservedDefault", "VRF_METALLB=\"default\" is invalid", "VRF_METALLB", "default"),
                row("vrfNameIsVethName", "VRF_METALLB=\"veth-frr\" is invalid", "VRF_METALLB", "veth-frr"),
                row("vrfNameCarriesConfigLine", "VRF_METALLB=\"metallb\\nrouter bgp 1\" is invalid",
                        "VRF_METALLB", "metallb\nrouter bgp 1"),
                row("tableIsMain", "not 253, 254 or 255", "METALLB_VRF_ROUTE_TABLE_ID", "254"),
                row("tableIsLocal", "METALLB_VRF_ROUTE_TABLE_ID=\"255\" is invalid", "METALLB_VRF_ROUTE_TABLE_ID", "255"),
                row("tableIsDefault", "METALLB_VRF_ROUTE_TABLE_ID=\"253\" is invalid", "METALLB_VRF_ROUTE_TABLE_ID", "253"),
                row("tableZero", "METALLB_VRF_ROUTE_TABLE_ID=\"0\" is invalid", "METALLB_VRF_ROUTE_TABLE_ID", "0"),
                row("tableOver32Bits", "METALLB_VRF_ROUTE_TABLE_ID=\"4294967296\" is invalid",
                        "METALLB_VRF_ROUTE_TABLE_ID", "4294967296"),
                row("peerIpFrrMalformed", "PEER_IP_FRR=\"fda1::zz\" is invalid", "PEER_IP_FRR", "fda1::zz",
                        "PEER_IP_METALLB", "fda1::1"),
                row("peerIpFrrIsAHostname", "PEER_IP_FRR=\"speaker.local\" is invalid", "PEER_IP_FRR", "speaker.local",
                        "PEER_IP_METALLB", "fda1::1"),
                row("peerIpFrrHasZone", "PEER_IP_FRR=\"fe80::1%eth0\" is invalid", "PEER_IP_FRR", "fe80::1%eth0",
                        "PEER_IP_METALLB", "fe80::2"),
                row("peerIpFrrIsIpv4MappedIpv6", "PEER_IP_FRR=\"::ffff:169.254.10.0\" is invalid",
                        "PEER_IP_FRR", "::ffff:169.254.10.0", "PEER_IP_METALLB", "::ffff:169.254.10.1"),
                row("peerIpFrrIsIpv6Loopback", "PEER_IP_FRR=\"::1\" is invalid: expected a unicast address a host can own;"
                        + " ::1 is loopback", "PEER_IP_FRR", "::1", "PEER_IP_METALLB", "fda1::1"),
                row("peerIpMetallbIsIpv6Unspecified", "PEER_IP_METALLB=\"::\" is invalid", "PEER_IP_FRR", "fda1::0",
                        "PEER_IP_METALLB", "::"),
                row("peerIpMetallbIsIpv6Multicast", "ff02::1 is multicast", "PEER_IP_FRR", "fda1::0",
                        "PEER_IP_METALLB", "ff02::1"),
                row("peerIpFrrIsIpv4Loopback", "127.0.0.2 is loopback", "PEER_IP_FRR", "127.0.0.2",
                        "PEER_IP_METALLB", "127.0.0.3", "PEER_IP_PREFIX", "31"),
                row("peerIpMetallbWithoutPeerIpFrr", "PEER_IP_FRR is not set: set PEER_IP_FRR and PEER_IP_METALLB together",
                        "PEER_IP_METALLB", "fda1::1"),
                row("peerIpsOfTwoFamilies", "the same address family as PEER_IP_FRR", "PEER_IP_FRR", ipv4Pair,
                        "PEER_IP_METALLB", "fda1::1", "PEER_IP_PREFIX", "31"),
                row("peerIpsEqual", "an address different from PEER_IP_FRR", "PEER_IP_FRR", "fda1::1",
                        "PEER_IP_METALLB", "fda1::1"),
                row("ipv4PeeringWithoutPrefix", "PEER_IP_PREFIX is not set", "PEER_IP_FRR", ipv4Pair,
                        "PEER_IP_METALLB", "169.254.10.1"),
                row("prefixOver32ForIpv4", "at most 32 for IPv4", "PEER_IP_FRR", ipv4Pair,
                        "PEER_IP_METALLB", "169.254.10.1", "PEER_IP_PREFIX", "33"),
                row("prefixOver128", "PEER_IP_PREFIX=\"129\" is invalid", "PEER_IP_PREFIX", "129"),
                row("prefixZero", "PEER_IP_PREFIX=\"0\" is invalid", "PEER_IP_PREFIX", "0"),
                row("prefixNotHoldingBothAddresses", "a prefix that holds both PEER_IP_FRR (169.254.10.0)",
                        "PEER_IP_FRR", ipv4Pair, "PEER_IP_METALLB", "169.254.10.1", "PEER_IP_PREFIX", "32"),
                row("mtuUnder1280WithIpv6Peering", "INTERFACE_MTU=\"1279\" is invalid: expected an MTU in 1280..65535",
                        "INTERFACE_MTU", "1279"),
                row("mtuUnder68WithIpv4Peering", "expected an MTU in 68..65535", "INTERFACE_MTU", "67",
                        "PEER_IP_FRR", ipv4Pair, "PEER_IP_METALLB", "169.254.10.1", "PEER_IP_PREFIX", "31"),
                row("mtuOver65535", "INTERFACE_MTU=\"65536\" is invalid", "INTERFACE_MTU", "65536"),
                row("mtuNotANumber", "INTERFACE_MTU=\"9k\" is invalid", "INTERFACE_MTU", "9k"),
                row("bfdNotABoolean", "ENABLE_BFD=\"yes\" is invalid: expected true or false", "ENABLE_BFD", "yes"),
                row("gracefulRestartNotABoolean", "ENABLE_GRACEFUL_RESTART=\"1\" is invalid",
                        "ENABLE_GRACEFUL_RESTART", "1"),
                row("fabricKeepaliveAloneOverAThirdOfTheDefaultHold", "FABRIC_KEEPALIVE_SECONDS=\"2\" is invalid: expected"
                        + " at most a third of FABRIC_HOLD_SECONDS (3 s, so at most 1)", "FABRIC_KEEPALIVE_SECONDS", "2"),
                row("metallbKeepaliveWithoutHold", "METALLB_HOLD_SECONDS is not set", "METALLB_KEEPALIVE_SECONDS", "3"),
                row("holdUnder3", "FABRIC_HOLD_SECONDS=\"2\" is invalid: expected a hold time in seconds, 3..65535",
                        "FABRIC_KEEPALIVE_SECONDS", "1", "FABRIC_HOLD_SECONDS", "2"),
                row("holdOver65535", "METALLB_HOLD_SECONDS=\"65536\" is invalid", "METALLB_KEEPALIVE_SECONDS", "1",
                        "METALLB_HOLD_SECONDS", "65536"),
                row("keepaliveZero", "FABRIC_KEEPALIVE_SECONDS=\"0\" is invalid: expected a keepalive interval",
                        "FABRIC_KEEPALIVE_SECONDS", "0", "FABRIC_HOLD_SECONDS", "9"),
                row("keepaliveOverAThirdOfHold", "FABRIC_KEEPALIVE_SECONDS=\"4\" is invalid: expected at most a third of"
                        + " FABRIC_HOLD_SECONDS (9 s, so at most 3)", "FABRIC_KEEPALIVE_SECONDS", "4", "FABRIC_HOLD_SECONDS", "9"),
                row("keepaliveNotANumber", "METALLB_KEEPALIVE_SECONDS=\"3s\" is invalid", "METALLB_KEEPALIVE_SECONDS", "3s",
                        "METALLB_HOLD_SECONDS", "9"),
                row("bfdReceiveUnder10", "BFD_RECEIVE_INTERVAL_MS=\"9\" is invalid: expected milliseconds, 10..60000",
                        "BFD_RECEIVE_INTERVAL_MS", "9"),
                row("bfdTransmitOver60000", "BFD_TRANSMIT_INTERVAL_MS=\"60001\" is invalid", "BFD_TRANSMIT_INTERVAL_MS", "60001"),
                row("bfdMultiplierUnder2", "BFD_DETECT_MULTIPLIER=\"1\" is invalid: expected missed packets before BFD"
                        + " declares a peer down, 2..255", "BFD_DETECT_MULTIPLIER", "1"),
                row("bfdMultiplierOver255", "BFD_DETECT_MULTIPLIER=\"256\" is invalid", "BFD_DETECT_MULTIPLIER", "256"),
                row("profileUnknown", "FRR_PROFILE=\"dc\" is invalid: expected datacenter or traditional",
                        "FRR_PROFILE", "dc"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void rejectsBrokenRuleNamingItAndTouchesNothing(String rule, Map<String, String> changes, String expected,
            @TempDir Path tmp) throws Exception {
        Map<String, String> env = validEnv();
        changes.forEach((k, v) -> {
            if (v == null) {
                env.remove(k);
            } else {
                env.put(k, v);
            }
        });

        ConfigurationException error = assertThrows(ConfigurationException.class, () -> ConfigParser.parse(env));
        assertTrue(error.getMessage().contains(expected), () -> rule + ": message was\n" + error.getMessage());

        FakeHost host = new FakeHost(tmp).port("fab0", "02:00:00:00:01:01", 9000, true).env(env);
        assertEquals(2, host.run("run", "--once"), rule + ": exit status");
        assertEquals(java.util.List.of(), host.calls(), rule + ": commands run on the host");
        assertFalse(Files.exists(host.confDir().resolve("frr.conf")), rule + ": frr.conf written");
    }

    @org.junit.jupiter.api.Test
    void reportsEveryBrokenVariableInOneRun() {
        Map<String, String> env = validEnv();
        env.put("NODE_IP", "x");
        env.put("ASN_LOCAL", "y");
        env.put("ENABLE_BFD", "maybe");
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> ConfigParser.parse(env));
        assertEquals(3, error.errors().size(), error.getMessage());
        assertEquals(java.util.List.of("NODE_IP", "ASN_LOCAL", "ENABLE_BFD"),
                error.errors().stream().map(ConfigError::key).toList());
    }
}
