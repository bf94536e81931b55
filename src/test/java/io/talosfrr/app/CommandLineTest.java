// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The entrypoint's arguments: run by default, plan, --env-file, --once; anything else is refused. */
class CommandLineTest {

    @Test
    void runsByDefault() {
        assertEquals(new CommandLine(CommandLine.Mode.RUN, Optional.empty(), false), CommandLine.parse());
    }

    @Test
    void takesPlanWithAnEnvFileInEitherSpelling() {
        assertEquals(Optional.of(Path.of("a.env")), CommandLine.parse("plan", "--env-file", "a.env").envFile());
        assertEquals(Optional.of(Path.of("b.env")), CommandLine.parse("--env-file=b.env", "plan").envFile());
    }

    @Test
    void refusesUnknownArgumentsAMissingPathAndOnceWithPlan() {
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("start"));
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("run", "--env-file"));
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("plan", "--once"));
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("run", "plan"));
    }
}
