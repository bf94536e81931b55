// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Addresses print as ip and FRR print them (RFC 5952), so outputs compare as text. */
class AddressesTest {

    @ParameterizedTest
    @CsvSource({
            "fda1:b2c3:d4e5:1:0:0:0:0, fda1:b2c3:d4e5:1::",
            "fda1:b2c3:d4e5:1::1, fda1:b2c3:d4e5:1::1",
            "0:0:0:0:0:0:0:1, ::1",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
            "fe80:0:0:0:0:0:0:0, fe80::",
            "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
            "10.0.0.10, 10.0.0.10"})
    void printsTheCanonicalForm(String input, String expected) throws Exception {
        InetAddress address = InetAddress.getByName(input.contains(":") ? "[" + input + "]" : input);
        assertEquals(expected, Addresses.text(address));
    }
}
