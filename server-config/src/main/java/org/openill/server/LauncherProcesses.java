package org.openill.server;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The processes a launcher started, written to a file so that the next start can tell its own leftovers after the
 * launcher was killed (kill -9, a closed terminal): it stops those, and only those, before starting again. A process
 * is recognised by its id and its start time, so an id the system has given to another program since is never
 * touched.
 */
final class LauncherProcesses {

    /** The roles of the processes, in the order they are stopped. */
    enum Role { LAUNCHER, WILDFLY_SCRIPT, WILDFLY, POSTGRES }

    static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Path file;
    private final Properties recorded = new Properties();

    private LauncherProcesses(Path file) {
        this.file = file;
    }

    static LauncherProcesses in(Path file) throws IOException {
        LauncherProcesses processes = new LauncherProcesses(file);
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                processes.recorded.load(reader);
            }
        }
        return processes;
    }

    /** Notes a process this launcher started (or the launcher itself). */
    void record(Role role, ProcessHandle process) throws IOException {
        recorded.setProperty(role.name(), process.pid() + "@" + startOf(process).map(Instant::toEpochMilli).orElse(0L));
        Files.createDirectories(file.getParent());
        Path next = file.resolveSibling(file.getFileName() + ".new");
        try (Writer writer = Files.newBufferedWriter(next)) {
            recorded.store(writer, "Processes started by the OpenILL launcher; removed when it stops cleanly");
        }
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The recorded process of that role, if it still runs (same id, same start time). */
    Optional<ProcessHandle> running(Role role) {
        String entry = recorded.getProperty(role.name());
        if (entry == null || !entry.contains("@")) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(entry.substring(0, entry.indexOf('@')));
            long started = Long.parseLong(entry.substring(entry.indexOf('@') + 1));
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> startOf(process).map(Instant::toEpochMilli).orElse(-1L) == started);
        } catch (NumberFormatException damaged) {
            return Optional.empty();
        }
    }

    /**
     * Stops what an earlier launcher left running: WildFly first, then PostgreSQL, each waited for.
     *
     * @return what was stopped, in words, one line a process; empty when nothing was left
     * @throws StartupProblem when that launcher is still running, or a leftover does not stop
     */
    List<String> stopLeftovers() throws StartupProblem {
        Optional<ProcessHandle> launcher = running(Role.LAUNCHER);
        if (launcher.isPresent() && launcher.get().pid() != ProcessHandle.current().pid()) {
            throw new StartupProblem("OpenILL is already running (launcher process " + launcher.get().pid()
                    + "): stop it first (Ctrl-C in its terminal, or kill " + launcher.get().pid() + ").");
        }
        List<String> stopped = new ArrayList<>();
        for (Role role : List.of(Role.WILDFLY, Role.WILDFLY_SCRIPT, Role.POSTGRES)) {
            Optional<ProcessHandle> leftover = running(role);
            if (leftover.isPresent()) {
                stop(leftover.get());
                stopped.add((role == Role.POSTGRES ? "PostgreSQL" : "WildFly") + " (process " + leftover.get().pid() + ")");
            }
        }
        forget();
        return stopped;
    }

    /** The launcher stopped cleanly: nothing of it is left. */
    void forget() throws StartupProblem {
        try {
            Files.deleteIfExists(file);
            recorded.clear();
        } catch (IOException e) {
            throw new StartupProblem("Cannot remove " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Asks the process to end (SIGTERM: WildFly shuts down gracefully, PostgreSQL once its sessions are gone) and
     * waits; one that has not ended after {@link #STOP_TIMEOUT} is killed.
     */
    static void stop(ProcessHandle process) throws StartupProblem {
        process.destroy();
        try {
            process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException slow) {
            process.destroyForcibly();
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                throw new StartupProblem("Process " + process.pid() + " does not stop: stop it (kill -9 "
                        + process.pid() + ") and start again.");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } catch (ExecutionException e) {
            // ended anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Instant> startOf(ProcessHandle process) {
        return process.info().startInstant();
    }
}
