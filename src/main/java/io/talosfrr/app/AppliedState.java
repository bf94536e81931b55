// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.app;

import io.talosfrr.config.NodeConfig;
import io.talosfrr.net.FabricPorts;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/**
 * The configuration that last applied in full (boot or live change): what a failed apply goes back
 * to, and, the one place it is set, what health, metrics and the MBean expect. The routes call
 * {@link #remember} as the last step of a successful apply only, so a change FRR rejected never
 * becomes the expected state.
 */
public final class AppliedState {

    private record Applied(NodeConfig config, FabricPorts ports, int mtu) {
    }

    private final AtomicReference<Applied> last = new AtomicReference<>();
    private final BiConsumer<NodeConfig, FabricPorts> onApplied;

    public AppliedState(BiConsumer<NodeConfig, FabricPorts> onApplied) {
        this.onApplied = onApplied;
    }

    public void remember(@ExchangeProperty("config") NodeConfig config, @ExchangeProperty("ports") FabricPorts ports,
            @ExchangeProperty("mtu") int mtu) {
        last.set(new Applied(config, ports, mtu));
        onApplied.accept(config, ports);
    }

    /** Puts the last applied config, ports and MTU back on the exchange, for the network steps to restore. */
    public void recall(Exchange exchange) {
        Applied applied = last.get();
        if (applied == null) {
            throw new IllegalStateException("no configuration has applied yet");
        }
        exchange.setProperty("config", applied.config());
        exchange.setProperty("ports", applied.ports());
        exchange.setProperty("mtu", applied.mtu());
    }
}
