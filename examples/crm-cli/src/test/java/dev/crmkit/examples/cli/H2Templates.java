package dev.crmkit.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * H2 stores that tests start from, each written once per JVM and copied for every test that starts from it: writing
 * one (every migration on a new file, then the fixture's writes) costs seconds, a copy of its file milliseconds. Each
 * copy is its test's own, so a test that writes changes only its copy. A fixture must be deterministic (seeded ids,
 * a fixed clock): every test of a JVM sees the one it wrote first.
 */
final class H2Templates {

    private static final Map<String, Path> TEMPLATES = new HashMap<>();

    private H2Templates() {
    }

    /** A copy of the store {@code crm demo --no-report} writes, in {@code dir} (the test's own folder); its URL. */
    static String demo(Path dir) {
        return copy("demo", dir, url -> {
            CliRun run = CliRun.crm("demo", "--no-report", "--jdbc-url", url);
            if (run.exitCode() != 0) {
                throw new AssertionError("the demo failed: " + run);
            }
        });
    }

    /**
     * A copy in {@code dir} of the store named {@code name}, written first by {@code setUp} (given its JDBC URL, it
     * must leave the store closed); the copy's JDBC URL.
     */
    static synchronized String copy(String name, Path dir, Consumer<String> setUp) {
        try {
            Path template = TEMPLATES.get(name);
            if (template == null) {
                Path folder = Files.createTempDirectory("crm-" + name + "-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder)));
                setUp.accept(url(folder));
                TEMPLATES.put(name, folder);
                template = folder;
            }
            List<Path> files;
            try (Stream<Path> listed = Files.list(template)) {
                files = listed.toList();
            }
            for (Path file : files) {
                Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            return url(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDBC URL of the H2 store {@code crm} in the folder. */
    static String url(Path folder) {
        return "jdbc:h2:file:" + folder.resolve("crm");
    }

    private static void delete(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
