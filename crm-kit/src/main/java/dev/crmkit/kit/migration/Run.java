package dev.crmkit.kit.migration;

import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.kit.CrmkitStore;

import java.time.Clock;
import java.time.Instant;

/**
 * What a migration runs with: the store, the migration's clock (for records without a source time and for the time
 * of each link) and id generator, and the mapping.
 *
 * @param store   the store written to
 * @param clock   the migration's clock
 * @param ids     new records' ids
 * @param mapping      the mapping
 * @param suppressions the erased people, whom no row brings back
 */
record Run(CrmkitStore store, Clock clock, IdGenerator ids, MigrationMapping mapping,
           dev.crmkit.core.privacy.Suppressions suppressions) {

    Instant now() {
        return clock.instant();
    }
}
