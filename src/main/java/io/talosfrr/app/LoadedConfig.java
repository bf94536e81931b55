// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.app;

import io.talosfrr.config.NodeConfig;
import java.util.List;

/** The validated config, and what the env file holds that is not wrong but probably not meant. */
public record LoadedConfig(NodeConfig config, List<String> warnings) {

    public LoadedConfig {
        warnings = List.copyOf(warnings);
    }
}
