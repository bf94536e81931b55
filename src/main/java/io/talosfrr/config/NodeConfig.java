// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.config;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The node's validated configuration. Built only by {@link ConfigParser}; everything downstream
 * trusts it. Names are ifname-safe, numbers in range, addresses of one family.
 */
public record NodeConfig(
        Inet4Address nodeIp,
        long asnLocal,
        FabricSelector fabric,
        long asnVrfMetallb,
        long asnMetallbSpeaker,
        String vrfName,
        long routeTableId,
        InetAddress peerIpFrr,
        InetAddress peerIpMetallb,
        int peerPrefix,
        OptionalInt mtu,
        boolean bfd,
        boolean gracefulRestart,
        FrrProfile profile,
        BgpTimers fabricTimers,
        Optional<BgpTimers> metallbTimers,
        BfdTimers bfdTimers,
        Optional<Secret> fabricPassword,
        Optional<Secret> metallbPassword) {

    public static final String VETH_FRR = "veth-frr";
    public static final String VETH_METALLB = "veth-metallb";

    public boolean ipv6Peering() {
        return peerIpFrr instanceof Inet6Address;
    }
}
