// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.health;

import com.sun.tools.attach.VirtualMachine;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/** A JMX client run as its own process: attaches to a local JVM by pid and prints one MBean attribute. */
public final class JmxProbe {

    private JmxProbe() {
    }

    public static void main(String[] args) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            Object value = server.getAttribute(new ObjectName(args[1]), args[2]);
            if (value instanceof String[] lines) {
                for (String line : lines) {
                    System.out.println(line);
                }
            } else {
                System.out.println(value);
            }
        }
    }
}
