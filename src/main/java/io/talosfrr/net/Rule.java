// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.net;

import java.net.InetAddress;

/** One policy routing rule, reduced to what the product matches on: destination and table. */
public record Rule(InetAddress to, int toPrefix, String table) {
}
