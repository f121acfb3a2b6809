package dev.crmkit.kit.migration;

import java.util.Iterator;
import java.util.List;

/**
 * The exported files of a source system, opened by name: what a migration reads. The {@code crm migrate} command
 * reads CSV files of a folder; a host may read anything that has a header and rows.
 */
public interface SourceFiles {

    /**
     * Opens a file.
     *
     * @throws IllegalArgumentException naming the file if it does not exist or cannot be read
     */
    SourceFile open(String name);

    /** One open file: its column names, and its rows read one at a time. */
    interface SourceFile extends AutoCloseable {

        /** The column names, as written. */
        List<String> header();

        /**
         * The rows, in file order, read once.
         *
         * @throws IllegalArgumentException from {@code next()} if a row cannot be read, naming its line
         */
        Iterator<SourceRow> rows();

        /** Releases the file. */
        @Override
        void close();
    }
}
