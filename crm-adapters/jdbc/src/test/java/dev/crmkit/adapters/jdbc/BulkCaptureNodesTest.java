package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two application nodes (two data sources, each with its own pool and {@link JdbcCrmStore}) bulk-import overlapping
 * halves of one file at the same time, in chunks: people in both halves, the same rows (same external ids) in both.
 * No person gets two contacts, no submission is lost: every external id lands on exactly one lead, each person has
 * one lead holding all of their submissions.
 */
class BulkCaptureNodesTest {

    private static final int PEOPLE = 100;
    private static final int ROWS = 360;
    private static final int CHUNK = 40;

    private DataSource[] nodes = new DataSource[0];

    @AfterEach
    void closeNodes() {
        TestDatabase.close(nodes);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
    void captureAll_twoNodesImportOverlappingChunks_noDuplicateContactAndNoLostLead(TestDatabase db)
            throws Exception {
        nodes = db.nodes(2);
        List<LeadSubmission> rows = rows();
        List<List<LeadSubmission>> halves = List.of(rows.subList(0, ROWS * 2 / 3), rows.subList(ROWS / 3, ROWS));
        List<Crm> crms = List.of(crm(nodes[0], 1), crm(nodes[1], 2));
        List<String> problems = new CopyOnWriteArrayList<>();

        Nodes.runOnEveryThread(2, 1, (node, thread) -> {
            List<LeadSubmission> half = halves.get(node);
            for (int from = 0; from < half.size(); from += CHUNK) {
                List<LeadSubmission> chunk = half.subList(from, Math.min(half.size(), from + CHUNK));
                for (CaptureOutcome o : crms.get(node).bulkCapture().captureAll(chunk)) {
                    if (o instanceof CaptureOutcome.Rejected r) {
                        problems.add("node " + node + ": " + r.reason());
                    }
                }
            }
        });

        JdbcCrmStore reader = JdbcCrmStore.builder(nodes[0]).build();
        Set<Integer> people = new HashSet<>();
        for (LeadSubmission s : rows) {
            people.add(person(s));
        }
        List<Lead> leads = reader.leads().findAll(PageRequest.first(PageRequest.MAX_SIZE)).items();
        Set<String> externalIds = new HashSet<>();
        leads.forEach(l -> l.externalIds().forEach(x -> assertTrue(externalIds.add(x), x + " on two leads")));
        assertEquals(List.of(), problems);
        assertEquals(people.size(), reader.contacts().count(), "exactly one contact per person across both nodes");
        assertEquals(people.size(), leads.size(), "one lead per person: every repeat folded into it");
        assertEquals(ROWS, externalIds.size(), "every row landed on a lead, none twice");
        assertEquals(ROWS, leads.stream().mapToInt(Lead::submissions).sum(), "no submission lost or counted twice");
        for (int p : people) {
            Optional<Contact> holder = reader.contacts().findByPhone(PhoneNumber.parse(phone(p), "DE"));
            assertTrue(holder.isPresent(), "person " + p + " is found by phone");
            assertEquals(1, leads.stream().filter(l -> l.contactId().equals(holder.get().id())).count(),
                    "person " + p + " has one lead");
        }
    }

    private static Crm crm(DataSource node, long seed) {
        return Crm.builder().store(JdbcCrmStore.builder(node).build())
                .clock(Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC))
                .ids(IdGenerator.seeded(seed)).defaultRegion("DE").build();
    }

    /** Rows of a file: a person drawn from the pool, in one of four spellings, always with their phone. */
    private static List<LeadSubmission> rows() {
        SplittableRandom random = new SplittableRandom(7);
        List<LeadSubmission> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            int p = random.nextInt(PEOPLE);
            LeadSubmission.Builder b = LeadSubmission.from(Channel.WEB_FORM).name("Person", "No" + p)
                    .externalId("row-" + i).request("row " + i);
            String email = "person" + p + "@firm" + (p % 9) + ".de";
            switch (random.nextInt(4)) {
                case 0 -> b.email(email.toUpperCase(Locale.ROOT)).phone(phone(p).replace("0151 ", "+49151"));
                case 1 -> b.phone(phone(p));
                case 2 -> b.email("other" + p + "@web.de").phone(phone(p));
                default -> b.email(email).phone(phone(p));
            }
            rows.add(b.build());
        }
        return rows;
    }

    private static String phone(int person) {
        return "0151 " + (30_000_000 + person * 11);
    }

    private static int person(LeadSubmission s) {
        return Integer.parseInt(s.lastName().substring(2));
    }
}
