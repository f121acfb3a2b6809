package dev.crmkit.examples.cli;

import dev.crmkit.core.CrmStore;
import dev.crmkit.kit.CrmkitStore;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.util.function.BiFunction;

/**
 * Opens the store {@link StoreOptions} select for commands outside this package (the metrics commands), reads it, and
 * closes it again.
 */
public final class StoreAccess {

    private StoreAccess() {
    }

    /**
     * Opens the store, applies {@code reader} to it and to its description, closes it, and returns what the reader
     * returned.
     *
     * @throws ParameterException    if the store options contradict each other
     * @throws IllegalStateException if the database cannot be reached or prepared
     */
    public static <T> T read(StoreOptions options, CommandSpec spec, BiFunction<CrmStore, String, T> reader) {
        try (StoreOptions.OpenStore store = options.open(spec)) {
            return reader.apply(store.store(), store.description());
        }
    }

    /**
     * Like {@link #read}, with the store seen through every module's ports (crm-service's too).
     *
     * @throws ParameterException    if the store options contradict each other
     * @throws IllegalStateException if the database cannot be reached or prepared
     */
    public static <T> T readAll(StoreOptions options, CommandSpec spec, BiFunction<CrmkitStore, String, T> reader) {
        try (StoreOptions.OpenStore store = options.open(spec)) {
            return reader.apply(store.store(), store.description());
        }
    }
}
