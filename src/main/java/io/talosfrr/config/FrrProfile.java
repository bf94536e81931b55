// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.config;

/** FRR's `frr defaults` profiles; the constant's keyword is what FRR reads. */
public enum FrrProfile {
    DATACENTER("datacenter"),
    TRADITIONAL("traditional");

    private final String keyword;

    FrrProfile(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
