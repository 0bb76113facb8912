package org.openill.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
}
