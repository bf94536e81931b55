// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * A file holding one BGP password (TCP MD5 key): one line, its newline optional. No message of this
 * class ever quotes the file's content.
 */
public final class PasswordFile {

    /** The Linux kernel's TCP_MD5SIG_MAXKEYLEN. */
    static final int MAX_LENGTH = 80;
    /** How Talos writes an ExtensionServiceConfig `configFiles` entry (root-owned, bind-mounted read-only). */
    static final Set<PosixFilePermission> TALOS_CONFIG_FILE_MODE = PosixFilePermissions.fromString("rw-r--r--");

    private PasswordFile() {
    }

    /** The password, or why the file cannot give one (for the message naming the setting). */
    public sealed interface Read {
        record Password(Secret secret) implements Read {
        }

        record Problem(String why) implements Read {
        }
    }

    public static Read read(Path file) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                return new Read.Problem("it is a directory");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Read.Problem("there is no such file");
        } catch (AccessDeniedException e) {
            return new Read.Problem("this program may not read it (permission denied)");
        } catch (IOException e) {
            return new Read.Problem("it cannot be read: " + e.getClass().getSimpleName());
        }
        String text;
        try {
            text = StandardCharsets.US_ASCII.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new Read.Problem("it holds a character that is not ASCII, which FRR cannot take in a password");
        }
        String password = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        if (password.isEmpty()) {
            return new Read.Problem("it is empty");
        }
        if (!password.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return new Read.Problem("it holds a space, a second line or a control character; the password must be"
                    + " one word of printable ASCII");
        }
        if (password.length() > MAX_LENGTH) {
            return new Read.Problem("it holds more than " + MAX_LENGTH + " characters, the kernel's limit for a TCP MD5 key");
        }
        return new Read.Password(new Secret(password));
    }

    /**
     * A warning when others on the host may change the file, or read it in a way Talos does not
     * force (Talos writes configFiles entries 0644, owned by root); empty otherwise.
     */
    public static Optional<String> permissionWarning(String setting, Path file) {
        Set<PosixFilePermission> mode;
        try {
            mode = Files.getPosixFilePermissions(file);
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
        String shown = setting + " " + file + " (mode " + PosixFilePermissions.toString(mode) + ")";
        if (mode.contains(PosixFilePermission.GROUP_WRITE) || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
            return Optional.of(shown + " may be changed by users other than its owner: chmod 0600 it");
        }
        if (mode.contains(PosixFilePermission.OTHERS_READ) && !mode.equals(TALOS_CONFIG_FILE_MODE)) {
            return Optional.of(shown + " may be read by every user of the host: chmod 0600 it");
        }
        return Optional.empty();
    }
}
