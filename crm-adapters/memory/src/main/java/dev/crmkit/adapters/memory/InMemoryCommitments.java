package dev.crmkit.adapters.memory;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.service.commitment.Commitment;
import dev.crmkit.service.commitment.CommitmentId;
import dev.crmkit.service.commitment.Commitments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Recorded commitments in memory, indexed by customer and by being open, each by due day. Thread-safe. */
final class InMemoryCommitments implements Commitments {

    private static final String CUSTOMER = "customer";
    private static final String OPEN = "open";

    private final InMemoryTransactions tx;
    private final Table<CommitmentId, Commitment> table;

    InMemoryCommitments(InMemoryTransactions tx) {
        this.tx = tx;
        this.table = new Table<CommitmentId, Commitment>("commitment", tx, Commitment::id, Commitment::version,
                Commitment::atVersion, Commitment::recordedAt)
                .group(CUSTOMER, c -> List.of(c.customer()), InMemoryCommitments::due)
                .group(OPEN, c -> c.open() ? List.of(Boolean.TRUE) : List.of(), InMemoryCommitments::due);
    }

    private static Instant due(Commitment c) {
        return c.due().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Override
    public Commitment insert(Commitment commitment) {
        return table.insert(Objects.requireNonNull(commitment, "commitment"));
    }

    @Override
    public Commitment update(Commitment commitment) {
        return table.update(Objects.requireNonNull(commitment, "commitment"));
    }

    @Override
    public Optional<Commitment> findById(CommitmentId id) {
        return table.get(id);
    }

    @Override
    public List<Commitment> ofCustomer(ContactId customer) {
        return table.all(CUSTOMER, Objects.requireNonNull(customer, "customer"));
    }

    @Override
    public List<Commitment> openDueBy(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return table.all(OPEN, Boolean.TRUE).stream().filter(c -> !c.due().isAfter(day)).toList();
    }

    /** The archive of the commitments, keyed by id: export and restore only. */
    MemoryArchive<Commitment> archive() {
        return MemoryArchive.of(tx, "commitment", table, Commitment::id,
                k -> new CommitmentId(java.util.UUID.fromString(k)));
    }

    /** The table, for a person's erasure. */
    Table<CommitmentId, Commitment> rows() {
        return table;
    }
}
