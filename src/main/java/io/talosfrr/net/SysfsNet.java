// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Reads interfaces from a /sys/class/net tree (a setting, so tests can point it at a fake tree). */
public final class SysfsNet {

    private final Path root;

    public SysfsNet(Path root) {
        this.root = root;
    }

    /** One interface as sysfs shows it. {@code physical} means it has a backing device (a real NIC). */
    public record Interface(String name, String mac, int mtu, boolean physical, String kindHint) {
    }

    public List<Interface> interfaces() {
        List<Interface> result = new ArrayList<>();
        try (Stream<Path> entries = Files.list(root)) {
            for (Path dir : entries.sorted().toList()) {
                String mac = read(dir.resolve("address"));
                if (mac == null) {
                    continue;
                }
                result.add(new Interface(dir.getFileName().toString(), mac.toLowerCase(Locale.ROOT),
                        parseInt(read(dir.resolve("mtu"))), Files.exists(dir.resolve("device")), kindHint(dir)));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + root + ": " + e.getMessage(), e);
        }
        return result;
    }

    /** Names the virtual kinds that commonly share a NIC's MAC, so a message can say what they are. */
    private static String kindHint(Path dir) {
        if (Files.isDirectory(dir.resolve("bonding"))) {
            return "bond";
        }
        if (Files.isDirectory(dir.resolve("bridge"))) {
            return "bridge";
        }
        if (Files.exists(dir.resolve("device"))) {
            return "physical";
        }
        return "virtual";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return null;
        }
    }

    private static int parseInt(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
