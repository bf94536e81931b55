// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/** What the kernel has now: links with their addresses, and policy rules. Parsed from `ip -json`. */
public record HostState(Map<String, Link> links, List<Rule> rules) {

    public HostState {
        links = Map.copyOf(links);
        rules = List.copyOf(rules);
    }

    public Optional<Link> link(String name) {
        return Optional.ofNullable(links.get(name));
    }

    /** Whether any link has this address, whatever its prefix. */
    public boolean hasAddress(InetAddress address) {
        return links.values().stream().flatMap(l -> l.addresses().stream()).anyMatch(a -> a.address().equals(address));
    }

    /** Parses `ip -json -details address show` and `ip -json rule show` (either family, or both concatenated). */
    public static HostState parse(String addressJson, String... ruleJsons) {
        Map<String, Link> links = new LinkedHashMap<>();
        for (Object item : array(addressJson)) {
            Link link = link((JsonObject) item);
            links.put(link.name(), link);
        }
        List<Rule> rules = new ArrayList<>();
        for (String ruleJson : ruleJsons) {
            for (Object item : array(ruleJson)) {
                rule((JsonObject) item).ifPresent(rules::add);
            }
        }
        return new HostState(links, rules);
    }

    private static JsonArray array(String json) {
        if (json == null || json.isBlank()) {
            return new JsonArray();
        }
        try {
            return (JsonArray) Jsoner.deserialize(json.strip());
        } catch (Exception e) {
            throw new IllegalStateException("ip printed JSON this program cannot read: " + e.getMessage(), e);
        }
    }

    private static Link link(JsonObject json) {
        JsonObject info = json.getMap("linkinfo") == null ? null : new JsonObject(json.getMap("linkinfo"));
        String kind = info == null ? null : info.getString("info_kind");
        Long table = null;
        if (info != null && info.getMap("info_data") != null) {
            Object t = info.getMap("info_data").get("table");
            table = t == null ? null : Long.valueOf(t.toString());
        }
        List<String> flags = json.getCollection("flags") == null ? List.of() : List.copyOf(json.getCollection("flags"));
        List<Link.Address> addresses = new ArrayList<>();
        if (json.getCollection("addr_info") != null) {
            for (Object a : json.getCollection("addr_info")) {
                JsonObject addr = new JsonObject((Map<String, Object>) a);
                parseAddress(addr.getString("local")).ifPresent(
                        ip -> addresses.add(new Link.Address(ip, addr.getInteger("prefixlen"))));
            }
        }
        Integer mtu = json.getInteger("mtu");
        return new Link(json.getString("ifname"), kind, flags.contains("UP"), mtu == null ? 0 : mtu,
                json.getString("master"), json.getString("link"), table, json.getString("ifalias"), addresses);
    }

    private static Optional<Rule> rule(JsonObject json) {
        String dst = json.getString("dst");
        if (dst == null || "all".equals(dst)) {
            return Optional.empty();
        }
        Optional<InetAddress> to = parseAddress(dst);
        if (to.isEmpty()) {
            return Optional.empty();
        }
        Integer len = json.getInteger("dstlen");
        int full = to.get().getAddress().length * 8;
        Object table = json.get("table");
        Object protocol = json.get("protocol");
        return Optional.of(new Rule(to.get(), len == null ? full : len, table == null ? "" : table.toString(),
                protocol == null ? "" : protocol.toString()));
    }

    private static Optional<InetAddress> parseAddress(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        try {
            // ip prints only literals here; brackets keep the JDK from ever asking DNS.
            return Optional.of(InetAddress.getByName(text.indexOf(':') >= 0 ? "[" + text + "]" : text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
