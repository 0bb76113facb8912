package org.openill.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openill.server.DatabaseSettings;
import org.openill.server.EmbeddedDatabase;
import org.openill.server.Ports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher of the README's first command, run as a person runs it: java -jar ill-server-launcher.jar, stopped
 * with SIGTERM (what Ctrl-C does to it) or killed with SIGKILL. Runs before the Arquillian tests (its own failsafe
 * execution), because both need ports 8080 and 9990.
 */
class LauncherIT {

    private final Path work = Path.of(System.getProperty("ill.launcher.it.dir"))
            .resolve(UUID.randomUUID().toString().substring(0, 8));
    private final List<ProcessHandle> started = new ArrayList<>();

    /** Whatever a failed test left running; PostgreSQL runs in a session of its own, so it is found by its data folder. */
    @AfterEach
    void stopEverythingThisTestStarted() {
        for (ProcessHandle process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        EmbeddedDatabase.postmasterPid(work.resolve("data/postgres")).stream()
                .mapToObj(ProcessHandle::of).flatMap(java.util.Optional::stream).forEach(ProcessHandle::destroy);
    }

    @Test
    void ctrlCStopsWildFlyThenPostgresqlAndAKilledLauncherDoesNotBlockTheNextStart() throws Exception {
        Path data = work.resolve("data");
        int databasePort = Ports.anyFree();
        Map<String, String> env = Map.of("ILL_DATA_DIR", data.toString(),
                "ILL_EMBEDDED_DB_PORT", String.valueOf(databasePort));

        Launcher first = Launcher.start(work.resolve("first.out"), env);
        started.add(first.process().toHandle());
        first.awaitReady();
        String firstOutput = first.output();
        assertTrue(firstOutput.contains("Demo data       loaded: 60 demo readers"), firstOutput);
        assertTrue(firstOutput.contains("card NUL-000001 (to NUL-000020; SCL-... South, ECL-... East), PIN 1234"),
                firstOutput);
        assertTrue(firstOutput.contains("ecl-admin, network-admin; password staff-demo"), firstOutput);
        Path credentials = EmbeddedDatabase.credentialsFile(data.resolve("postgres"));
        assertSecretsNowhereVisible(credentials, first);
        DatabaseSettings owner = new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + databasePort + "/ill", "ill",
                passwords(credentials).getProperty("ill"));
        for (String durable : List.of("fsync", "synchronous_commit", "full_page_writes")) {
            assertEquals("on", show(owner, durable), durable + " of the running embedded server");
        }
        List<ProcessHandle> leftovers = first.process().descendants().toList();
        long postmaster = EmbeddedDatabase.postmasterPid(data.resolve("postgres")).orElseThrow();

        first.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertTrue(leftovers.stream().anyMatch(ProcessHandle::isAlive), "WildFly ended with its launcher");
        assertTrue(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false), "PostgreSQL ended");
        assertFalse(Ports.isFree(8080), "nothing holds port 8080 after the launcher was killed");

        Launcher second = Launcher.start(work.resolve("second.out"), env);
        started.add(second.process().toHandle());
        second.awaitReady();
        assertTrue(second.output().contains("The last launcher did not stop cleanly; stopped what it had left running"),
                second.output());
        assertTrue(leftovers.stream().noneMatch(ProcessHandle::isAlive), "the old WildFly still runs");
        assertTrue(Files.readString(data.resolve("log/server.log.1")).contains("WFLYSRV0025"),
                "the log of the killed run was not kept");
        List<ProcessHandle> running = second.process().descendants().toList();
        long secondPostmaster = EmbeddedDatabase.postmasterPid(data.resolve("postgres")).orElseThrow();

