// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.config;

import static io.talosfrr.config.EnvKeys.*;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the environment into a {@link NodeConfig}, or throws {@link ConfigurationException} listing
 * every broken variable at once. Reads only the map it is given, and the password files it names.
 */
public final class ConfigParser {

    static final long DEFAULT_ASN_VRF_METALLB = 4_000_099_998L;
    static final long DEFAULT_ASN_METALLB_SPEAKER = 4_000_099_999L;
    static final String DEFAULT_VRF = "metallb";
    static final long DEFAULT_TABLE = 88;
    static final String DEFAULT_PEER_IP_FRR = "fda1:b2c3:d4e5:1::0";
    static final String DEFAULT_PEER_IP_METALLB = "fda1:b2c3:d4e5:1::1";
    static final int DEFAULT_PREFIX = 127;

    private static final Set<Long> RESERVED_TABLES = Set.of(253L, 254L, 255L);
    private static final Set<String> RESERVED_VRF_NAMES = Set.of("default", "lo", NodeConfig.VETH_FRR,
            NodeConfig.VETH_METALLB);

    private final Map<String, String> env;
    private final List<ConfigError> errors = new ArrayList<>();

    private ConfigParser(Map<String, String> env) {
        this.env = env;
    }

    public static NodeConfig parse(Map<String, String> env) {
        return new ConfigParser(env).build();
    }

    private NodeConfig build() {
        Inet4Address nodeIp = unicast(NODE_IP, required(NODE_IP, Grammar::ipv4,
                "an IPv4 address such as 10.0.0.10 (the BGP router-id)"));
        Long asnLocal = required(ASN_LOCAL, Grammar::asn, asnRule());
        FabricSelector fabric = fabric();
        Long asnVrf = optional(ASN_VRF_METALLB, DEFAULT_ASN_VRF_METALLB, Grammar::asn, asnRule());
        Long asnSpeaker = optional(ASN_METALLB_SPEAKER, DEFAULT_ASN_METALLB_SPEAKER, Grammar::asn, asnRule());
        String vrf = optional(VRF_METALLB, DEFAULT_VRF, this::vrfName, ifNameRule()
                + ", and not one of " + String.join(", ", RESERVED_VRF_NAMES.stream().sorted().toList()));
        Long table = optional(METALLB_VRF_ROUTE_TABLE_ID, DEFAULT_TABLE,
                t -> Grammar.unsigned(t, 1, Grammar.MAX_ASN).filter(v -> !RESERVED_TABLES.contains(v)),
                "a kernel table number 1..4294967295, not 253, 254 or 255 (default, main, local)");
        InetAddress peerFrr = unicast(PEER_IP_FRR, optional(PEER_IP_FRR, null, Grammar::ip, "an IPv4 or IPv6 address"));
        InetAddress peerSpeaker = unicast(PEER_IP_METALLB,
                optional(PEER_IP_METALLB, null, Grammar::ip, "an IPv4 or IPv6 address"));
        boolean peerFrrSet = present(PEER_IP_FRR);
        boolean peerSpeakerSet = present(PEER_IP_METALLB);
        if (!peerFrrSet && !peerSpeakerSet) {
            peerFrr = Grammar.ip(DEFAULT_PEER_IP_FRR).orElseThrow();
            peerSpeaker = Grammar.ip(DEFAULT_PEER_IP_METALLB).orElseThrow();
        } else if (peerFrrSet != peerSpeakerSet) {
            String missing = peerFrrSet ? PEER_IP_METALLB : PEER_IP_FRR;
            errors.add(new ConfigError(missing, null, "set PEER_IP_FRR and PEER_IP_METALLB together (or neither, for "
                    + DEFAULT_PEER_IP_FRR + " / " + DEFAULT_PEER_IP_METALLB + ")"));
            peerFrr = null;
        }
        Integer prefix = peerPrefix(peerFrr, peerSpeaker);
        OptionalInt mtu = mtu(peerFrr);
        Boolean bfd = optional(ENABLE_BFD, true, ConfigParser::bool, "true or false");
        Boolean gracefulRestart = optional(ENABLE_GRACEFUL_RESTART, true, ConfigParser::bool, "true or false");
        FrrProfile profile = optional(FRR_PROFILE, FrrProfile.DATACENTER, ConfigParser::profile,
                "datacenter or traditional");
        BgpTimers fabricTimers = bgpTimers(FABRIC_KEEPALIVE_SECONDS, FABRIC_HOLD_SECONDS, BgpTimers.FABRIC_DEFAULT)
                .orElse(BgpTimers.FABRIC_DEFAULT);
        Optional<BgpTimers> metallbTimers = bgpTimers(METALLB_KEEPALIVE_SECONDS, METALLB_HOLD_SECONDS, null);
        BfdTimers bfdTimers = bfdTimers();
        Optional<Secret> fabricPassword = password(FABRIC_PASSWORD_FILE);
        Optional<Secret> metallbPassword = password(METALLB_PASSWORD_FILE);
        if (asnVrf != null && asnSpeaker != null && asnVrf.equals(asnSpeaker)) {
            errors.add(new ConfigError(ASN_METALLB_SPEAKER, env.get(ASN_METALLB_SPEAKER),
                    "an AS different from ASN_VRF_METALLB (" + asnVrf + "): the speaker session is eBGP"));
        }
        if (!errors.isEmpty()) {
            throw new ConfigurationException(errors);
        }
        return new NodeConfig(nodeIp, asnLocal, fabric, asnVrf, asnSpeaker, vrf, table, peerFrr, peerSpeaker,
                prefix, mtu, bfd, gracefulRestart, profile, fabricTimers, metallbTimers, bfdTimers, fabricPassword,
                metallbPassword);
    }

