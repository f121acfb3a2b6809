package dev.crmkit.service.commitment;

import dev.crmkit.core.contact.ContactId;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The repository port of recorded commitments. Implementations are thread-safe. */
public interface Commitments {

    /**
     * Stores a new commitment at version 1.
     *
     * @throws IllegalArgumentException if its id is taken
     */
    Commitment insert(Commitment commitment);

    /**
     * Replaces the commitment read at {@code commitment.version()} with the copy at the next version.
     *
     * @throws dev.crmkit.core.kernel.StaleVersionException if it changed since it was read
     */
    Commitment update(Commitment commitment);

    /** The commitment with this id. */
    Optional<Commitment> findById(CommitmentId id);

    /** A customer's commitments, by due day. */
    List<Commitment> ofCustomer(ContactId customer);

    /** The commitments not handed over yet that are due on or before the day, by due day. */
    List<Commitment> openDueBy(LocalDate day);
}
