package dev.crmkit.adapters.json;

import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.pipeline.deal.DealId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The classes of crm-core and crm-pipeline, read from their class folders or jars (no scanning library), so a test
 * over "every value type" or "every domain event" covers the ones added later without being told.
 */
final class DomainTypes {

    private DomainTypes() {
    }

    /** Every public top-level or nested class of crm-core and crm-pipeline. */
    static List<Class<?>> publicClasses() {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> anchor : List.of(Money.class, DealId.class)) {
            for (String name : classNames(anchor)) {
                Class<?> c = load(name);
                if (isPublic(c)) {
                    out.add(c);
                }
            }
        }
        out.sort(Comparator.comparing(Class::getName));
        return out;
    }

    /**
     * Every domain event record: the permitted records of each sealed interface extending {@link DomainEvent}
     * (recursively), and records implementing it directly.
     */
    static Set<Class<?>> eventRecords() {
        Set<Class<?>> out = new LinkedHashSet<>();
        for (Class<?> c : publicClasses()) {
            if (DomainEvent.class.isAssignableFrom(c) && c != DomainEvent.class) {
                collect(c, out);
            }
        }
        return out;
    }

    private static void collect(Class<?> c, Set<Class<?>> out) {
        if (c.isRecord()) {
            out.add(c);
        } else if (c.isSealed()) {
            for (Class<?> sub : c.getPermittedSubclasses()) {
                collect(sub, out);
            }
        }
    }

    private static boolean isPublic(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return !c.isAnonymousClass() && !c.isLocalClass() && !c.isSynthetic();
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, DomainTypes.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> classNames(Class<?> anchor) {
        try {
            Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                return classNames(location);
            }
            try (FileSystem jar = FileSystems.newFileSystem(location, Map.of())) {
                return classNames(jar.getPath("/"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> classNames(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.startsWith("dev/crmkit/") && p.endsWith(".class") && !p.endsWith("package-info.class"))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
                    .toList();
        }
    }
}
