// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.config;

import java.util.List;
import java.util.stream.Collectors;

/** The configuration is unusable; carries every error found, so one run reports them all. */
public class ConfigurationException extends RuntimeException {

    private final List<ConfigError> errors;

    public ConfigurationException(List<ConfigError> errors) {
        super(errors.size() + " configuration error(s):\n" + errors.stream()
                .map(e -> "  - " + e.message())
                .collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() {
        return errors;
    }
}
