// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frr;

import org.apache.camel.RuntimeCamelException;

/** A command killed because the entrypoint is stopping; not an ExecException, so no route retries it. */
public final class CommandInterruptedException extends RuntimeCamelException {

    private static final long serialVersionUID = 1L;

    public CommandInterruptedException(String message) {
        super(message);
    }
}
