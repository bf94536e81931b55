// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.app;

import io.talosfrr.config.NodeConfig;
import io.talosfrr.net.FabricPortResolver;
import io.talosfrr.net.FabricPorts;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/** Resolves the fabric ports and the MTU the veth pair gets; stores both on the exchange. */
public final class PortStep {

    private final FabricPortResolver resolver;
    private final Duration bootWait;

    public PortStep(FabricPortResolver resolver, Duration bootWait) {
        this.resolver = resolver;
        this.bootWait = bootWait;
    }

    /** Boot: waits for late NICs up to the configured bound. */
    public void resolve(@ExchangeProperty("config") NodeConfig config, Exchange exchange) {
        store(resolver.resolve(config.fabric(), bootWait), config, exchange);
    }

    /** Plan: one look, no waiting. */
    public void resolveOnce(@ExchangeProperty("config") NodeConfig config, Exchange exchange) {
        store(resolver.resolve(config.fabric(), Duration.ZERO), config, exchange);
    }

    private static void store(FabricPorts ports, NodeConfig config, Exchange exchange) {
        exchange.setProperty("ports", ports);
        exchange.setProperty("mtu", ports.effectiveMtu(config.mtu()));
    }
}
