package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.lead.Lead;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * When MariaDB's one-statement update of a chunk's folded leads ({@code JdbcLeads.updateAll}) matches fewer rows than
 * it has, the refusal names a lead it did not write (read back), with the version it was given at, not just the
 * chunk's first lead.
 */
class UpdateAllStaleTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theRefusalNamesALeadTheUpdateDidNotWrite(TestDatabase db) {
        JdbcCrmStore store = db.freshStore();
        Fixtures fx = new Fixtures(23);
        Lead one = store.leads().insertOrGet(fx.lead().build());
        Lead two = store.leads().insertOrGet(fx.lead().build());
        Map<UUID, Lead> given = new TreeMap<>(Map.of(one.id().value(), one, two.id().value(), two));
        Lead firstInIdOrder = given.values().iterator().next();
        Lead notWritten = given.values().stream().skip(1).findFirst().orElseThrow();
        store.leads().update(firstInIdOrder); // at the version the chunk's update writes: this one went through
        JdbcLeads leads = (JdbcLeads) store.leads();

        StaleVersionException e = store.jdbc().tx.read(c -> leads.notUpdated(c, given, given));

        assertEquals(notWritten.id().toString(), e.recordId());
        assertEquals(notWritten.version(), e.expectedVersion());
        assertEquals("lead", e.recordType());
    }
}
