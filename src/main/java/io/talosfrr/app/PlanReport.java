// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.app;

import io.talosfrr.config.NodeConfig;
import io.talosfrr.config.Secret;
import io.talosfrr.frr.FrrFiles;
import io.talosfrr.net.FabricPorts;
import io.talosfrr.net.HostState;
import io.talosfrr.net.IpCommand;
import io.talosfrr.net.NodeAddressCheck;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

/** Prints what `run` would do, in the order it would do it, for `talos-frr plan`. */
public final class PlanReport {

    private final PrintStream out;

    public PlanReport(PrintStream out) {
        this.out = out;
    }

    public void print(@ExchangeProperty("config") NodeConfig config,
            @ExchangeProperty("configWarnings") List<String> configWarnings,
            @ExchangeProperty("hostState") HostState host, @ExchangeProperty("ports") FabricPorts ports,
            @ExchangeProperty("mtu") int mtu, @ExchangeProperty("rendered") FrrFiles.Rendered rendered,
            @Body List<IpCommand> commands) {
        StringBuilder text = new StringBuilder();
        List<String> warnings = new ArrayList<>(configWarnings);
        NodeAddressCheck.warning(config, host).ifPresent(warnings::add);
        warnings.forEach(w -> text.append("# warning: ").append(w).append('\n'));
        text.append("# fabric ports: ").append(String.join(", ", ports.names()));
        if (!ports.missing().isEmpty()) {
            text.append(" (not found: ").append(String.join(", ", ports.missing())).append(')');
        }
        text.append("\n# veth MTU: ").append(mtu).append('\n');
        text.append("# ip commands (").append(commands.size()).append(commands.isEmpty() ? ": host already matches)\n" : ")\n");
        for (IpCommand command : commands) {
            text.append(command.commandLine()).append('\n');
        }
        section(text, "frr.conf", Secret.redact(rendered.frrConf()));
        section(text, "daemons", rendered.daemons());
        section(text, "vtysh.conf", rendered.vtyshConf());
        out.print(text);
        out.flush();
    }

    private static void section(StringBuilder text, String name, String content) {
        text.append("\n# ---- ").append(name).append(" ----\n").append(content);
        if (!content.endsWith("\n")) {
            text.append('\n');
        }
    }
}
