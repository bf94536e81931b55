// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.config;

import java.util.List;

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

    public static final List<String> ALL = List.of(NODE_IP, ASN_LOCAL, FE_MACS, FE_PORT_NAMES, ASN_VRF_METALLB,
            ASN_METALLB_SPEAKER, VRF_METALLB, METALLB_VRF_ROUTE_TABLE_ID, PEER_IP_FRR, PEER_IP_METALLB,
            PEER_IP_PREFIX, INTERFACE_MTU, ENABLE_BFD, ENABLE_GRACEFUL_RESTART, FRR_PROFILE);

    /** Runtime settings (paths, ports) share the environment under this prefix. */
    public static final String SETTINGS_PREFIX = "TALOSFRR_";

    private EnvKeys() {
    }
}
