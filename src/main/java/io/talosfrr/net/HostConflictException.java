// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.net;

/** The host holds an object under a name the product needs, but it is not ours to reuse or change. */
public class HostConflictException extends RuntimeException {

    public HostConflictException(String message) {
        super(message);
    }
}
