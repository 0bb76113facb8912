package org.openill.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Starts OpenILL in the foreground: PostgreSQL (embedded unless ILL_DB_URL is set), then the provisioned WildFly
 * with the EAR; prints where to go once the application is ready, and stops both on Ctrl-C.
 */
public final class IllServer {

    static final int HTTP_PORT = 8080;
    static final int MANAGEMENT_PORT = 9990;
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(10);
    private static final int KEPT_LOGS = 5;

    private final Path serverHome;
    private final Path ear;
    private final Path baseDir;
    private final Path dataDir;
    private final Path logDir;
    private final Map<String, String> env;
    private EmbeddedDatabase embedded;
    private Process wildfly;
    private LauncherProcesses processes;
    private volatile boolean stopping;

    IllServer(Path serverHome, Path ear, Path baseDir, Path dataDir, Map<String, String> env) {
        this.serverHome = serverHome;
        this.ear = ear;
        this.baseDir = baseDir;
        this.dataDir = dataDir;
        this.logDir = dataDir.resolve("log");
        this.env = env;
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path launcherDir = launcherDirectory();
        Path projectDir = launcherDir.getParent().getParent();
        Map<String, String> env = System.getenv();
        Path serverHome = serverHome(launcherDir);
        Path ear = Path.of(env.getOrDefault("ILL_EAR", projectDir.resolve("ill-ear/target/ill.ear").toString()));
        Path dataDir = Path.of(env.getOrDefault("ILL_DATA_DIR", projectDir.resolve("data").toString())).toAbsolutePath();
        IllServer server = new IllServer(serverHome, ear, launcherDir.resolve("run"), dataDir, env);
        // Ctrl-C and SIGTERM reach the launcher only (WildFly and PostgreSQL run in sessions of their own), and the
        // launcher stops them in order: WildFly first, then the database it was using.
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "ill-shutdown"));
        try {
            server.run();
        } catch (StartupProblem problem) {
            if (!server.stopping) {
                System.err.println("OpenILL cannot start: " + problem.getMessage());
                server.stop();
                System.exit(2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void run() throws StartupProblem, InterruptedException {
        long started = System.nanoTime();
        if (!Files.isDirectory(serverHome.resolve("modules"))) {
            throw new StartupProblem("No provisioned WildFly in " + serverHome + ": build first with mvn -DskipTests install.");
        }
        if (!Files.isRegularFile(ear)) {
            throw new StartupProblem("The application " + ear + " is not built: build first with mvn -DskipTests install.");
        }
        stopLeftovers();
        for (int port : new int[] {HTTP_PORT, MANAGEMENT_PORT}) {
            if (!Ports.isFree(port)) {
                throw new StartupProblem(Ports.inUse(port) + " (another WildFly or OpenILL still running?): "
                        + "stop the program that holds it and start again.");
            }
        }

        DatabaseAccounts database = DatabaseAccounts.fromEnvironment(env);
        if (database == null) {
            int port = Integer.parseInt(env.getOrDefault("ILL_EMBEDDED_DB_PORT", "15432"));
            Path pgData = dataDir.resolve("postgres");
            System.out.println("Starting the embedded PostgreSQL (data kept in " + pgData + ", port " + port
                    + ", passwords in " + EmbeddedDatabase.credentialsFile(pgData) + ") ...");
            embedded = EmbeddedDatabase.start(pgData, port, true);
            record(LauncherProcesses.Role.POSTGRES, EmbeddedDatabase.postmasterPid(pgData).stream()
                    .mapToObj(ProcessHandle::of).flatMap(Optional::stream).findFirst());
            database = embedded.database("ill");
        } else {
            System.out.println("Using the PostgreSQL database at " + database.owner().printableUrl() + " ...");
            database.owner().verifyReachable();
            if (database.separateApplicationRole()) {
                database.application().verifyReachable();
            }
        }

        prepareBaseDirectory();
        rotateLogs();
        System.out.println("Starting WildFly " + serverHome.getFileName() + " with " + ear.getFileName()
                + " (server log: " + logDir.resolve("server.log") + ") ...");
        wildfly = startWildFly(database);
        record(LauncherProcesses.Role.WILDFLY_SCRIPT, Optional.of(wildfly.toHandle()));
        waitUntilReady();
        wildfly.descendants().filter(process -> process.info().command().orElse("").endsWith("java")).findFirst()
                .ifPresent(java -> record(LauncherProcesses.Role.WILDFLY, Optional.of(java)));
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.println();
        System.out.println("OpenILL is ready (started in " + seconds + " s):");
        System.out.println("  Reader portal   http://localhost:" + HTTP_PORT + "/ill/");
        System.out.println("  Readiness       http://localhost:" + MANAGEMENT_PORT + "/health/ready");
        System.out.println("  Database        " + database.owner().printableUrl());
        DemoReaders.count(database.application()).ifPresent(readers -> {
            System.out.println("  Demo data       loaded: " + readers + " demo readers whose library card numbers are "
                    + "published (NUL-000001 ...). Not for production: see the README, \"Starting without demo data\".");
            System.out.println("  Demo sign-in    http://localhost:" + HTTP_PORT + "/ill/signin.xhtml: library North "
                    + "University Library, card NUL-000001 (to NUL-000020; SCL-... South, ECL-... East), PIN "
                    + DemoReaders.PIN);
            System.out.println("  Demo staff      http://localhost:" + HTTP_PORT + "/ill/staff/: nul-staff, nul-admin, "
                    + "scl-staff, scl-admin, ecl-staff, ecl-admin, network-admin; password " + DemoReaders.STAFF_PASSWORD);
        });
        System.out.println("Press Ctrl-C to stop.");
        int exit = wildfly.waitFor();
        if (exit != 0 && exit != 130 && exit != 143 && !stopping) {
            throw new StartupProblem("WildFly stopped with exit code " + exit + "; see " + logDir.resolve("server.log"));
        }
    }

    /** What an earlier launcher left running when it was killed is stopped before this one starts. */
    private void stopLeftovers() throws StartupProblem {
        try {
            processes = LauncherProcesses.in(dataDir.resolve("launcher-processes.properties"));
        } catch (IOException e) {
            throw new StartupProblem("Cannot read what the last launcher started, in " + dataDir + ": " + e.getMessage(), e);
        }
        List<String> stopped = processes.stopLeftovers();
        if (!stopped.isEmpty()) {
            System.out.println("The last launcher did not stop cleanly; stopped what it had left running: "
                    + String.join(", ", stopped) + ".");
        }
        record(LauncherProcesses.Role.LAUNCHER, Optional.of(ProcessHandle.current()));
    }

    private void record(LauncherProcesses.Role role, Optional<ProcessHandle> process) {
        process.ifPresent(handle -> {
            try {
                processes.record(role, handle);
            } catch (IOException e) {
                System.err.println("Warning: cannot note process " + handle.pid() + " in " + dataDir + ": " + e.getMessage());
            }
        });
    }

    /** A fresh server base directory each start: configuration from the provisioned server, the EAR to deploy. */
    private void prepareBaseDirectory() throws StartupProblem {
        try {
            prepareBaseDirectory(serverHome, baseDir);
            Files.copy(ear, baseDir.resolve("deployments/ill.ear"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StartupProblem("Cannot prepare the server folder " + baseDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Empties baseDir and fills it as a WildFly server base directory (jboss.server.base.dir) with the configuration
     * of the provisioned server, so that each start (and each test run) has a server state of its own.
     */
    public static void prepareBaseDirectory(Path serverHome, Path baseDir) throws IOException {
        deleteRecursively(baseDir);
        Path configuration = Files.createDirectories(baseDir.resolve("configuration"));
        try (Stream<Path> files = Files.list(serverHome.resolve("standalone/configuration"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, configuration.resolve(file.getFileName()));
            }
        }
        Files.createDirectories(baseDir.resolve("deployments"));
    }

    /** The logs of earlier runs are kept, the last {@value #KEPT_LOGS} of each: server.log.1 is the previous run's. */
    private void rotateLogs() throws StartupProblem {
        try {
            Files.createDirectories(logDir);
            rotate(logDir, "server.log", KEPT_LOGS);
            rotate(logDir, "console.log", KEPT_LOGS);
        } catch (IOException e) {
            throw new StartupProblem("Cannot keep the logs of the last run in " + logDir + ": " + e.getMessage(), e);
        }
    }

    static void rotate(Path dir, String name, int keep) throws IOException {
        if (!Files.exists(dir.resolve(name))) {
            return;
        }
        Files.deleteIfExists(dir.resolve(name + "." + keep));
        for (int generation = keep - 1; generation >= 1; generation--) {
            Path older = dir.resolve(name + "." + generation);
            if (Files.exists(older)) {
                Files.move(older, dir.resolve(name + "." + (generation + 1)));
            }
        }
        Files.move(dir.resolve(name), dir.resolve(name + ".1"));
    }

    /**
     * Runs standalone.sh in a session of its own (setsid), so that Ctrl-C in the terminal reaches the launcher only.
     * Its only arguments are fixed words and folders: the database accounts travel in its environment, where
     * standalone.sh, which evaluates its arguments with eval, never looks at them and ps does not show them.
     */
    private Process startWildFly(DatabaseAccounts database) throws StartupProblem {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(List.of("bash", serverHome.resolve("bin/standalone.sh").toString(), "-c", "ill.xml",
                "-Djboss.server.log.dir=" + shellSafe(logDir, "choose another with ILL_DATA_DIR"),
                // the key our partners' security codes are encrypted with stays with the data, not with the build
                "-Dill.secret-key-file=" + shellSafe(dataDir.resolve("ill-secret.key"),
                        "choose another with ILL_DATA_DIR")));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logDir.resolve("console.log").toFile());
        Map<String, String> environment = builder.environment();
        environment.putIfAbsent("JAVA_OPTS", "-Xms256m -Xmx2g -Djava.net.preferIPv4Stack=true");
        environment.put("JBOSS_BASE_DIR", shellSafe(baseDir, "move OpenILL to a folder without them"));
        environment.putAll(database.asEnvironment());
        try {
            return builder.start();
        } catch (IOException e) {
            throw new StartupProblem("Cannot start WildFly from " + serverHome + ": " + e.getMessage(), e);
        }
    }

    /** A folder standalone.sh can be given: it passes its arguments through eval, which must find nothing to do. */
    static String shellSafe(Path folder, String remedy) throws StartupProblem {
        String path = folder.toAbsolutePath().toString();
        if (!path.matches("[A-Za-z0-9/._+,:@=-]+")) {
            throw new StartupProblem("The folder " + path + " has characters WildFly's start script would misread "
                    + "(spaces, quotes, $, ` and the like): " + remedy + ".");
        }
        return path;
    }

    private void waitUntilReady() throws StartupProblem, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + MANAGEMENT_PORT + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Path failed = baseDir.resolve("deployments/ill.ear.failed");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!wildfly.isAlive()) {
                throw new StartupProblem("WildFly stopped while starting; see " + logDir.resolve("console.log"));
            }
            if (Files.exists(failed)) {
                throw new StartupProblem("The application failed to deploy: " + oneLine(failed)
                        + " (full log: " + logDir.resolve("server.log") + ")");
            }
            try {
                HttpResponse<String> response = http.send(ready, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // the management interface is not listening yet
            }
            Thread.sleep(1000);
        }
        throw new StartupProblem("OpenILL was not ready within " + READY_TIMEOUT.toMinutes() + " minutes; see "
                + logDir.resolve("server.log"));
    }

    /** Stops WildFly and waits until it has ended, then PostgreSQL, and waits again; safe to call twice. */
    synchronized void stop() {
        stopping = true;
        if (wildfly != null && wildfly.isAlive()) {
            System.out.println("Stopping WildFly ...");
            List<ProcessHandle> tree = new ArrayList<>(wildfly.descendants().toList());
            tree.add(wildfly.toHandle());
            for (ProcessHandle process : tree) {
                try {
                    LauncherProcesses.stop(process);
                } catch (StartupProblem problem) {
                    System.err.println(problem.getMessage());
                }
            }
        }
        wildfly = null;
        if (embedded != null) {
            System.out.println("Stopping the embedded PostgreSQL ...");
            embedded.close();
            embedded = null;
        }
        if (processes != null) {
            try {
                processes.forget();
            } catch (StartupProblem problem) {
                System.err.println(problem.getMessage());
            }
        }
    }

    private static String oneLine(Path file) {
        try {
            // WildFly writes the failure description as a quoted DMR value over several lines: make it one line.
            String line = Files.readString(file).replace("\\\"", "\"").replaceAll("[{}\\[\\]\"]", " ")
                    .replaceAll("\\s+", " ").strip();
            return line.length() > 500 ? line.substring(0, 500) + " ..." : line;
        } catch (IOException e) {
            return "(unreadable " + file + ")";
        }
    }

    private static Path launcherDirectory() {
        try {
            return Path.of(IllServer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot tell where the launcher jar is", e);
        }
    }

    private static Path serverHome(Path launcherDir) {
        try (Stream<Path> dirs = Files.list(launcherDir)) {
            return dirs.filter(dir -> dir.getFileName().toString().startsWith("wildfly-") && Files.isDirectory(dir))
                    .findFirst().orElse(launcherDir.resolve("wildfly"));
        } catch (IOException e) {
            return launcherDir.resolve("wildfly");
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
