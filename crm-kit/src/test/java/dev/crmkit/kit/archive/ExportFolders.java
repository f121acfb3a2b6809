package dev.crmkit.kit.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Assertions on folders of a full export. */
public final class ExportFolders {

    private ExportFolders() {
    }

    /** The two folders hold files of the same names, each with the same bytes. */
    public static void assertSameFiles(Path expected, Path actual) throws IOException {
        List<String> names = names(expected);
        assertEquals(names, names(actual), "the files of " + actual);
        for (String name : names) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(name)), Files.readAllBytes(actual.resolve(name)),
                    name + " of " + actual + " differs from " + expected);
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
