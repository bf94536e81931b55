// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The environment variables that describe the node (docs/design.md, "Configuration"). */
public final class EnvKeys {
    public static final String NODE_IP = "NODE_IP";
    public static final String ASN_LOCAL = "ASN_LOCAL";
    public static final String FE_MACS = "FE_MACS";
    public static final String FE_PORT_NAMES = "FE_PORT_NAMES";
    public static final String ASN_VRF_METALLB = "ASN_VRF_METALLB";
    public static final String ASN_METALLB_SPEAKER = "ASN_METALLB_SPEAKER";
    public static final String VRF_METALLB = "VRF_METALLB";
    public static final String METALLB_VRF_ROUTE_TABLE_ID = "METALLB_VRF_ROUTE_TABLE_ID";
    public static final String PEER_IP_FRR = "PEER_IP_FRR";
    public static final String PEER_IP_METALLB = "PEER_IP_METALLB";
    public static final String PEER_IP_PREFIX = "PEER_IP_PREFIX";
    public static final String INTERFACE_MTU = "INTERFACE_MTU";
    public static final String ENABLE_BFD = "ENABLE_BFD";
    public static final String ENABLE_GRACEFUL_RESTART = "ENABLE_GRACEFUL_RESTART";
    public static final String FRR_PROFILE = "FRR_PROFILE";
    public static final String FABRIC_KEEPALIVE_SECONDS = "FABRIC_KEEPALIVE_SECONDS";
    public static final String FABRIC_HOLD_SECONDS = "FABRIC_HOLD_SECONDS";
    public static final String METALLB_KEEPALIVE_SECONDS = "METALLB_KEEPALIVE_SECONDS";
    public static final String METALLB_HOLD_SECONDS = "METALLB_HOLD_SECONDS";
    public static final String BFD_RECEIVE_INTERVAL_MS = "BFD_RECEIVE_INTERVAL_MS";
    public static final String BFD_TRANSMIT_INTERVAL_MS = "BFD_TRANSMIT_INTERVAL_MS";
    public static final String BFD_DETECT_MULTIPLIER = "BFD_DETECT_MULTIPLIER";
    public static final String FABRIC_PASSWORD_FILE = "FABRIC_PASSWORD_FILE";
    public static final String METALLB_PASSWORD_FILE = "METALLB_PASSWORD_FILE";

    public static final List<String> ALL = List.of(NODE_IP, ASN_LOCAL, FE_MACS, FE_PORT_NAMES, ASN_VRF_METALLB,
            ASN_METALLB_SPEAKER, VRF_METALLB, METALLB_VRF_ROUTE_TABLE_ID, PEER_IP_FRR, PEER_IP_METALLB,
            PEER_IP_PREFIX, INTERFACE_MTU, ENABLE_BFD, ENABLE_GRACEFUL_RESTART, FRR_PROFILE, FABRIC_KEEPALIVE_SECONDS,
            FABRIC_HOLD_SECONDS, METALLB_KEEPALIVE_SECONDS, METALLB_HOLD_SECONDS, BFD_RECEIVE_INTERVAL_MS,
            BFD_TRANSMIT_INTERVAL_MS, BFD_DETECT_MULTIPLIER, FABRIC_PASSWORD_FILE, METALLB_PASSWORD_FILE);

    /** The settings that name a file holding a secret. */
    public static final List<String> PASSWORD_FILES = List.of(FABRIC_PASSWORD_FILE, METALLB_PASSWORD_FILE);

    /** Runtime settings (paths, ports) share the environment under this prefix. */
    public static final String SETTINGS_PREFIX = "TALOSFRR_";

    private EnvKeys() {
    }

    /** Whether this program reads the key: a setting above, or a runtime setting. */
    public static boolean known(String key) {
        return ALL.contains(key) || key.startsWith(SETTINGS_PREFIX);
    }

    /**
     * The known key an unknown one was most likely meant to be: the closest by edits (a swap of two
     * neighbours counts as one, so ENABLE_BDF finds ENABLE_BFD), if at most three edits away.
     */
    public static Optional<String> nearest(String unknown) {
        String best = null;
        int bestDistance = 4;
        String upper = unknown.toUpperCase(Locale.ROOT);
        for (String key : ALL) {
            int d = editDistance(upper, key);
            if (d < bestDistance) {
                best = key;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    private static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
