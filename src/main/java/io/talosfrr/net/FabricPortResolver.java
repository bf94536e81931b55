// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.net;

import io.talosfrr.config.FabricSelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the fabric ports named by MAC or by interface name. NICs can appear late at boot, so items
 * not found are looked for again with a doubling pause, until a deadline.
 */
public final class FabricPortResolver {

    private static final Logger LOG = LoggerFactory.getLogger("resolve-fabric-ports");
    private static final long FIRST_PAUSE_MS = 250;
    private static final long MAX_PAUSE_MS = 5_000;

    /** Pauses between attempts; tests pass one that makes an interface appear instead of sleeping. */
    public interface Pause {
        void sleep(long millis) throws InterruptedException;
    }

    private final SysfsNet sysfs;
    private final LongSupplier clockMillis;
    private final Pause pause;

    public FabricPortResolver(SysfsNet sysfs) {
        this(sysfs, System::currentTimeMillis, Thread::sleep);
    }

    public FabricPortResolver(SysfsNet sysfs, LongSupplier clockMillis, Pause pause) {
        this.sysfs = sysfs;
        this.clockMillis = clockMillis;
        this.pause = pause;
    }

    /**
     * Looks until every item is found or {@code wait} has passed (zero: one look). Throws
     * {@link PortResolutionException} when no port is found or a MAC is ambiguous.
     */
    public FabricPorts resolve(FabricSelector selector, Duration wait) {
        long deadline = clockMillis.getAsLong() + wait.toMillis();
        long pauseMs = FIRST_PAUSE_MS;
        int attempt = 1;
        while (true) {
            FabricPorts ports = resolveOnce(selector);
            long now = clockMillis.getAsLong();
            if (ports.missing().isEmpty() || now >= deadline) {
                return finish(selector, ports);
            }
            long next = Math.min(pauseMs, deadline - now);
            LOG.info("resolve-fabric-ports: attempt {}: not present yet: {}; looking again in {} ms (gives up {} s after start)",
                    attempt, ports.missing(), next, wait.toSeconds());
            try {
                pause.sleep(next);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return finish(selector, ports);
            }
            pauseMs = Math.min(pauseMs * 2, MAX_PAUSE_MS);
            attempt++;
        }
    }

    private FabricPorts resolveOnce(FabricSelector selector) {
        List<SysfsNet.Interface> all = sysfs.interfaces();
        List<FabricPort> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String wanted : selector.values()) {
            Optional<SysfsNet.Interface> match = selector instanceof FabricSelector.ByMac
                    ? byMac(wanted, all)
                    : all.stream().filter(i -> i.name().equals(wanted)).findFirst();
            match.ifPresentOrElse(i -> found.add(new FabricPort(i.name(), i.mac(), i.mtu())), () -> missing.add(wanted));
        }
        return new FabricPorts(found, missing);
    }

    private static Optional<SysfsNet.Interface> byMac(String mac, List<SysfsNet.Interface> all) {
        List<SysfsNet.Interface> candidates = all.stream().filter(i -> i.mac().equals(mac)).toList();
        if (candidates.size() <= 1) {
            return candidates.stream().findFirst();
        }
        List<SysfsNet.Interface> physical = candidates.stream().filter(SysfsNet.Interface::physical).toList();
        if (physical.size() == 1) {
            SysfsNet.Interface chosen = physical.get(0);
            LOG.info("resolve-fabric-ports: MAC {} is on {}; taking {}, the physical port",
                    mac, describe(candidates), chosen.name());
            return Optional.of(chosen);
        }
        throw new PortResolutionException("FE_MACS: MAC " + mac + " is on " + describe(candidates)
                + " and none of them is the one physical port; name the port with FE_PORT_NAMES instead");
    }

    private static String describe(List<SysfsNet.Interface> candidates) {
        return String.join(", ", candidates.stream().map(i -> i.name() + " (" + i.kindHint() + ")").toList());
    }

    private static FabricPorts finish(FabricSelector selector, FabricPorts ports) {
        if (ports.found().isEmpty()) {
            throw new PortResolutionException(selector.source() + ": no fabric port found; looked for "
                    + String.join(", ", selector.values()));
        }
        for (String item : ports.missing()) {
            LOG.warn("resolve-fabric-ports: {} {} not found; going on with {}", selector.source(), item, ports.names());
        }
        for (FabricPort port : ports.found()) {
            LOG.info("resolve-fabric-ports: {} -> {} (mtu {})", port.mac(), port.name(), port.mtu());
        }
        return ports;
    }
}
