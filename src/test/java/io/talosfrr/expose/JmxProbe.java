// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.expose;

import com.sun.tools.attach.VirtualMachine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A JMX client run as its own process, by NodeMBeanTest and by the lab (compiled there with javac
 * from this file): attaches to a local JVM by pid, starts its local management agent if needed,
 * and prints attributes of io.talosfrr:type=Node as "Name=value" lines, then how many Camel MBeans
 * it sees.
 *
 * <pre>java io.talosfrr.health.JmxProbe PID ATTRIBUTE...</pre>
 */
public final class JmxProbe {

    private JmxProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: JmxProbe PID ATTRIBUTE...");
            System.exit(2);
        }
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            ObjectName node = new ObjectName("io.talosfrr:type=Node");
            for (String attribute : Arrays.copyOfRange(args, 1, args.length)) {
                System.out.println(attribute + "=" + format(server.getAttribute(node, attribute)));
            }
            System.out.println("camel-mbeans=" + server.queryNames(new ObjectName("org.apache.camel:*"), null).size());
        }
    }

    // An MXBean shows a Map as TabularData (key/value rows) and a String[] as an array.
    private static String format(Object value) {
        if (value instanceof Object[] array) {
            return Arrays.toString(array);
        }
        if (value instanceof TabularData table) {
            List<String> entries = new ArrayList<>();
            for (Object row : table.values()) {
                CompositeData entry = (CompositeData) row;
                entries.add(entry.get("key") + "=" + entry.get("value"));
            }
            entries.sort(null);
            return "{" + String.join(", ", entries) + "}";
        }
        return String.valueOf(value);
    }
}
