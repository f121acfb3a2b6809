package dev.crmkit.examples.cli.leadimport;

import dev.crmkit.core.capture.CaptureOutcome;

import java.util.Objects;

/** Is told what a {@link LeadImport} does with each row: to count, report, write rejects or show progress. */
public interface ImportListener {

    /** The header was read; called once, before any row. */
    default void started(LeadColumns columns) {
    }

    /** A row was captured, folded, recognized or rejected. */
    void imported(MappedRow row, CaptureOutcome outcome);

    /** Every row was read. Not called when the import fails. */
    default void finished() {
    }

    /** A listener that ignores everything. */
    static ImportListener none() {
        return (row, outcome) -> { };
    }

    /** This listener, then the other. */
    default ImportListener andThen(ImportListener next) {
        Objects.requireNonNull(next, "next");
        ImportListener first = this;
        return new ImportListener() {
            @Override
            public void started(LeadColumns columns) {
                first.started(columns);
                next.started(columns);
            }

            @Override
            public void imported(MappedRow row, CaptureOutcome outcome) {
                first.imported(row, outcome);
                next.imported(row, outcome);
            }

            @Override
            public void finished() {
                first.finished();
                next.finished();
            }
        };
    }
}
