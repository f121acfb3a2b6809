package dev.crmkit.adapters.memory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs a probe's {@code main} in a JVM of its own that only interprets ({@code -Xint}), with the tests' class path,
 * and reads the number it prints last: the allocation tests' count, the same on every run whatever the JIT would
 * remove.
 */
final class InterpretedProbe {

    private InterpretedProbe() {
    }

    /** The last line the probe printed, as a number; fails the test with its output if it exits with an error. */
    static long run(Class<?> probe) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xint", "-cp", System.getProperty("java.class.path"), probe.getName())
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, process.waitFor(), out);
        return Long.parseLong(out.substring(out.lastIndexOf('\n') + 1).strip());
    }
}
