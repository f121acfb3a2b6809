package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.contact.Contact;
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
import dev.crmkit.core.merge.ContactMerge;
import dev.crmkit.core.merge.MergeContacts;
import dev.crmkit.core.merge.MergeOutcome;
import dev.crmkit.core.merge.UnmergeOutcome;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskId;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.definition.PipelineId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * The property "unmerge restores the stores exactly", on the tables themselves: for seeded random groups of contacts
 * with leads, tasks, deals and timeline entries (some about two of the contacts), the full dump of every crmkit table
 * after merge and unmerge equals the dump before the merge, but for the merge's own records (the merge tables, the
 * outbox) and the two timeline entries the merge and the unmerge wrote. Also: the merge keeps the number of leads,
 * tasks, deals and timeline rows.
 */
class MergeDumpPropertyTest {

    private static final Set<String> RECORD_TABLES = Set.of("crm_contact_merge", "crm_contact_merge_snapshot",
            "crm_outbox");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void mergeThenUnmerge_everyTableAsBefore(TestDatabase db) {
        qt().withFixedSeed(24L).withExamples(8).forAll(integers().between(2, 4), integers().between(0, 100_000))
                .checkAssert((size, seed) -> {
                    JdbcCrmStore store = db.freshStore();
                    SplittableRandom random = new SplittableRandom(seed);
                    Crm crm = Crm.builder().store(store).clock(Clock.fixed(T0.plusSeconds(7200), ZoneOffset.UTC))
                            .ids(IdGenerator.seeded(seed)).defaultRegion("DE").build();
                    List<ContactId> ids = fill(store, size, random);
                    DataSource ds = db.shared();
                    String before = dump(ds, Set.of());
                    long related = relatedRows(ds);

                    ContactMerge merge = assertInstanceOf(MergeOutcome.Merged.class, crm.merging().merge(
                            MergeContacts.into(ids.get(random.nextInt(size)), ids))).merge();
                    assertEquals(related + 2, relatedRows(ds), "one more timeline entry and its about row");
                    UnmergeOutcome.Unmerged undone = assertInstanceOf(UnmergeOutcome.Unmerged.class,
                            crm.merging().unmerge(merge.id()));

                    String after = dump(ds, Set.of(merge.activityId().toString(),
                            undone.activityId().toString()));
                    dev.crmkit.core.contract.Restored.assertRestored(before, after,
                            dev.crmkit.core.contract.Restored.written(merge), T0.plusSeconds(7200));
                });
    }

    /** Contacts with random numbers of leads, tasks, deals and timeline entries, and one entry about two of them. */
    private static List<ContactId> fill(JdbcCrmStore store, int size, SplittableRandom random) {
        List<ContactId> ids = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ContactId id = new ContactId(uuid(random));
            Instant at = T0.plusSeconds(i);
            EmailAddress email = EmailAddress.parse("kim" + i + "." + random.nextInt(1_000_000) + "@example.org");
            store.contacts().insertOrGet(Contact.create(id, PersonName.of("Kim", "Doe " + i), List.of(email),
                    List.of(), at));
            RecordRef ref = new RecordRef(RecordType.CONTACT, id.value());
            for (int n = random.nextInt(3); n > 0; n--) {
                store.leads().insertOrGet(Lead.builder(new LeadId(uuid(random)), id, LeadSource.of(Channel.WEB_FORM),
                        PersonName.of("Kim", "Doe"), at).reachableAt(Optional.of(email), Optional.empty()).build());
            }
            for (int n = random.nextInt(3); n > 0; n--) {
                store.tasks().insert(Task.open(new TaskId(uuid(random)), "Call back", at.plusSeconds(86_400),
                        Optional.empty(), UserId.of("alice"), Optional.of(ref), at));
            }
            for (int n = random.nextInt(2); n > 0; n--) {
                store.deals().insert(Deal.builder(new DealId(uuid(random)), new PipelineId(uuid(random)), "Seats",
                        "New", at).parties(Optional.empty(), Optional.of(id), Optional.empty(), Optional.empty())
                        .build());
            }
            for (int n = random.nextInt(3); n > 0; n--) {
                store.activities().append(Activity.system(new ActivityId(uuid(random)), "Note " + n, "",
                        Set.of(ref), at.plusSeconds(n)));
            }
            ids.add(id);
        }
        store.activities().append(Activity.system(new ActivityId(uuid(random)), "About two", "",
                new java.util.LinkedHashSet<>(List.of(new RecordRef(RecordType.CONTACT, ids.get(1).value()),
                        new RecordRef(RecordType.CONTACT, ids.get(0).value()))), T0.plusSeconds(99)));
        return ids;
    }

    private static UUID uuid(SplittableRandom random) {
        return new UUID(random.nextLong(), random.nextLong());
    }

    private static long relatedRows(DataSource ds) {
        return rows(ds, List.of("crm_lead", "crm_task", "crm_deal", "crm_activity", "crm_activity_about"));
    }

    /** The number of rows of the tables together. */
    static long rows(DataSource ds, List<String> tables) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            long n = 0;
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    n += rs.getLong(1);
                }
            }
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every crmkit table but the merge records, rows sorted, without the rows that name one of the entries. */
    private static String dump(DataSource ds, Set<String> entries) {
        return dump(ds, entries, RECORD_TABLES);
    }

    /**
     * Every crmkit table but the given ones (lower case), rows sorted, without the rows that name one of the entries.
     */
    static String dump(DataSource ds, Set<String> entries, Set<String> leaveOut) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            StringBuilder out = new StringBuilder();
            for (String table : TestDatabase.tables(c, "crm_")) {
                String name = table.toLowerCase(Locale.ROOT);
                if (leaveOut.contains(name)) {
                    continue;
                }
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            row.append(meta.getColumnName(i).toLowerCase(Locale.ROOT)).append('=')
                                    .append(rs.getString(i)).append(' ');
                        }
                        String text = row.toString();
                        if (entries.stream().noneMatch(text::contains)) {
                            rows.add(text);
                        }
                    }
                }
                rows.sort(null);
                out.append("== ").append(name).append('\n');
                rows.forEach(r -> out.append(r).append('\n'));
            }
            return out.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
