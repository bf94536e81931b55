// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.config;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Strict parsers for the value grammars of docs/design.md, "Configuration". Each returns empty when the text
 * does not match, never a partial value; none of them resolves names through DNS.
 */
final class Grammar {

    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,11}");
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}");
    // Stricter than the kernel on purpose: these names are written into frr.conf and ip arguments.
    private static final Pattern IFNAME = Pattern.compile("[A-Za-z0-9_.-]{1,15}");

    private static final byte[] LIMITED_BROADCAST = {(byte) 255, (byte) 255, (byte) 255, (byte) 255};

    static final long MAX_ASN = 4_294_967_295L;

    private Grammar() {
    }

    static Optional<Long> unsigned(String text, long min, long max) {
        if (!DECIMAL.matcher(text).matches()) {
            return Optional.empty();
        }
        long value = Long.parseLong(text);
        return value >= min && value <= max ? Optional.of(value) : Optional.empty();
    }

    /** asplain (1..4294967295) or asdot (X.Y, each 0..65535), normalised to asplain. */
    static Optional<Long> asn(String text) {
        int dot = text.indexOf('.');
        if (dot < 0) {
            return unsigned(text, 1, MAX_ASN);
        }
        Optional<Long> high = unsigned(text.substring(0, dot), 0, 65535);
        Optional<Long> low = unsigned(text.substring(dot + 1), 0, 65535);
        if (high.isEmpty() || low.isEmpty()) {
            return Optional.empty();
        }
        long value = high.get() * 65536 + low.get();
        return value >= 1 ? Optional.of(value) : Optional.empty();
    }

    static Optional<Inet4Address> ipv4(String text) {
        if (!IPV4.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of((Inet4Address) InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** IPv4 dotted quad or an IPv6 literal without zone; IPv4-mapped IPv6 is refused as ambiguous. */
    static Optional<InetAddress> ip(String text) {
        if (text.indexOf(':') < 0) {
            return ipv4(text).map(a -> a);
        }
        if (!IPV6_CHARS.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            // The brackets make the JDK parse a literal or fail, never ask DNS.
            InetAddress parsed = InetAddress.getByName("[" + text + "]");
            return parsed instanceof Inet6Address ? Optional.of(parsed) : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * Why an address cannot be a node's or a peer's own: loopback, unspecified, multicast or the IPv4
     * limited broadcast; empty for an address a host can have and route.
     */
    static Optional<String> notUnicast(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        if (address instanceof Inet4Address && Arrays.equals(address.getAddress(), LIMITED_BROADCAST)) {
            return Optional.of("broadcast");
        }
        return Optional.empty();
    }

    /** An absolute path without control characters (it is shown in messages and logs). */
    static boolean isAbsolutePath(String text) {
        return text.startsWith("/") && text.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    static boolean isMac(String text) {
        return MAC.matcher(text).matches();
    }

    static boolean isIfName(String text) {
        return IFNAME.matcher(text).matches() && !text.equals(".") && !text.equals("..");
    }

    /** True when both addresses share their first {@code prefix} bits. */
    static boolean samePrefix(InetAddress a, InetAddress b, int prefix) {
        int bits = a.getAddress().length * 8;
        BigInteger x = new BigInteger(1, a.getAddress()).shiftRight(bits - prefix);
        BigInteger y = new BigInteger(1, b.getAddress()).shiftRight(bits - prefix);
        return x.equals(y);
    }
}
