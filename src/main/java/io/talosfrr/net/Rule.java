// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.net;

import java.net.InetAddress;

/** One policy routing rule, reduced to what the product matches on: destination, table, and who added it. */
public record Rule(InetAddress to, int toPrefix, String table, String protocol) {

    public boolean v6() {
        return to.getAddress().length == 16;
    }
}
