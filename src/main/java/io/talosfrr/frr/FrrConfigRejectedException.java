// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frr;

/** FRR's own parser refused a rendered configuration; nothing live was replaced. */
public class FrrConfigRejectedException extends RuntimeException {

    public FrrConfigRejectedException(String message) {
        super(message);
    }
}
