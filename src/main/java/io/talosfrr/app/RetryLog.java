// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.app;

import io.talosfrr.frr.ExecOutput;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.exec.ExecException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each retry of a failed command on one line: which command, what it said, which attempt. */
public final class RetryLog implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger("retry");

    @Override
    public void process(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        int attempt = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        int max = exchange.getIn().getHeader(Exchange.REDELIVERY_MAX_COUNTER, 0, Integer.class);
        String what = cause instanceof ExecException exec ? ExecOutput.describe(exec) : String.valueOf(cause);
        LOG.warn("retry: {}; retry {} of {}", what, attempt, max);
    }
}
