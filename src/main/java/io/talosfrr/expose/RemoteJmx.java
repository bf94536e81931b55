// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.expose;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.rmi.registry.LocateRegistry;
import java.rmi.server.RMIServerSocketFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;

/**
 * Remote JMX, only when talosfrr.jmx.remote-port is set, and never without authentication: it
 * refuses to start unless a password file (readable by its owner only, as the JDK's own agent
 * demands) and an access file are given. No TLS: bind it where only trusted hosts reach.
 */
public final class RemoteJmx {

    private RemoteJmx() {
    }

    /** The socket factory binding the registry and the connector to one address; equal factories share a port. */
    private record BoundFactory(String host) implements RMIServerSocketFactory {
        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return new ServerSocket(port, 50, InetAddress.getByName(host));
        }
    }

    public static JMXConnectorServer start(int port, String host, Path passwordFile, Path accessFile) throws IOException {
        requireOwnerOnly(passwordFile);
        if (!Files.isReadable(accessFile)) {
            throw new IllegalStateException("talosfrr.jmx.access-file " + accessFile + " is not readable");
        }
        BoundFactory factory = new BoundFactory(host);
        LocateRegistry.createRegistry(port, null, factory);
        Map<String, Object> env = new HashMap<>();
        env.put("jmx.remote.x.password.file", passwordFile.toString());
        env.put("jmx.remote.x.access.file", accessFile.toString());
        env.put(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, factory);
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://" + host + ":" + port + "/jndi/rmi://" + host + ":" + port
                + "/jmxrmi");
        JMXConnectorServer server = JMXConnectorServerFactory.newJMXConnectorServer(url, env,
                ManagementFactory.getPlatformMBeanServer());
        server.start();
        return server;
    }

    static void requireOwnerOnly(Path passwordFile) throws IOException {
        if (!Files.isReadable(passwordFile)) {
            throw new IllegalStateException("talosfrr.jmx.password-file " + passwordFile + " is not readable");
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(passwordFile);
        if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
            throw new IllegalStateException("talosfrr.jmx.password-file " + passwordFile
                    + " must be readable by its owner only (chmod 600)");
        }
    }
}
