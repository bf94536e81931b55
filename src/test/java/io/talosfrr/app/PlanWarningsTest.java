// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.talosfrr.support.FakeHost;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `plan` puts what boot would warn about at the top of its report, before the ip commands. */
class PlanWarningsTest {

    private static final String ENV = "NODE_IP=10.0.0.10\nASN_LOCAL=65010\nFE_MACS=02:00:00:00:01:01\n";

    @Test
    void printsAnUnknownKeyWithTheNearestKnownOneAndANodeIpNoInterfaceHas(@TempDir Path tmp) {
        FakeHost host = new FakeHost(tmp).port("fab0", "02:00:00:00:01:01", 9000, true);
        Path env = host.writeEnvFile("node.env", ENV + "ENABLE_BDF=false\n");

        assertEquals(0, host.run("plan", "--env-file", env.toString()));

        String[] lines = host.output().split("\n");
        assertEquals("# warning: " + env + " sets ENABLE_BDF, which this program does not know"
                + " (did you mean ENABLE_BFD?); it is ignored", lines[0], host.output());
        assertTrue(lines[1].startsWith("# warning: NODE_IP 10.0.0.10 is on no interface of this host;"), host.output());
        assertTrue(lines[2].startsWith("# fabric ports: fab0"), host.output());
    }

    @Test
    void printsNoWarningForAFileOfKnownKeysOnAHostThatHasNodeIp(@TempDir Path tmp) {
        FakeHost host = new FakeHost(tmp).port("fab0", "02:00:00:00:01:01", 9000, true).loopbackAddress("10.0.0.10");
        Path env = host.writeEnvFile("node.env", ENV);

        assertEquals(0, host.run("plan", "--env-file", env.toString()));

        assertTrue(host.output().startsWith("# fabric ports: fab0"), host.output());
    }
}
