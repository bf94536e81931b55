// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.support;

import io.talosfrr.frrstate.FrrSnapshot;
import io.talosfrr.frrstate.FrrStateParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Loads src/test/resources/fixtures/frr/<version>/<case>/ as vtysh prints it to observe-frr. */
public final class FrrFixtures {

    public static final Path ROOT = Path.of("src/test/resources/fixtures/frr");
    public static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private FrrFixtures() {
    }

    /** Every FRR version recorded here (one directory each), for tests that run on all of them. */
    public static List<String> versions() {
        try (var dirs = Files.list(ROOT)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer of the one call: show daemons, then the BGP summary, then the BFD peers, back to back. */
    public static String vtyshOutput(String version, String situation) {
        Path dir = ROOT.resolve(version).resolve(situation);
        StringBuilder out = new StringBuilder();
        for (String file : List.of("show-daemons.txt", "show-bgp-vrf-all-summary.json", "show-bfd-peers.json")) {
            out.append(read(dir.resolve(file)));
        }
        return out.toString();
    }

    public static FrrSnapshot snapshot(String version, String situation, Instant takenAt) {
        return FrrStateParser.parse(vtyshOutput(version, situation), "", takenAt);
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
