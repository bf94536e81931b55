// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.component.exec.ExecException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files FRR reads: a candidate for FRR's own check, then an atomic, mode-0640 replacement of
 * each live file whose content changed, owned by the FRR user where that user exists.
 */
public final class FrrFiles {

    private static final Logger LOG = LoggerFactory.getLogger("install-frr-files");
    static final String CANDIDATE = ".frr.conf.candidate";

    private final Path confDir;
    private final String frrUser;

    public FrrFiles(Path confDir, String frrUser) {
        this.confDir = confDir;
        this.frrUser = frrUser;
    }

    /** The three rendered files, by their name in the FRR config directory. */
    public record Rendered(String frrConf, String daemons, String vtyshConf) {
        Map<String, String> byName() {
            return Map.of("frr.conf", frrConf, "daemons", daemons, "vtysh.conf", vtyshConf);
        }
    }

    public Rendered rendered(@ExchangeProperty("frrConf") String frrConf, @ExchangeProperty("daemons") String daemons,
            @ExchangeProperty("vtyshConf") String vtyshConf) {
        return new Rendered(frrConf, daemons, vtyshConf);
    }

    /**
     * Writes the candidate frr.conf and returns vtysh's arguments to check it. Created 0640 like the
     * installed file, never readable by others for a moment: it will hold BGP passwords.
     */
    public List<String> candidateCheckArgs(@ExchangeProperty("rendered") Rendered rendered) throws IOException {
        Files.createDirectories(confDir);
        Path candidate = confDir.resolve(CANDIDATE);
        Files.deleteIfExists(candidate);
        Files.createFile(candidate, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
        Files.writeString(candidate, rendered.frrConf(), StandardCharsets.UTF_8);
        return List.of("--dryrun", "-f", candidate.toString());
    }

    /** The live files now, by name (absent ones left out), so a failed apply can put them back. */
    public Map<String, String> live() {
        Map<String, String> files = new java.util.TreeMap<>();
        for (String name : List.of("frr.conf", "daemons", "vtysh.conf")) {
            Path file = confDir.resolve(name);
            try {
                if (Files.isRegularFile(file)) {
                    files.put(name, Files.readString(file, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + file, e);
            }
        }
        return files;
    }

    /** Puts back the files {@link #live()} returned before an apply that failed. */
    public void restore(@ExchangeProperty("previousFiles") Map<String, String> previous) throws IOException {
        for (Map.Entry<String, String> file : previous.entrySet()) {
            writeAtomically(confDir.resolve(file.getKey()), file.getValue());
        }
        LOG.warn("install-frr-files: put back the previous {} in {}", previous.keySet(), confDir);
    }

    /** frr-reload.py's arguments to list what the candidate changes against the live frr.conf, without FRR. */
    public List<String> diffArgs() {
        Path live = confDir.resolve("frr.conf");
        Path candidate = confDir.resolve(CANDIDATE);
        return List.of("--test", "--stdout", "--input", Files.isRegularFile(live) ? live.toString() : "/dev/null",
                candidate.toString());
    }

    /** Turns vtysh's refusal into an error that quotes FRR and says where the candidate is. */
    public void rejectCandidate(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) ExecException refusal) {
        throw new FrrConfigRejectedException("FRR rejected the rendered frr.conf (exit " + refusal.getExitValue()
                + "): " + ExecOutput.of(refusal) + "; the live file is unchanged; candidate kept at "
                + confDir.resolve(CANDIDATE));
    }

    /** Replaces each live file whose content differs; returns the names of those replaced. */
    public List<String> install(@ExchangeProperty("rendered") Rendered rendered) throws IOException {
        Files.deleteIfExists(confDir.resolve(CANDIDATE));
        List<String> changed = rendered.byName().entrySet().stream()
                .filter(e -> !sameContent(confDir.resolve(e.getKey()), e.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
        for (String name : changed) {
            writeAtomically(confDir.resolve(name), rendered.byName().get(name));
        }
        if (changed.isEmpty()) {
            LOG.info("install-frr-files: {} unchanged: frr.conf, daemons, vtysh.conf", confDir);
        } else {
            LOG.info("install-frr-files: wrote {} in {}", changed, confDir);
        }
        return changed;
    }

    private void writeAtomically(Path target, String content) throws IOException {
        Path tmp = Files.createTempFile(confDir, "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r-----"));
            chownToFrr(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void chownToFrr(Path file) throws IOException {
        UserPrincipalLookupService lookup = file.getFileSystem().getUserPrincipalLookupService();
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            view.setOwner(lookup.lookupPrincipalByName(frrUser));
            GroupPrincipal group = lookup.lookupPrincipalByGroupName(frrUser);
            view.setGroup(group);
        } catch (UserPrincipalNotFoundException e) {
            // No such user on this host (tests, a bare machine): root keeps the file, mode still 0640.
        }
    }

    /** Creates FRR's run and state directories, owned by the FRR user, before the daemons start. */
    public void prepareDirectories(List<Path> dirs) throws IOException {
        for (Path dir : dirs) {
            Files.createDirectories(dir);
            chownToFrr(dir);
        }
    }

    private static boolean sameContent(Path file, String content) {
        try {
            return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content);
        } catch (IOException e) {
            return false;
        }
    }
}
