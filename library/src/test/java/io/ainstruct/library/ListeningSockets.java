package io.ainstruct.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The TCP ports this JVM listens on: Linux's /proc/net/tcp and tcp6 list every listening socket with its inode, and
 * /proc/self/fd links to the inodes of this process's sockets. Other processes (other builds, the embedded
 * PostgreSQL, which is a process of its own) do not count.
 */
final class ListeningSockets {
    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    static Set<Integer> ofThisProcess() {
        Set<String> ownInodes = ownSocketInodes();
        Set<Integer> ports = new TreeSet<>();
        for (String table : new String[]{"/proc/net/tcp", "/proc/net/tcp6"}) {
            lines(Path.of(table)).skip(1).map(String::trim).map(line -> line.split("\\s+"))
                    .filter(fields -> fields[3].equals(LISTEN) && ownInodes.contains(fields[9]))
                    .forEach(fields -> ports.add(Integer.parseInt(fields[1].substring(fields[1].lastIndexOf(':') + 1), 16)));
        }
        return ports;
    }

    private static Set<String> ownSocketInodes() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(ListeningSockets::target).filter(target -> target.startsWith("socket:["))
                    .map(target -> target.substring("socket:[".length(), target.length() - 1)).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String target(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException closedMeanwhile) {
            return "";
        }
    }

    private static Stream<String> lines(Path table) {
        try {
            return Files.readAllLines(table).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
