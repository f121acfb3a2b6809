package dev.crmkit.core.kernel;

import java.time.Clock;
import java.util.Objects;

/**
 * What every use case needs from its surroundings: units of work, an event publisher, command validation, the clock
 * and the id generator. {@link dev.crmkit.core.Crm} builds one and hands it to each use case. Immutable and
 * thread-safe.
 *
 * @param transactions units of work of the store
 * @param events       the publisher bound to those units of work
 * @param validation   validation of incoming commands
 * @param clock        where time comes from
 * @param ids          where new ids come from
 */
public record Context(Transactions transactions, DomainEvents events, EdgeValidation validation, Clock clock,
                      IdGenerator ids) {

    /** Validates presence. */
    public Context {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ids, "ids");
    }
}
