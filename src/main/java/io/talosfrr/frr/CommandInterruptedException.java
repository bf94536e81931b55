// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frr;

import org.apache.camel.RuntimeCamelException;

/** A command that finished while the entrypoint stops: what came after it must not run. Not an ExecException, so no route retries it. */
public final class CommandInterruptedException extends RuntimeCamelException {

    private static final long serialVersionUID = 1L;

    public CommandInterruptedException(String message) {
        super(message);
    }
}
