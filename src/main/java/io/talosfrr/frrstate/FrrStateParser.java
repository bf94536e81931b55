// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frrstate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.camel.util.json.DeserializationException;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/**
 * Reads the one vtysh call of observe-frr (`show daemons`, `show bgp vrf all summary json`, `show
 * bfd peers json`) into a {@link FrrSnapshot}. Field names are those FRR 8.4 to 10.x share; a
 * field missing reads as zero or empty, never as an error.
 */
public final class FrrStateParser {

    private static final Pattern DAEMON_LIST = Pattern.compile("[a-z][a-z0-9]*( [a-z][a-z0-9]*)*");

    private FrrStateParser() {
    }

    public static FrrSnapshot parse(String stdout, String stderr, Instant takenAt) {
        VtyshOutput out = VtyshOutput.split(stdout == null ? "" : stdout);
        List<String> complaints = new ArrayList<>();
        List<BgpSession> sessions = new ArrayList<>();
        List<BfdPeer> bfd = new ArrayList<>();
        for (String doc : out.jsonDocuments()) {
            try {
                Object json = Jsoner.deserialize(doc);
                if (json instanceof JsonObject summary) {
                    sessions.addAll(sessions(summary));
                } else if (json instanceof JsonArray peers) {
                    bfd.addAll(bfdPeers(peers));
                }
            } catch (DeserializationException e) {
                complaints.add("vtysh printed JSON that does not parse: " + e.getMessage());
            }
        }
        Set<String> daemons = new LinkedHashSet<>();
        for (String line : out.textLines()) {
            if (DAEMON_LIST.matcher(line).matches()) {
                daemons.addAll(List.of(line.split(" ")));
            } else {
                complaints.add(line);
            }
        }
        if (stderr != null) {
            stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(complaints::add);
        }
        return new FrrSnapshot(takenAt, daemons, sessions, bfd, complaints);
    }

    /** {vrf: {afi: {peers: {key: {...}}}}}, one session per (vrf, key) with its families merged. */
    static List<BgpSession> sessions(JsonObject summary) {
        Map<String, BgpSession> byKey = new TreeMap<>();
        for (Map.Entry<String, Object> vrfEntry : summary.entrySet()) {
            if (!(vrfEntry.getValue() instanceof Map<?, ?> afis)) {
                continue;
            }
            for (Map.Entry<?, ?> afiEntry : afis.entrySet()) {
                if (!(afiEntry.getValue() instanceof Map<?, ?> afi) || !(afi.get("peers") instanceof Map<?, ?> peers)) {
                    continue;
                }
                for (Map.Entry<?, ?> peerEntry : peers.entrySet()) {
                    if (peerEntry.getValue() instanceof Map<?, ?> peer) {
                        merge(byKey, vrfEntry.getKey(), String.valueOf(afiEntry.getKey()),
                                String.valueOf(peerEntry.getKey()), peer);
                    }
                }
            }
        }
        return List.copyOf(byKey.values());
    }

    private static void merge(Map<String, BgpSession> byKey, String vrf, String afi, String key, Map<?, ?> peer) {
        String state = text(peer.get("state"));
        boolean established = BgpSession.ESTABLISHED.equals(state);
        long uptime = established ? number(peer.get("peerUptimeMsec")) / 1000 : 0;
        String iface = "interface".equals(text(peer.get("idType"))) ? key : "";
        BgpSession.Family family = new BgpSession.Family(afi, number(peer.get("pfxRcd")), number(peer.get("pfxSnt")));
        byKey.merge(vrf + "\u0000" + key, new BgpSession(vrf, key, iface, state, uptime, List.of(family)),
                (old, add) -> {
                    List<BgpSession.Family> families = new ArrayList<>(old.families());
                    families.addAll(add.families());
                    // A session is Established when any family says so (FRR prints one state per family).
                    BgpSession best = old.established() || !add.established() ? old : add;
                    return new BgpSession(vrf, key, best.iface(), best.state(), best.uptimeSeconds(), families);
                });
    }

    static List<BfdPeer> bfdPeers(JsonArray peers) {
        Map<String, BfdPeer> byKey = new LinkedHashMap<>();
        for (Object item : peers) {
            if (item instanceof Map<?, ?> p) {
                String status = text(p.get("status"));
                BfdPeer peer = new BfdPeer(text(p.get("vrf")), text(p.get("peer")), text(p.get("interface")), status,
                        "up".equals(status) ? number(p.get("uptime")) : 0);
                byKey.put(peer.vrf() + "\u0000" + peer.peer() + "\u0000" + peer.iface(), peer);
            }
        }
        return byKey.values().stream()
                .sorted((a, b) -> (a.iface() + a.peer()).compareTo(b.iface() + b.peer())).toList();
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return value == null ? 0 : Long.parseLong(String.valueOf(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
