package dev.crmkit.examples.cli;

import dev.crmkit.adapters.memory.InMemoryCrmStore;
import dev.crmkit.kit.CrmkitStore;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a command keeps its data: by default an H2 database in {@code ./.crm/} (created on first use, kept between
 * runs); {@code --jdbc-url} (or {@code CRM_JDBC_URL}) for PostgreSQL or MariaDB; {@code --in-memory} for an empty
 * store that is gone at exit.
 */
public final class StoreOptions {

    /** The folder of the default database, relative to the working directory. */
    static final Path DEFAULT_FOLDER = Path.of(".crm");

    /** The table prefix of the stores the commands use. */
    static final String PREFIX = "crm_";

    @Mixin
    JdbcOptions jdbc = new JdbcOptions();

    @Option(names = "--in-memory",
            description = "Use an empty in-memory store that is gone at exit, instead of the database.")
    boolean inMemory;

    /**
     * Opens the store the options select: checks the options, connects, and migrates crmkit's tables.
     *
     * @throws ParameterException    if the options contradict each other or the URL is not a JDBC URL
     * @throws IllegalStateException if the database cannot be reached or prepared, naming it
     */
    OpenStore open(CommandSpec spec) {
        boolean urlOption = matched(spec, "--jdbc-url");
        if (inMemory) {
            if (urlOption) {
                throw new ParameterException(spec.commandLine(), "--in-memory and --jdbc-url exclude each other");
            }
            return new OpenStore(InMemoryCrmStore.create(), "in memory (empty at start, gone at exit)", false,
                    null);
        }
        Optional<String> url = jdbc.url();
        if (url.isEmpty()) {
            for (String option : new String[] {"--jdbc-user", "--jdbc-password"}) {
                if (matched(spec, option)) {
                    throw new ParameterException(spec.commandLine(), option + " needs --jdbc-url");
                }
            }
            Path folder = DEFAULT_FOLDER.toAbsolutePath().normalize();
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + folder + " for the database: " + e.getMessage(), e);
            }
            // the program's own file: no relay ever delivers its outbox, which would only grow (a third of the file)
            Database db = Database.open("jdbc:h2:file:" + folder.resolve("crm"), Optional.empty(), Optional.empty(),
                    PREFIX, false);
            return new OpenStore(db.store(), "H2 database " + DEFAULT_FOLDER.resolve("crm") + " in "
                    + folder.getParent() + " (kept between runs; --in-memory for an empty one)", true, db);
        }
        Database db;
        try {
            db = Database.open(url.get(), jdbc.user(), jdbc.password(), PREFIX);
        } catch (Database.BadUrlException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--jdbc-url'"
                    + (urlOption ? "" : " (from CRM_JDBC_URL)") + ": " + e.getMessage());
        }
        return new OpenStore(db.store(), db.product() + " at " + db.shownUrl(), true, db);
    }

    private static boolean matched(CommandSpec spec, String option) {
        return spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /**
     * An open store.
     *
     * @param store       the store
     * @param description what and where it is, for reports
     * @param persistent  whether it keeps its data after the run (and may hold data of earlier runs)
     * @param database    the database under it, or null in memory
     */
    record OpenStore(CrmkitStore store, String description, boolean persistent, Database database)
            implements AutoCloseable {

        @Override
        public void close() {
            if (database != null) {
                database.close();
            }
        }
    }
}
