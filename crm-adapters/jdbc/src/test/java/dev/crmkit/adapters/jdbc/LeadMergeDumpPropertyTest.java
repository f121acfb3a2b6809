package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.merge.LeadMerge;
import dev.crmkit.core.merge.LeadMergeOutcome;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskId;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.definition.PipelineId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * The properties of lead merges on the tables themselves: for seeded random groups of leads (with external ids) with
 * tasks, deals converted from them and timeline entries (one about two of the leads), a merge keeps the number of rows
 * of every related table and leaves none of them pointing at a merged-away lead; after merge and unmerge the full
 * dump of every crmkit table equals the dump before the merge, but for the merge's own records and the two timeline
 * entries the merge and the unmerge wrote.
 */
class LeadMergeDumpPropertyTest {

    private static final Set<String> RECORD_TABLES = Set.of("crm_lead_merge", "crm_lead_merge_snapshot",
            "crm_outbox");
    private static final List<String> RELATED = List.of("crm_lead", "crm_lead_external_id", "crm_task", "crm_deal",
            "crm_activity", "crm_activity_about");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void mergeKeepsRelatedRows_unmergeRestoresEveryTable(TestDatabase db) {
        qt().withFixedSeed(51L).withExamples(6).forAll(integers().between(2, 4), integers().between(0, 100_000))
                .checkAssert((size, seed) -> {
                    JdbcCrmStore store = db.freshStore();
                    SplittableRandom random = new SplittableRandom(seed);
                    Crm crm = Crm.builder().store(store).clock(Clock.fixed(T0.plusSeconds(7200), ZoneOffset.UTC))
                            .ids(IdGenerator.seeded(seed)).defaultRegion("DE").build();
                    List<LeadId> ids = fill(store, size, random);
                    DataSource ds = db.shared();
                    String before = MergeDumpPropertyTest.dump(ds, Set.of(), RECORD_TABLES);
                    long related = MergeDumpPropertyTest.rows(ds, RELATED);
                    LeadId survivor = ids.get(random.nextInt(size));

                    LeadMerge merge = assertInstanceOf(LeadMergeOutcome.Merged.class,
                            crm.leadMerging().merge(ids, Optional.of(survivor))).merge();

                    assertEquals(related + 2, MergeDumpPropertyTest.rows(ds, RELATED),
                            "one more timeline entry and its about row");
                    for (LeadId gone : merge.mergedIds()) {
                        assertEquals(0, refs(ds, gone, merge.activityId()), "rows still pointing at " + gone);
                    }
                    LeadMergeOutcome.Unmerged undone = assertInstanceOf(LeadMergeOutcome.Unmerged.class,
                            crm.leadMerging().unmerge(merge.id()));

                    dev.crmkit.core.contract.Restored.assertRestored(before, MergeDumpPropertyTest.dump(ds,
                            Set.of(merge.activityId().toString(), undone.activityId().toString()), RECORD_TABLES),
                            dev.crmkit.core.contract.Restored.written(merge), T0.plusSeconds(7200));
                });
    }

    /**
     * Rows that name the lead, but its own row with its name keys, its alias, its parked timeline rows (an entry about it and the
     * survivor keeps its row on no timeline, for the unmerge) and the merge's own timeline entry, which names it.
     */
    private static long refs(DataSource ds, LeadId lead, ActivityId mergeEntry) {
        String id = lead.value().toString();
        String dump = MergeDumpPropertyTest.dump(ds, Set.of(mergeEntry.toString()), RECORD_TABLES);
        String table = "";
        long n = 0;
        for (String line : dump.lines().toList()) {
            if (line.startsWith("== ")) {
                table = line.substring(3);
            } else if (line.contains(id) && !table.equals("crm_lead") && !table.equals("crm_lead_alias")
                    && !table.equals("crm_lead_name_key") // the keys of the lead's own row, which stays (V80)
                    && !line.contains("record_type=" + JdbcMerges.PARKED + " ")) {
                n++;
            }
        }
        return n;
    }

    /** Leads with external ids and random numbers of tasks, deals and timeline entries; one entry about two. */
    private static List<LeadId> fill(JdbcCrmStore store, int size, SplittableRandom random) {
        List<LeadId> ids = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            LeadId id = new LeadId(uuid(random));
            Instant at = T0.plusSeconds(i);
            EmailAddress email = EmailAddress.parse("kim" + i + "." + random.nextInt(1_000_000) + "@example.org");
            store.leads().insertOrGet(Lead.builder(id, new ContactId(uuid(random)), LeadSource.of(Channel.WEB_FORM),
                    PersonName.of("Kim", "Doe " + i), at).reachableAt(Optional.of(email), Optional.empty())
                    .externalId("form-" + i + "-" + random.nextInt(1_000_000), "print-" + i).build());
            RecordRef ref = new RecordRef(RecordType.LEAD, id.value());
            for (int n = random.nextInt(3); n > 0; n--) {
                store.tasks().insert(Task.open(new TaskId(uuid(random)), "Call back", at.plusSeconds(86_400),
                        Optional.empty(), UserId.of("alice"), Optional.of(ref), at));
            }
            for (int n = random.nextInt(3); n > 0; n--) {
                store.deals().insert(Deal.builder(new DealId(uuid(random)), new PipelineId(uuid(random)), "Seats",
                        "New", at).parties(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(id))
                        .build());
            }
            for (int n = random.nextInt(3); n > 0; n--) {
                store.activities().append(Activity.system(new ActivityId(uuid(random)), "Note " + n, "",
                        Set.of(ref), at.plusSeconds(n)));
            }
            ids.add(id);
        }
        store.activities().append(Activity.system(new ActivityId(uuid(random)), "About two", "",
                new LinkedHashSet<>(List.of(new RecordRef(RecordType.LEAD, ids.get(1).value()),
                        new RecordRef(RecordType.LEAD, ids.get(0).value()))), T0.plusSeconds(99)));
        return ids;
    }

    private static UUID uuid(SplittableRandom random) {
        return new UUID(random.nextLong(), random.nextLong());
    }
}
