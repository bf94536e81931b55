// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frr;

import io.talosfrr.config.FrrDaemonSet;
import io.talosfrr.config.NodeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.ExchangeProperty;

/**
 * Which FRR daemons this node runs: those {@link FrrDaemonSet} decides, and mgmtd where the
 * installed FRR has it (9.0 and later), found by looking in the daemon directory.
 */
public final class FrrDaemons {

    private final Path daemonDir;
    private final List<Path> stateDirs;
    private final FrrFiles files;

    public FrrDaemons(Path daemonDir, List<Path> stateDirs, FrrFiles files) {
        this.daemonDir = daemonDir;
        this.stateDirs = List.copyOf(stateDirs);
        this.files = files;
    }

    public List<String> expected(NodeConfig config) {
        List<String> daemons = new ArrayList<>();
        if (Files.isExecutable(daemonDir.resolve("mgmtd"))) {
            daemons.add("mgmtd");
        }
        daemons.add(FrrDaemonSet.ALWAYS);
        FrrDaemonSet.switchable(config).forEach((daemon, on) -> {
            if (on) {
                daemons.add(daemon);
            }
        });
        return daemons;
    }

    public String expectedList(@ExchangeProperty("config") NodeConfig config) {
        return String.join(", ", expected(config));
    }

    public void prepareDirectories() throws IOException {
        files.prepareDirectories(stateDirs);
    }
}
