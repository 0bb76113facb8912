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
import java.util.stream.Stream;

/**
 * Starts OpenILL in the foreground: PostgreSQL (embedded unless ILL_DB_URL is set), then the provisioned WildFly
 * with the EAR; prints where to go once the application is ready, and stops both on Ctrl-C.
 */
public final class IllServer {

    static final int HTTP_PORT = 8080;
    static final int MANAGEMENT_PORT = 9990;
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(10);

    private final Path serverHome;
    private final Path ear;
    private final Path baseDir;
    private final Path dataDir;
    private final Map<String, String> env;
    private EmbeddedDatabase embedded;
    private Process wildfly;

    IllServer(Path serverHome, Path ear, Path baseDir, Path dataDir, Map<String, String> env) {
        this.serverHome = serverHome;
        this.ear = ear;
        this.baseDir = baseDir;
        this.dataDir = dataDir;
        this.env = env;
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path launcherDir = launcherDirectory();
        Path projectDir = launcherDir.getParent().getParent();
        Map<String, String> env = System.getenv();
        Path serverHome = serverHome(launcherDir);
        Path ear = Path.of(env.getOrDefault("ILL_EAR", projectDir.resolve("ill-ear/target/ill.ear").toString()));
        Path dataDir = Path.of(env.getOrDefault("ILL_DATA_DIR", projectDir.resolve("data").toString()));
        IllServer server = new IllServer(serverHome, ear, launcherDir.resolve("run"), dataDir, env);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "ill-shutdown"));
        try {
            server.run();
        } catch (StartupProblem problem) {
            System.err.println("OpenILL cannot start: " + problem.getMessage());
            server.stop();
            System.exit(2);
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
        for (int port : new int[] {HTTP_PORT, MANAGEMENT_PORT}) {
            if (!Ports.isFree(port)) {
                throw new StartupProblem("Port " + port + " is already in use (another WildFly or OpenILL still running?): "
                        + "stop the program that holds it and start again.");
            }
        }

        DatabaseSettings database = DatabaseSettings.fromEnvironment(env);
        if (database == null) {
            int port = Integer.parseInt(env.getOrDefault("ILL_EMBEDDED_DB_PORT", "15432"));
            Path pgData = dataDir.resolve("postgres");
            System.out.println("Starting the embedded PostgreSQL (data kept in " + pgData + ", port " + port + ") ...");
            embedded = EmbeddedDatabase.start(pgData, port, true);
            database = embedded.database("ill");
        } else {
            System.out.println("Using the PostgreSQL database at " + database.url() + " ...");
            database.verifyReachable();
        }

        System.out.println("Starting WildFly " + serverHome.getFileName() + " with " + ear.getFileName()
                + " (server log: " + baseDir.resolve("log/server.log") + ") ...");
        prepareBaseDirectory();
        wildfly = startWildFly(database);
        waitUntilReady();
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.println();
        System.out.println("OpenILL is ready (started in " + seconds + " s):");
        System.out.println("  Reader portal   http://localhost:" + HTTP_PORT + "/ill/");
        System.out.println("  Readiness       http://localhost:" + MANAGEMENT_PORT + "/health/ready");
        System.out.println("  Database        " + database.url());
        System.out.println("Press Ctrl-C to stop.");
        int exit = wildfly.waitFor();
        if (exit != 0 && exit != 130 && exit != 143) {
            throw new StartupProblem("WildFly stopped with exit code " + exit + "; see " + baseDir.resolve("log/server.log"));
        }
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

    private Process startWildFly(DatabaseSettings database) throws StartupProblem {
        List<String> command = new ArrayList<>(List.of("bash", serverHome.resolve("bin/standalone.sh").toString(),
                "-c", "ill.xml", "-Djboss.server.base.dir=" + baseDir));
        command.addAll(List.of(database.asSystemProperties()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(baseDir.resolve("console.log").toFile());
        builder.environment().putIfAbsent("JAVA_OPTS", "-Xms256m -Xmx2g -Djava.net.preferIPv4Stack=true");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new StartupProblem("Cannot start WildFly from " + serverHome + ": " + e.getMessage(), e);
        }
    }

    private void waitUntilReady() throws StartupProblem, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + MANAGEMENT_PORT + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Path failed = baseDir.resolve("deployments/ill.ear.failed");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!wildfly.isAlive()) {
                throw new StartupProblem("WildFly stopped while starting; see " + baseDir.resolve("console.log"));
            }
            if (Files.exists(failed)) {
                throw new StartupProblem("The application failed to deploy: " + oneLine(failed)
                        + " (full log: " + baseDir.resolve("log/server.log") + ")");
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
                + baseDir.resolve("log/server.log"));
    }

    synchronized void stop() {
        if (wildfly != null && wildfly.isAlive()) {
            System.out.println("Stopping WildFly ...");
            wildfly.descendants().forEach(ProcessHandle::destroy);
            wildfly.destroy();
            try {
                if (!wildfly.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    wildfly.descendants().forEach(ProcessHandle::destroyForcibly);
                    wildfly.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        wildfly = null;
        if (embedded != null) {
            System.out.println("Stopping the embedded PostgreSQL ...");
            embedded.close();
            embedded = null;
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
