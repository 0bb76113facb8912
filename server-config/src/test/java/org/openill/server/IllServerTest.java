package org.openill.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IllServerTest {

    @Test
    void eachStartGetsAFreshServerBaseDirectoryWithTheProvisionedConfiguration(@TempDir Path temp) throws Exception {
        Path home = temp.resolve("wildfly");
        Files.createDirectories(home.resolve("standalone/configuration"));
        Files.writeString(home.resolve("standalone/configuration/ill.xml"), "<server/>");
        Path base = temp.resolve("run");
        Files.createDirectories(base.resolve("deployments"));
        Files.writeString(base.resolve("deployments/old.ear.failed"), "left over from the last run");

        IllServer.prepareBaseDirectory(home, base);

        assertEquals("<server/>", Files.readString(base.resolve("configuration/ill.xml")));
        assertTrue(Files.isDirectory(base.resolve("deployments")));
        assertFalse(Files.exists(base.resolve("deployments/old.ear.failed")), "a stale deployment marker survived");
    }

    @Test
    void eachStartKeepsTheLogsOfTheFiveRunsBefore(@TempDir Path logs) throws Exception {
        for (int run = 1; run <= 7; run++) {
            IllServer.rotate(logs, "server.log", 5);
            Files.writeString(logs.resolve("server.log"), "run " + run);
        }
        assertEquals("run 7", Files.readString(logs.resolve("server.log")));
        assertEquals("run 6", Files.readString(logs.resolve("server.log.1")));
        assertEquals("run 2", Files.readString(logs.resolve("server.log.5")));
        assertFalse(Files.exists(logs.resolve("server.log.6")));
    }

    @Test
    void aFolderTheStartScriptWouldEvaluateIsRefused() throws Exception {
        assertEquals("/var/lib/openill/log", IllServer.shellSafe(Path.of("/var/lib/openill/log"), "choose another"));
        for (String folder : new String[] {"/tmp/a b", "/tmp/$(touch x)", "/tmp/`id`", "/tmp/it's"}) {
            StartupProblem problem = assertThrows(StartupProblem.class,
                    () -> IllServer.shellSafe(Path.of(folder), "choose another"), folder);
            assertTrue(problem.getMessage().endsWith("choose another."), problem.getMessage());
        }
    }
}
