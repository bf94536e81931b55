// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frr;

import io.talosfrr.config.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The change frr-reload.py would make ("Lines To Delete" / "Lines To Add", each line with its
 * context stanza), and which of those lines reset BGP sessions when applied.
 */
public record FrrDiff(List<String> deleted, List<String> added, List<String> disruptive) {

    public FrrDiff {
        deleted = List.copyOf(deleted);
        added = List.copyOf(added);
        disruptive = List.copyOf(disruptive);
    }

    private static final Pattern ROUTER = Pattern.compile("router bgp (\\S+)(?: vrf (\\S+))?");
    private static final Pattern NEIGHBOR = Pattern.compile("\\s*(no )?neighbor (\\S+) (remote-as|interface|capability extended-nexthop|bfd(?! check-control-plane-failure| profile)|peer-group|local-as|update-source|ebgp-multihop|password)\\b.*");
    private static final Pattern ROUTER_WIDE = Pattern.compile("\\s*(no )?bgp (router-id|confederation|cluster-id)\\b.*");

    /** All lines, "-" deleted and "+" added, as one list for logs and status. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        deleted.forEach(l -> lines.add("- " + l));
        added.forEach(l -> lines.add("+ " + l));
        return lines;
    }

    public boolean empty() {
        return deleted.isEmpty() && added.isEmpty();
    }

    /** Parses `frr-reload.py --test --stdout` output; passwords in it are hidden from then on. */
    public static FrrDiff parse(String output) {
        List<String> deleted = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> current = null;
        for (String raw : output.split("\n")) {
            String line = raw.stripTrailing();
            if (line.equals("Lines To Delete")) {
                current = deleted;
            } else if (line.equals("Lines To Add")) {
                current = added;
            } else if (current != null && !line.isBlank() && !line.startsWith("====")) {
                current.add(Secret.redact(line));
            }
        }
        return new FrrDiff(deleted, added, classify(deleted, added));
    }

    /**
     * A line resets sessions when it changes an instance's AS or router-id, or a neighbor's AS,
     * interface binding, address-family capability, BFD (BFD removal drops the session when the
     * peer still expects it) or password (FRR resets the session to use the new TCP MD5 key). Each such line is described with the sessions it concerns.
     */
    static List<String> classify(List<String> deleted, List<String> added) {
        List<String> out = new ArrayList<>();
        scan(deleted, "removes", out);
        scan(added, "sets", out);
        return out;
    }

    private static void scan(List<String> lines, String verb, List<String> out) {
        String instance = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith(" ")) {
                Matcher router = ROUTER.matcher(line.strip().replaceFirst("^no ", ""));
                instance = router.matches() ? line.strip().replaceFirst("^no ", "") : "";
                boolean standalone = i + 1 == lines.size() || !lines.get(i + 1).startsWith(" ");
                if (router.matches() && standalone) {
                    out.add(verb + " '" + line.strip().replaceFirst("^no ", "") + "': every session of that instance");
                }
                continue;
            }
            // Deleted lines come as FRR's undo ("no neighbor X bfd"): name what goes away.
            String shown = line.strip().replaceFirst("^no ", "");
            Matcher neighbor = NEIGHBOR.matcher(line);
            if (neighbor.matches()) {
                out.add(verb + " '" + shown + "' in " + instance + ": session(s) of " + neighbor.group(2));
            } else if (ROUTER_WIDE.matcher(line).matches()) {
                out.add(verb + " '" + shown + "' in " + instance + ": every session of " + instance);
            }
        }
    }

}
