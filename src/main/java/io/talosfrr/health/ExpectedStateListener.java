// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.health;

import io.talosfrr.config.NodeConfig;
import io.talosfrr.frr.FrrDaemons;
import io.talosfrr.net.FabricPorts;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Learns the expected state from the routes without a step in them: an exchange that completes
 * without error carrying both 'config' (load-config) and 'ports' (resolve-fabric-ports) is an
 * applied configuration - the boot, or a live change that re-runs those steps.
 */
public final class ExpectedStateListener extends EventNotifierSupport {

    private final ExpectedStateStore store;
    private final FrrDaemons daemons;
    private final Clock clock;

    public ExpectedStateListener(ExpectedStateStore store, FrrDaemons daemons, Clock clock) {
        this.store = store;
        this.daemons = daemons;
        this.clock = clock;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeCompletedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((CamelEvent.ExchangeCompletedEvent) event).getExchange();
        if (exchange.isFailed()
                || !(exchange.getProperty("config") instanceof NodeConfig config)
                || !(exchange.getProperty("ports") instanceof FabricPorts ports)) {
            return;
        }
        store.update(ExpectedState.of(config, ports.names(), daemons.expected(config), clock.instant()));
    }
}