        second.process().destroy(); // SIGTERM, as Ctrl-C in a terminal would
        assertTrue(second.process().waitFor(2, TimeUnit.MINUTES), "the launcher did not stop");
        assertTrue(running.stream().noneMatch(ProcessHandle::isAlive), "WildFly still runs after the launcher stopped");
        assertFalse(ProcessHandle.of(secondPostmaster).map(ProcessHandle::isAlive).orElse(false),
                "PostgreSQL still runs after the launcher stopped");
        String output = second.output();
        assertTrue(output.indexOf("Stopping WildFly") < output.indexOf("Stopping the embedded PostgreSQL")
                && output.indexOf("Stopping WildFly") >= 0, output);
        assertTrue(Ports.isFree(8080) && Ports.isFree(9990), "ports still held after the launcher stopped");
        assertFalse(Files.exists(data.resolve("launcher-processes.properties")), "a clean stop leaves no process list");
    }

    @Test
    void aPasswordWithShellMetacharactersIsOnlyAPasswordToWildFly() throws Exception {
        Path marker = work.resolve("evaluated");
        String password = "a$(touch " + marker + ")b`touch " + marker + "`c'd\"e ${x} \\f";
        try (EmbeddedDatabase postgres = EmbeddedDatabase.start(work.resolve("pg"), Ports.anyFree(), false)) {
            DatabaseSettings owner = postgres.database("external").owner();
            DatabaseSettings superuser = owner.as(EmbeddedDatabase.SUPERUSER, superuserPassword(postgres));
            String quoted = "'" + password.replace("'", "''") + "'";
            execute(superuser, "ALTER ROLE external PASSWORD " + quoted);
            execute(superuser, "ALTER ROLE external_app PASSWORD " + quoted);

            Launcher launcher = Launcher.start(work.resolve("external.out"), Map.of(
                    "ILL_DATA_DIR", work.resolve("data").toString(), "ILL_DEMO_DATA", "false",
                    "ILL_DB_URL", owner.url(), "ILL_DB_USER", "external", "ILL_DB_PASSWORD", password,
                    "ILL_DB_APP_USER", "external_app", "ILL_DB_APP_PASSWORD", password));
            started.add(launcher.process().toHandle());
            launcher.awaitReady(); // ready means both datasources logged in with that password
            assertFalse(Files.exists(marker), "a shell evaluated the password");
            assertFalse(launcher.output().contains(password), launcher.output());
            for (ProcessHandle process : launcher.process().descendants().toList()) {
                assertFalse(commandLine(process).contains(password), "visible in ps: " + commandLine(process));
            }
            launcher.process().destroy();
            assertTrue(launcher.process().waitFor(2, TimeUnit.MINUTES), "the launcher did not stop");
        }
    }

    private static String show(DatabaseSettings account, String setting) throws SQLException {
        try (Connection connection = account.connect(); Statement statement = connection.createStatement();
             java.sql.ResultSet row = statement.executeQuery("SHOW " + setting)) {
            assertTrue(row.next());
            return row.getString(1);
        }
    }

    private static Properties passwords(Path credentialsFile) throws IOException {
        Properties passwords = new Properties();
        try (var reader = Files.newBufferedReader(credentialsFile)) {
            passwords.load(reader);
        }
        return passwords;
    }

    private static void assertSecretsNowhereVisible(Path credentialsFile, Launcher launcher) throws IOException {
        Properties passwords = passwords(credentialsFile);
        assertEquals(3, passwords.size(), "superuser, owner and application role: " + passwords.keySet());
        String output = launcher.output();
        List<ProcessHandle> processes = new ArrayList<>(launcher.process().descendants().toList());
        processes.add(launcher.process().toHandle());
        for (String password : passwords.stringPropertyNames().stream().map(passwords::getProperty).toList()) {
            assertFalse(output.contains(password), "the launcher printed a password");
            for (ProcessHandle process : processes) {
                assertFalse(commandLine(process).contains(password), "a password on the command line of " + process.pid());
            }
        }
    }

    /** The command line as ps shows it to every user of the machine. */
    private static String commandLine(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc/" + process.pid() + "/cmdline")).replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }

    private static String superuserPassword(EmbeddedDatabase postgres) throws IOException {
        return passwords(postgres.credentialsFile()).getProperty(EmbeddedDatabase.SUPERUSER);
    }

    private static void execute(DatabaseSettings account, String sql) throws SQLException {
        try (Connection connection = account.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
