// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.net;

/** A resolved fabric port: the interface BGP peers over, with its MAC and current MTU. */
public record FabricPort(String name, String mac, int mtu) {
}
