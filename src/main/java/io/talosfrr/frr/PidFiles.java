// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frr;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The pid each FRR daemon wrote to `<run-dir>/<daemon>.pid`: a file read, no process started. */
public final class PidFiles {

    private final Path runDir;

    public PidFiles(Path runDir) {
        this.runDir = runDir;
    }

    /** The file DAEMON writes its pid to. */
    public Path file(String daemon) {
        return runDir.resolve(daemon + ".pid");
    }

    /** DAEMON's pid, when its file is there and holds one. */
    public Optional<Long> of(String daemon) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file(daemon)).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public Map<String, Long> read() {
        Map<String, Long> pids = new TreeMap<>();
        if (!Files.isDirectory(runDir)) {
            return pids;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(runDir, "*.pid")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String daemon = name.substring(0, name.length() - ".pid".length());
                // Empty while a starting daemon rewrites it: read it next time.
                of(daemon).ifPresent(pid -> pids.put(daemon, pid));
            }
        } catch (IOException e) {
            // The run directory went away (FRR stopped): no pids.
        }
        return pids;
    }
}