    /** The address itself when a host can own it; null, with an error naming the setting, when not. */
    private <A extends InetAddress> A unicast(String key, A address) {
        if (address == null) {
            return null;
        }
        Optional<String> kind = Grammar.notUnicast(address);
        if (kind.isPresent()) {
            errors.add(new ConfigError(key, env.get(key), "a unicast address a host can own; "
                    + Addresses.text(address) + " is " + kind.get()));
            return null;
        }
        return address;
    }

    private FabricSelector fabric() {
        boolean macs = present(FE_MACS);
        boolean names = present(FE_PORT_NAMES);
        if (macs == names) {
            String why = macs ? "only one of FE_MACS and FE_PORT_NAMES to be set, not both"
                    : "set FE_MACS (fabric port MACs) or FE_PORT_NAMES (interface names)";
            errors.add(new ConfigError(FE_MACS, macs ? env.get(FE_MACS) : null, why));
            return null;
        }
        String key = macs ? FE_MACS : FE_PORT_NAMES;
        String raw = env.get(key);
        List<String> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String part : raw.split(",", -1)) {
            String item = part.strip();
            boolean valid = macs ? Grammar.isMac(item) : Grammar.isIfName(item);
            if (!valid) {
                errors.add(new ConfigError(key, raw, macs
                        ? "comma-separated MAC addresses like 0c:42:a1:00:00:01; " + describe(item) + " is not one"
                        : "comma-separated interface names (" + ifNameRule() + "); " + describe(item) + " is not one"));
                return null;
            }
            String normal = macs ? item.toLowerCase(Locale.ROOT) : item;
            if (!seen.add(normal)) {
                errors.add(new ConfigError(key, raw, "each port once; " + normal + " is listed twice"));
                return null;
            }
            items.add(normal);
        }
        return macs ? new FabricSelector.ByMac(items) : new FabricSelector.ByName(items);
    }

    /**
     * A session class's timers (empty when unset or wrong). With a default, either may be set alone;
     * without one (the FRR profile decides), both or neither.
     */
    private Optional<BgpTimers> bgpTimers(String keepaliveKey, String holdKey, BgpTimers fallback) {
        if (!present(keepaliveKey) && !present(holdKey)) {
            return Optional.empty();
        }
        if (fallback == null && present(keepaliveKey) != present(holdKey)) {
            String missing = present(keepaliveKey) ? holdKey : keepaliveKey;
            errors.add(new ConfigError(missing, null, "set " + keepaliveKey + " and " + holdKey + " together"));
            return Optional.empty();
        }
        Long hold = optional(holdKey, fallback == null ? null : (long) fallback.holdSeconds(),
                t -> Grammar.unsigned(t, BgpTimers.MIN_HOLD, BgpTimers.MAX),
                "a hold time in seconds, " + BgpTimers.MIN_HOLD + ".." + BgpTimers.MAX);
        Long keepalive = optional(keepaliveKey, fallback == null ? null : (long) fallback.keepaliveSeconds(),
                t -> Grammar.unsigned(t, 1, BgpTimers.MAX),
                "a keepalive interval in seconds, 1.." + BgpTimers.MAX);
        if (hold == null || keepalive == null) {
            return Optional.empty();
        }
        if (keepalive > hold / 3) {
            errors.add(new ConfigError(keepaliveKey, env.get(keepaliveKey), "at most a third of " + holdKey + " ("
                    + hold + " s, so at most " + hold / 3 + "): FRR would send keepalives that often anyway"));
            return Optional.empty();
        }
        return Optional.of(new BgpTimers(keepalive.intValue(), hold.intValue()));
    }

    private BfdTimers bfdTimers() {
        BfdTimers d = BfdTimers.FRR_DEFAULT;
        String interval = "milliseconds, " + BfdTimers.MIN_INTERVAL_MS + ".." + BfdTimers.MAX_INTERVAL_MS;
        Long receive = optional(BFD_RECEIVE_INTERVAL_MS, (long) d.receiveIntervalMs(),
                t -> Grammar.unsigned(t, BfdTimers.MIN_INTERVAL_MS, BfdTimers.MAX_INTERVAL_MS), interval);
        Long transmit = optional(BFD_TRANSMIT_INTERVAL_MS, (long) d.transmitIntervalMs(),
                t -> Grammar.unsigned(t, BfdTimers.MIN_INTERVAL_MS, BfdTimers.MAX_INTERVAL_MS), interval);
        Long multiplier = optional(BFD_DETECT_MULTIPLIER, (long) d.detectMultiplier(),
                t -> Grammar.unsigned(t, BfdTimers.MIN_MULTIPLIER, BfdTimers.MAX_MULTIPLIER),
                "missed packets before BFD declares a peer down, " + BfdTimers.MIN_MULTIPLIER + ".." + BfdTimers.MAX_MULTIPLIER);
        if (receive == null || transmit == null || multiplier == null) {
            return d;
        }
        return new BfdTimers(receive.intValue(), transmit.intValue(), multiplier.intValue());
    }

    /** The password in the file the setting names; never quoted in an error, only the path is. */
    private Optional<Secret> password(String key) {
        if (!present(key)) {
            return Optional.empty();
        }
        String raw = env.get(key);
        String expected = "the absolute path of a file holding the password";
        if (!Grammar.isAbsolutePath(raw)) {
            errors.add(new ConfigError(key, raw, expected));
            return Optional.empty();
        }
        PasswordFile.Read read = PasswordFile.read(Path.of(raw));
        if (read instanceof PasswordFile.Read.Problem problem) {
            errors.add(new ConfigError(key, raw, expected + "; " + problem.why()));
            return Optional.empty();
        }
        return Optional.of(((PasswordFile.Read.Password) read).secret());
    }

    private Optional<String> vrfName(String text) {
        return Grammar.isIfName(text) && !RESERVED_VRF_NAMES.contains(text) ? Optional.of(text) : Optional.empty();
    }

    private Integer peerPrefix(InetAddress frr, InetAddress speaker) {
        int max = frr instanceof Inet4Address ? 32 : 128;
        Long prefix = optional(PEER_IP_PREFIX, (long) DEFAULT_PREFIX, t -> Grammar.unsigned(t, 1, 128),
                "a prefix length, at most 32 for IPv4 and 128 for IPv6 peering");
        if (frr == null || speaker == null || prefix == null) {
            return null;
        }
        if (frr.getClass() != speaker.getClass()) {
            errors.add(new ConfigError(PEER_IP_METALLB, env.get(PEER_IP_METALLB),
                    "the same address family as PEER_IP_FRR (" + Addresses.text(frr) + ")"));
            return null;
        }
        if (!present(PEER_IP_PREFIX) && frr instanceof Inet4Address) {
            errors.add(new ConfigError(PEER_IP_PREFIX, null,
                    "a prefix length (e.g. 31) when the peering addresses are IPv4; the default 127 is IPv6-only"));
            return null;
        }
        if (prefix > max) {
            errors.add(new ConfigError(PEER_IP_PREFIX, env.get(PEER_IP_PREFIX),
                    "at most " + max + " for " + (max == 32 ? "IPv4" : "IPv6") + " peering addresses"));
            return null;
        }
        if (frr.equals(speaker)) {
            errors.add(new ConfigError(PEER_IP_METALLB, env.get(PEER_IP_METALLB),
                    "an address different from PEER_IP_FRR"));
            return null;
        }
        if (!Grammar.samePrefix(frr, speaker, prefix.intValue())) {
            errors.add(new ConfigError(PEER_IP_PREFIX, String.valueOf(prefix), "a prefix that holds both PEER_IP_FRR ("
                    + Addresses.text(frr) + ") and PEER_IP_METALLB (" + Addresses.text(speaker) + ")"));
            return null;
        }
        return prefix.intValue();
    }

    private OptionalInt mtu(InetAddress peerFrr) {
        int min = peerFrr instanceof Inet6Address ? 1280 : 68;
        Long mtu = optional(INTERFACE_MTU, null, t -> Grammar.unsigned(t, min, 65535),
                "an MTU in " + min + "..65535" + (min == 1280 ? " (IPv6 peering needs at least 1280)" : ""));
        return mtu == null ? OptionalInt.empty() : OptionalInt.of(mtu.intValue());
    }

    private static Optional<Boolean> bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    private static Optional<FrrProfile> profile(String text) {
        for (FrrProfile p : FrrProfile.values()) {
            if (p.keyword().equals(text)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private boolean present(String key) {
        String value = env.get(key);
        return value != null && !value.isBlank();
    }

    private <T> T required(String key, Function<String, Optional<T>> grammar, String expected) {
        if (!present(key)) {
            errors.add(new ConfigError(key, null, expected));
            return null;
        }
        return optional(key, null, grammar, expected);
    }

    private <T> T optional(String key, T fallback, Function<String, Optional<T>> grammar, String expected) {
        if (!present(key)) {
            return fallback;
        }
        String raw = env.get(key);
        Optional<T> value = grammar.apply(raw);
        if (value.isEmpty()) {
            errors.add(new ConfigError(key, raw, expected));
            return null;
        }
        return value.get();
    }

    private static String asnRule() {
        return "an AS number 1..4294967295 (asplain, or asdot like 65000.1)";
    }

    private static String ifNameRule() {
        return "1..15 of letters, digits, '_', '.', '-'";
    }

    private static String describe(String item) {
        return item.isEmpty() ? "an empty item" : ConfigError.quote(item);
    }
}
