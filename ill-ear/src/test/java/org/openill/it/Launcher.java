package org.openill.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/** One run of java -jar ill-server-launcher.jar (the README's first command), its output going to a file. */
record Launcher(Process process, Path out) {

    static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    static Launcher start(Path out, Map<String, String> env) throws IOException {
        Files.createDirectories(out.getParent());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-jar", System.getProperty("ill.launcher.jar"))
                .redirectErrorStream(true)
                .redirectOutput(out.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("ILL_"));
        builder.environment().put("ILL_EAR", System.getProperty("ill.ear"));
        builder.environment().putAll(env);
        return new Launcher(builder.start(), out);
    }

    void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String output = output();
            if (output.contains("Press Ctrl-C to stop.")) {
                return;
            }
            if (!process.isAlive()) {
                fail("The launcher stopped (exit " + process.exitValue() + "):\n" + output);
            }
            Thread.sleep(500);
        }
        fail("The launcher was not ready within " + START_TIMEOUT + ":\n" + output());
    }

    String output() throws IOException {
        return Files.exists(out) ? Files.readString(out) : "";
    }
}
