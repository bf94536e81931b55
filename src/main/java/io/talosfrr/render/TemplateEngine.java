// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.render;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.runtime.RuntimeConstants;

/** The Velocity engine the `velocity:` endpoints use: partials from the templates directory, strict references. */
public final class TemplateEngine {

    private TemplateEngine() {
    }

    public static VelocityEngine create(Path templatesDir) {
        Properties props = new Properties();
        props.setProperty(RuntimeConstants.RESOURCE_LOADERS, "file");
        props.setProperty("resource.loader.file.path", templatesDir.toAbsolutePath().toString());
        // Templates are operator-editable: re-read them on every render.
        props.setProperty("resource.loader.file.cache", "false");
        // A misspelt $reference fails the render instead of printing itself into frr.conf.
        props.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
        props.setProperty(RuntimeConstants.SPACE_GOBBLING, "lines");
        VelocityEngine engine = new VelocityEngine(props);
        engine.init();
        return engine;
    }
}
