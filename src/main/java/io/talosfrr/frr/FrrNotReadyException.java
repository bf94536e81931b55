// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frr;

/** Some expected FRR daemon does not answer yet; retried by the wait-for-frr policy. */
public class FrrNotReadyException extends RuntimeException {

    public FrrNotReadyException(String message) {
        super(message);
    }
}
