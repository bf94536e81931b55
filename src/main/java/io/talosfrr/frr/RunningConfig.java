// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frr;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.apache.camel.Body;
import org.apache.camel.Exchange;

/**
 * Whether FRR runs what was rendered: after every load, frr-reload.py compares the running config
 * with frr.conf. FRR 10 has been seen to leave out part of frr.conf at start (the zebra part, when
 * mgmtd was not ready) while exiting 0; only this comparison shows it. Read by health.
 */
public final class RunningConfig {

    /**
     * One comparison.
     *
     * @param missing lines of frr.conf that FRR does not run
     * @param extra   lines FRR runs that frr.conf does not have
     */
    public record Check(Instant time, List<String> missing, List<String> extra) {

        public Check {
            missing = List.copyOf(missing);
            extra = List.copyOf(extra);
        }

        /** Nothing differs: no second load is needed. */
        public boolean matches() {
            return missing.isEmpty() && extra.isEmpty();
        }

        /**
         * FRR runs every line of frr.conf. Extra lines alone are not a failure: a version's own
         * defaults that it prints and no load removes (10.7.1's `bgp deterministic-med`).
         */
        public boolean complete() {
            return missing.isEmpty();
        }

        /** "+ line" for each missing line, "- line" for each extra one. */
        public List<String> lines() {
            return new FrrDiff(extra, missing, List.of()).lines();
        }
    }

    /** frr.conf names no host: FRR shows the system's hostname, which frr-reload.py offers to delete. */
    private static final Pattern SYSTEM_HOSTNAME = Pattern.compile("(no )?hostname \\S+");

    private final Path frrConf;
    private final Clock clock;
    private final AtomicReference<Check> last = new AtomicReference<>();

    public RunningConfig(Path frrConf, Clock clock) {
        this.frrConf = frrConf;
        this.clock = clock;
    }

    /** frr-reload.py's arguments: the running config (asked through vtysh) against the installed file. */
    public List<String> compareArgs() {
        return List.of("--test", "--stdout", frrConf.toString());
    }

    /** Records frr-reload.py's answer; sets 'runningConfigMatches', 'runningConfigComplete' and 'runningConfigDiff' for the route. */
    public void record(@Body String reloadTestOutput, Exchange exchange) {
        FrrDiff diff = FrrDiff.parse(reloadTestOutput == null ? "" : reloadTestOutput);
        List<String> extra = diff.deleted().stream().filter(line -> !SYSTEM_HOSTNAME.matcher(line).matches()).toList();
        Check check = new Check(clock.instant(), diff.added(), extra);
        last.set(check);
        exchange.setProperty("runningConfigMatches", check.matches());
        exchange.setProperty("runningConfigComplete", check.complete());
        exchange.setProperty("runningConfigDiff", String.join("; ", check.lines()));
    }

    public Optional<Check> last() {
        return Optional.ofNullable(last.get());
    }
}
