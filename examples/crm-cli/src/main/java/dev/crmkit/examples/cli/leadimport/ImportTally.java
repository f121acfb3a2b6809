package dev.crmkit.examples.cli.leadimport;

import dev.crmkit.core.capture.CaptureOutcome;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counts capture outcomes by {@link OutcomeKind}: new leads (and of those, new contacts), duplicates (folded into an
 * open lead, or already captured by external id) and rejections; and, across them, the rows taken with a source label
 * that named no known channel. Not thread-safe.
 */
public final class ImportTally implements ImportListener {

    private final long[] counts = new long[OutcomeKind.values().length];
    private long unknownSources;

    /** Counts one outcome. */
    public void count(CaptureOutcome outcome) {
        counts[OutcomeKind.of(outcome).ordinal()]++;
    }

    @Override
    public void imported(MappedRow row, CaptureOutcome outcome) {
        count(outcome);
        if (row.unknownSource() && !(outcome instanceof CaptureOutcome.Rejected)) {
            unknownSources++;
        }
    }

    /**
     * The rows captured or folded (not rejected) whose {@code source} named no known channel: kept as channel
     * {@code other} with the label as the source detail.
     */
    public long unknownSources() {
        return unknownSources;
    }

    /** How many outcomes of a kind were counted. */
    public long count(OutcomeKind kind) {
        return counts[kind.ordinal()];
    }

    /** Every outcome counted. */
    public long rows() {
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        return sum;
    }

    /** New leads, for new and for known contacts. */
    public long created() {
        return count(OutcomeKind.NEW_LEAD_NEW_CONTACT) + count(OutcomeKind.NEW_LEAD_EXISTING_CONTACT);
    }

    /** New leads that came with a new contact. */
    public long contactsCreated() {
        return count(OutcomeKind.NEW_LEAD_NEW_CONTACT);
    }

    /** Submissions folded into an open lead plus submissions captured before. */
    public long duplicates() {
        return count(OutcomeKind.DUPLICATE_FOLDED) + count(OutcomeKind.ALREADY_CAPTURED);
    }

    /** Rejected submissions. */
    public long rejected() {
        return count(OutcomeKind.REJECTED);
    }

    /** The counts by kind, in declaration order. */
    public Map<OutcomeKind, Long> byKind() {
        Map<OutcomeKind, Long> out = new EnumMap<>(OutcomeKind.class);
        for (OutcomeKind kind : OutcomeKind.values()) {
            out.put(kind, count(kind));
        }
        return out;
    }
}
