package org.openill.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Tells whether a TCP port can still be bound, so a clash is reported before a server fails on it. */
public final class Ports {

    private Ports() {
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port free at this moment, chosen by the operating system. */
    public static int anyFree() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free TCP port", e);
        }
    }

    /**
     * The process that listens on the port, where the system tells (Linux: /proc), so that a clash can name what to
     * stop. Empty where it cannot be told (another system, or a process of another user).
     */
    public static Optional<ProcessHandle> holder(int port) {
        Set<String> sockets = new HashSet<>();
        String portHex = String.format(":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] fields = line.trim().split("\\s+");
                    // local address, state 0A = LISTEN, inode
                    if (fields.length > 9 && fields[1].endsWith(portHex) && fields[3].equals("0A")) {
                        sockets.add("socket:[" + fields[9] + "]");
                    }
                }
            } catch (IOException | RuntimeException unavailable) {
                // not Linux, or no IPv6
            }
        }
        if (sockets.isEmpty()) {
            return Optional.empty();
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(dir -> dir.getFileName().toString().matches("\\d+"))
                    .filter(dir -> holdsAny(dir.resolve("fd"), sockets))
                    .findFirst()
                    .flatMap(dir -> ProcessHandle.of(Long.parseLong(dir.getFileName().toString())));
        } catch (IOException | RuntimeException unavailable) {
            return Optional.empty();
        }
    }

    private static boolean holdsAny(Path fdDirectory, Set<String> sockets) {
        try (Stream<Path> fds = Files.list(fdDirectory)) {
            return fds.anyMatch(fd -> {
                try {
                    return sockets.contains(Files.readSymbolicLink(fd).toString());
                } catch (IOException | RuntimeException gone) {
                    return false;
                }
            });
        } catch (IOException | RuntimeException notOurs) {
            return false;
        }
    }

    /** "Port 8080 is already in use by process 123 (java ...)" or, where the holder is unknown, without it. */
    public static String inUse(int port) {
        return "Port " + port + " is already in use" + holder(port).map(process -> " by process " + process.pid()
                + process.info().command().map(command -> " (" + Path.of(command).getFileName() + ")").orElse(""))
                .orElse("");
    }
}
