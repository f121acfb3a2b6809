package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.lead.Lead;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A chunk's new and folded leads claim their external ids together ({@code JdbcLeads.Later}, MariaDB's bulk write):
 * the lead rows go in first, the ids of both kinds after them in one claim, which gives every id to its own lead; an
 * id another lead holds, or one two leads of the chunk both claim, fails the whole claim, and the unit's rollback
 * takes the lead rows already written with it.
 */
class LeadClaimsLaterTest {

    private static final Instant AT = Instant.parse("2026-12-07T05:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void newAndFoldedLeads_claimTheirIdsAfterTheRows_eachForItsOwnLead(TestDatabase db) {
        Stored on = Stored.in(db, 201);
        JdbcCrmStore store = on.store();
        JdbcLeads leads = on.leads();
        Lead stored = on.lead();
        Lead fresh = on.fx().lead().externalIds("new-1", "new-2").build().atVersion(1);
        Jdbc jdbc = store.jdbc();
        String claimed = jdbc.sql("SELECT COUNT(*) FROM {lead_external_id} WHERE external_id IN "
                + "('new-1', 'new-2', 'fold-1')");

        List<Long> counts = store.transactions().inTransaction(() -> jdbc.tx.write(c -> {
            JdbcLeads.Later later = new JdbcLeads.Later();
            assertTrue(leads.insertAll(c, List.of(fresh), later));
            assertTrue(leads.updateAll(c, List.of(fold(stored, "fold-1")), later));
            long before = jdbc.one(c, claimed, rs -> rs.getLong(1)).orElseThrow();
            assertTrue(leads.writeLater(c, later));
            return List.of(before, jdbc.one(c, claimed, rs -> rs.getLong(1)).orElseThrow());
        }));

        assertEquals(List.of(0L, 3L), counts, "no id claimed before writeLater, the three in it");
        assertEquals(fresh.id(), leads.findByExternalId("new-1").orElseThrow().id());
        assertEquals(fresh.id(), leads.findByExternalId("new-2").orElseThrow().id());
        assertEquals(stored.id(), leads.findByExternalId("fold-1").orElseThrow().id());
        assertEquals(stored.id(), leads.findByExternalId("stored-1").orElseThrow().id());
        assertEquals(2, leads.findById(stored.id()).orElseThrow().version());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anIdAnotherLeadHolds_failsTheClaim_andTheRollbackTakesTheRowsWithIt(TestDatabase db) {
        Stored on = Stored.in(db, 202);
        Lead holder = on.leads().insertOrGet(on.fx().lead().externalIds("held-1").build());
        Lead fresh = on.fx().lead().externalIds("new-1", "held-1").build().atVersion(1);

        assertFalse(attempt(on.store(), fresh, fold(on.lead(), "fold-1")), "held-1 is the holder's");

        assertEquals(Optional.empty(), on.leads().findById(fresh.id()), "the new lead's row went with the rollback");
        assertEquals(1, on.leads().findById(on.lead().id()).orElseThrow().version(), "the fold went with it");
        assertEquals(Optional.empty(), on.leads().findByExternalId("new-1"));
        assertEquals(Optional.empty(), on.leads().findByExternalId("fold-1"));
        assertEquals(holder.id(), on.leads().findByExternalId("held-1").orElseThrow().id());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anIdANewAndAFoldedLeadBothClaim_failsTheClaim(TestDatabase db) {
        Stored on = Stored.in(db, 203);
        Lead fresh = on.fx().lead().externalIds("both-1").build().atVersion(1);

        assertFalse(attempt(on.store(), fresh, fold(on.lead(), "both-1")), "one id, two leads");

        assertEquals(Optional.empty(), on.leads().findById(fresh.id()));
        assertEquals(Optional.empty(), on.leads().findByExternalId("both-1"));
        assertEquals(1, on.leads().findById(on.lead().id()).orElseThrow().version());
    }

    /**
     * Review item L5: two leads of one {@code insertAll} holding the same external id kept one claim and lost the
     * other lead's without a word. The call is refused before it writes anything, with its claims written at once or
     * left for later, naming the field, the rule and the id.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void insertAll_twoLeadsHoldingOneExternalId_isRefusedBeforeWritingAnything(TestDatabase db) {
        Stored on = Stored.in(db, 204);
        Lead first = on.fx().lead().externalIds("twice-1").build().atVersion(1);
        Lead second = on.fx().lead().externalIds("other-1", "twice-1").build().atVersion(1);
        Jdbc jdbc = on.store().jdbc();
        String rows = jdbc.sql("SELECT (SELECT COUNT(*) FROM {lead}) + (SELECT COUNT(*) FROM {lead_external_id})");

        for (boolean claimLater : new boolean[]{false, true}) {
            List<Long> counts = new java.util.ArrayList<>();
            ValidationException e = assertThrows(ValidationException.class,
                    () -> on.store().transactions().inTransaction(() -> jdbc.tx.write(c -> {
                        counts.add(jdbc.one(c, rows, rs -> rs.getLong(1)).orElseThrow());
                        try {
                            return on.leads().insertAll(c, List.of(first, second),
                                    claimLater ? new JdbcLeads.Later() : null);
                        } finally {
                            counts.add(jdbc.one(c, rows, rs -> rs.getLong(1)).orElseThrow());
                        }
                    })));

            assertEquals("externalIds", e.violations().get(0).field());
            assertEquals("unique-in-batch", e.violations().get(0).rule());
            assertTrue(e.getMessage().contains("twice-1"), e.getMessage());
            assertEquals(List.of(2L, 2L), counts, "no row written in the unit (later " + claimLater + ")");
        }
        assertEquals(Optional.empty(), on.leads().findById(first.id()));
        assertEquals(Optional.empty(), on.leads().findByExternalId("twice-1"));
    }

    /**
     * The new lead inserted and the fold written, the ids claimed after them, in one unit that rolls back (as the
     * bulk write's conflict does) when the claim fails: the claim's answer.
     */
    private static boolean attempt(JdbcCrmStore store, Lead fresh, Lead fold) {
        JdbcLeads leads = (JdbcLeads) store.leads();
        Jdbc jdbc = store.jdbc();
        boolean[] won = {true};
        try {
            store.transactions().inTransaction(() -> jdbc.tx.write(c -> {
                JdbcLeads.Later later = new JdbcLeads.Later();
                assertTrue(leads.insertAll(c, List.of(fresh), later));
                assertTrue(leads.updateAll(c, List.of(fold), later));
                if (!leads.writeLater(c, later)) {
                    won[0] = false;
                    throw new IllegalStateException("claim lost");
                }
                return null;
            }));
        } catch (IllegalStateException e) {
            assertEquals("claim lost", e.getMessage());
        }
        return won[0];
    }

    /** An emptied store with one lead stored (external id {@code stored-1}, version 1) to fold into. */
    private record Stored(JdbcCrmStore store, JdbcLeads leads, Fixtures fx, Lead lead) {
        static Stored in(TestDatabase db, long seed) {
            JdbcCrmStore store = db.freshStore();
            JdbcLeads leads = (JdbcLeads) store.leads();
            Fixtures fx = new Fixtures(seed);
            return new Stored(store, leads, fx, leads.insertOrGet(fx.lead().externalIds("stored-1").build()));
        }
    }

    /** A repeat of the stored lead folded in, adding the external id. */
    private static Lead fold(Lead stored, String externalId) {
        return stored.foldRepeat(Optional.of(externalId), "fp-" + externalId, stored.name(), stored.email(),
                stored.phone(), "", "", Optional.empty(), CustomFields.empty(), AT);
    }
}
