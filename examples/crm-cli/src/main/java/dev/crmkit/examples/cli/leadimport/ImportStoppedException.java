package dev.crmkit.examples.cli.leadimport;

import java.util.Objects;

/**
 * A {@link LeadImport} stopped because the store failed for a reason no single row explains: a chunk of rows failed,
 * was rolled back and retried row by row, and then a row failed while the store did not even answer a read, or every
 * row of the chunk failed on its own. None of the lines named is
 * stored; every row before them is imported or rejected. Running the same import again completes it: rows with an
 * external id that were imported are recognized as captured before, so the rerun creates no duplicates.
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
     * @param firstLine the physical line the first row not imported starts on
     * @param lastLine  the physical line the last row of its chunk starts on
     * @param rows      the rows from the first to the last line
     * @param imported  the counts of the rows before the first line
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
        return String.format(java.util.Locale.ROOT, "%s (%,d %s) not imported: the store failed (%s), and not "
                        + "because of one row; the %,d rows before line %d are imported or rejected. Run the same "
                        + "import again to complete it: rows with an external id that are already imported are recognized as "
                        + "captured before, so the rerun creates no duplicates",
                lines, rows, rows == 1 ? "row" : "rows", causeText(cause), imported.rows(), firstLine);
    }

    /** What failed, in one bounded line. */
    static String causeText(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName()
                : Printable.of(message.strip());
    }

    /** The physical line the first row not imported starts on. */
    public long firstLine() {
        return firstLine;
    }

    /** The physical line the last row of the failed chunk starts on. */
    public long lastLine() {
        return lastLine;
    }

    /** The rows from {@link #firstLine} to {@link #lastLine}. */
    public int rows() {
        return rows;
    }

    /** The counts of the rows before {@link #firstLine}. */
    public ImportTally imported() {
        return imported;
    }
}
