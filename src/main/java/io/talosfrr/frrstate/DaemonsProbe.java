// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frrstate;

import io.talosfrr.config.NodeConfig;
import io.talosfrr.frr.FrrDaemons;
import io.talosfrr.frr.FrrNotReadyException;
import java.time.Clock;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/** The start-up wait's look (await-frr-daemons): do all the daemons this node runs answer `show daemons`? */
public final class DaemonsProbe {

    private final FrrDaemons daemons;
    private final Clock clock;

    public DaemonsProbe(FrrDaemons daemons, Clock clock) {
        this.daemons = daemons;
        this.clock = clock;
    }

    /** Sets 'conditionMet' when every expected daemon answers, and 'missingDaemons' to those that do not. */
    public void probe(@ExchangeProperty("config") NodeConfig config, @Body String showDaemons, Exchange exchange) {
        FrrSnapshot snapshot = FrrStateParser.parse(showDaemons, "", clock.instant());
        List<String> missing = daemons.expected(config).stream().filter(d -> !snapshot.daemons().contains(d)).toList();
        exchange.setProperty("missingDaemons", missing);
        exchange.setProperty("conditionMet", missing.isEmpty());
    }

    /** After the last look: fails naming every expected daemon that never answered. */
    public void requireReady(@ExchangeProperty("missingDaemons") List<String> missing) {
        if (missing != null && !missing.isEmpty()) {
            throw new FrrNotReadyException("FRR daemons not answering: " + String.join(", ", missing));
        }
    }
}
