package dev.crmkit.examples.cli.leadimport;

import java.util.Objects;

/**
 * A {@link LeadImport} stopped because a chunk of rows failed in the store (the database broke off, refused a
 * statement, or anything else threw while the chunk was captured). The chunk's unit of work was rolled back, so none
 * of its rows is stored; every chunk before it committed and stays. Running the same import again completes it: rows
 * with an external id that were imported are recognized as captured before, so the rerun creates no duplicates.
 */
public final class ImportStoppedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long firstLine;
    private final long lastLine;
    private final int rows;
    private final transient ImportTally imported;

    /**
     * The failure of one chunk.
     *
     * @param firstLine the physical line the chunk's first row starts on
     * @param lastLine  the physical line the chunk's last row starts on
     * @param rows      the rows of the chunk
     * @param imported  the counts of the rows imported before the chunk
     * @param cause     what failed
     */
    public ImportStoppedException(long firstLine, long lastLine, int rows, ImportTally imported,
                                  RuntimeException cause) {
        super(message(firstLine, lastLine, rows, imported, cause), cause);
        this.firstLine = firstLine;
        this.lastLine = lastLine;
        this.rows = rows;
        this.imported = Objects.requireNonNull(imported, "imported");
    }

    private static String message(long firstLine, long lastLine, int rows, ImportTally imported, Throwable cause) {
        String lines = firstLine == lastLine ? "line " + firstLine : "lines " + firstLine + " to " + lastLine;
        return String.format(java.util.Locale.ROOT, "%s (%,d %s) not imported: the store failed and the chunk was "
                        + "rolled back (%s); the %,d rows before line %d are imported. Run the same import again to "
                        + "complete it: rows with an external id that are already imported are recognized as "
                        + "captured before, so the rerun creates no duplicates",
                lines, rows, rows == 1 ? "row" : "rows", causeText(cause), imported.rows(), firstLine);
    }

    private static String causeText(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message.strip();
    }

    /** The physical line the failed chunk's first row starts on. */
    public long firstLine() {
        return firstLine;
    }

    /** The physical line the failed chunk's last row starts on. */
    public long lastLine() {
        return lastLine;
    }

    /** The rows of the failed chunk. */
    public int rows() {
        return rows;
    }

    /** The counts of the rows imported before the failed chunk. */
    public ImportTally imported() {
        return imported;
    }
}
