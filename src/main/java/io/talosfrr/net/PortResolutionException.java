// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.net;

/** The fabric ports cannot be determined: none found, or a MAC that matches several ports. */
public class PortResolutionException extends RuntimeException {

    public PortResolutionException(String message) {
        super(message);
    }
}
