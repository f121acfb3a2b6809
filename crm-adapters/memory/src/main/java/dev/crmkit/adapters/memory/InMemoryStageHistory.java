package dev.crmkit.adapters.memory;

import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.deal.StageHistory;
import dev.crmkit.pipeline.deal.StageHistoryEntry;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The stage history in memory, indexed by deal in the order of the deal versions the entries produced. The index
 * reuses {@link OrderKey} with the deal version as its time (seconds after the epoch), so cursors stay opaque text.
 * Thread-safe.
 */
final class InMemoryStageHistory implements StageHistory {

    private static final String DEAL = "deal";

    private final InMemoryTransactions tx;
    private final Table<UUID, StageHistoryEntry> table;

    InMemoryStageHistory(InMemoryTransactions tx) {
        this.tx = tx;
        this.table = new Table<UUID, StageHistoryEntry>("stage history entry", tx, StageHistoryEntry::id, e -> 0L,
                (e, v) -> e, InMemoryStageHistory::order)
                .group(DEAL, e -> List.of(e.dealId()), InMemoryStageHistory::byDealVersion);
    }

    private static Instant order(StageHistoryEntry e) {
        return e.at();
    }

    /**
     * The order time of each deal version below 64, made once: every entry written (a move's) and every position read
     * while its group is written asks for one, an {@link Instant} each time otherwise.
     */
    private static final Instant[] VERSION_TIMES = new Instant[64];

    static {
        for (int v = 0; v < VERSION_TIMES.length; v++) {
            VERSION_TIMES[v] = Instant.ofEpochSecond(v);
        }
    }

    private static Instant byDealVersion(StageHistoryEntry e) {
        long version = e.dealVersion();
        return version >= 0 && version < VERSION_TIMES.length ? VERSION_TIMES[(int) version]
                : Instant.ofEpochSecond(version);
    }

    @Override
    public void append(StageHistoryEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (tx.inUnitOfWork()) { // a move's entry, in the move's unit: joined without a lambda
            appendNow(entry);
            return;
        }
        tx.inTransaction(() -> { // the check and the insert in one unit of work: units of work run one at a time
            appendNow(entry);
            return null;
        });
    }

    private void appendNow(StageHistoryEntry entry) {
        // versions grow, so only a deal whose newest entry is not older can hold this version already (each move
        // appends an entry: its one newer version is the usual case, settled by the newest entry alone, read as the
        // row the table keeps rather than as its position, which would be worked out of the row)
        StageHistoryEntry last = table.lastOrNull(DEAL, entry.dealId());
        if (last != null && last.dealVersion() >= entry.dealVersion()
                && table.get(entry.id()).isEmpty()
                && !table.all(DEAL, entry.dealId(), e -> e.dealVersion() == entry.dealVersion()).isEmpty()) {
            throw new IllegalArgumentException("deal " + entry.dealId() + " already has a stage history entry "
                    + "for version " + entry.dealVersion());
        }
        table.insert(entry);
    }

    @Override
    public Page<StageHistoryEntry> ofDeal(DealId dealId, PageRequest page) {
        return table.page(DEAL, Objects.requireNonNull(dealId, "dealId"), Objects.requireNonNull(page, "page"), false,
                e -> true);
    }

    /** The archive of the stage history entry rows, keyed by id: export and restore only. */
    MemoryArchive<StageHistoryEntry> archive(InMemoryTransactions tx) {
        return MemoryArchive.of(tx, "stage history entry", table, StageHistoryEntry::id, UUID::fromString);
    }
}
