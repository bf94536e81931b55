// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.talosfrr.support.FakeHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An operator changes a template partial or a route file in a copied directory: no rebuild, the next run uses it. */
class OperatorEditsTest {

    static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    @Test
    void rendersFromAnEditedPartialInTheConfiguredTemplatesDirectory(@TempDir Path tmp) throws Exception {
        Path templates = tmp.resolve("my-templates");
        copyTree(FakeHost.PROJECT.resolve("templates"), templates);
        Path zebra = templates.resolve("frr/zebra.vm");
        Files.writeString(zebra, Files.readString(zebra) + "ip nht resolve-via-default\n!\n");
        FakeHost host = new FakeHost(tmp.resolve("host")).port("fab0", "02:00:00:00:01:01", 9000, true)
                .setting("talosfrr.templates.dir", templates.toString());
        Path env = host.writeEnvFile("node.env", "NODE_IP=10.0.0.10\nASN_LOCAL=65010\nFE_PORT_NAMES=fab0\n");

        assertEquals(0, host.run("plan", "--env-file", env.toString()));

        assertTrue(host.output().contains("ip protocol bgp route-map SETSRC\n!\nip nht resolve-via-default\n"), host.output());
    }

    @Test
    void runsAnEditedRouteFromTheConfiguredRoutesDirectory(@TempDir Path tmp) throws Exception {
        Path routes = tmp.resolve("my-routes");
        copyTree(FakeHost.PROJECT.resolve("routes"), routes);
        Path plan = routes.resolve("plan.camel.yaml");
        String edited = Files.readString(plan).replace("            method: all\n",
                "            method: all\n        - setBody:\n            simple: \"${body.subList(0, 1)}\"\n");
        Files.writeString(plan, edited);
        FakeHost host = new FakeHost(tmp.resolve("host")).port("fab0", "02:00:00:00:01:01", 9000, true)
                .setting("talosfrr.routes.dir", routes.toString());
        Path env = host.writeEnvFile("node.env", "NODE_IP=10.0.0.10\nASN_LOCAL=65010\nFE_PORT_NAMES=fab0\n");

        assertEquals(0, host.run("plan", "--env-file", env.toString()));

        assertTrue(host.output().contains("# ip commands (1)\nip link add metallb type vrf table 88\n\n"), host.output());
    }
}
