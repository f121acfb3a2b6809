package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.merge.MergeContacts;
import dev.crmkit.core.merge.MergeOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * A merge on one node while another node captures the same person, over one database: in each of several rounds node
 * 0 merges contact B (known by phone only, its lead closed) into A while four threads of node 1 capture B again by
 * B's phone, with and without a new e-mail: the first capture opens a new lead for the person it holds, the others
 * are repeats of it. Nothing is lost (every submission is counted on a lead; an e-mail a capture gave B is the
 * survivor's) and nothing is left pointing at B: every lead, task and timeline entry is the survivor's, whichever
 * unit of work came first, also the new lead of a capture that waited on B's row while the merge held it.
 */
class MergeCaptureNodesTest {

    private static final int ROUNDS = 6;
    private static final int CAPTURING_THREADS = 4;

    private final List<DataSource> opened = new ArrayList<>();

    @AfterEach
    void closeDatabases() {
        opened.forEach(OutboxRelayTest::release);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB", "H2"})
    void merge_whileAnotherNodeCapturesTheMergedAwayPerson_nothingLostNothingPointsAtIt(TestDatabase db)
            throws Exception {
        DataSource target = db.isolated();
        opened.add(target);
        Crm node0 = crm(JdbcCrmStore.builder(target).build());
        Crm node1 = crm(JdbcCrmStore.builder(target).build());
        for (int round = 0; round < ROUNDS; round++) {
            String phone = "+49 30 5550" + String.format("%03d", round);
            Lead aLead = lead(node0.capture().capture(LeadSubmission.from(Channel.WEB_FORM)
                    .name("Katherine", "Smith").email("k.smith." + round + "@example-shop.de").build()));
            Lead bLead = lead(node0.capture().capture(LeadSubmission.from(Channel.CALL)
                    .name("Kathy", "Smyth").phone(phone).build()));
            // B's lead is closed, so the first capture of B opens a new lead for whichever contact it holds
            node0.leads().changeStatus(bLead.id(), LeadStatus.DISQUALIFIED, "wrong number", Optional.empty());
            ContactId survivor = aLead.contactId();
            ContactId gone = bLead.contactId();
            List<String> failures = new CopyOnWriteArrayList<>();
            int r = round;

            Nodes.runOnEveryThread(2, CAPTURING_THREADS, (node, thread) -> {
                try {
                    if (node == 0) {
                        if (thread == 0) {
                            assertInstanceOf(MergeOutcome.Merged.class, node0.merging().merge(
                                    MergeContacts.into(survivor, List.of(survivor, gone))));
                        }
                        return;
                    }
                    node1.capture().capture(LeadSubmission.from(Channel.CALL).name("Kathy", "Smyth").phone(phone)
                            .request("again " + thread).build());
                    node1.capture().capture(LeadSubmission.from(Channel.CALL).name("Kathy", "Smyth").phone(phone)
                            .email("kathy." + r + "." + thread + "@new-mail.de").build());
                } catch (Throwable e) {
                    failures.add(e.toString());
                }
            });

            assertEquals(List.of(), failures, "round " + round);
            JdbcCrmStore reader = JdbcCrmStore.builder(target).build();
            Contact kept = reader.contacts().findById(gone).orElseThrow();
            assertEquals(survivor, kept.id(), "B resolves to the survivor");
            List<Lead> leads = reader.leads().findAll(PageRequest.first(1000)).items().stream()
                    .filter(l -> l.contactId().equals(survivor) || l.contactId().equals(gone)).toList();
            assertEquals(List.of(), leads.stream().filter(l -> !l.contactId().equals(survivor)).toList(),
                    "no lead points at the merged-away contact");
            assertEquals(3, leads.size(), "A's lead, B's closed one, and the one the captures opened");
            assertEquals(2 + 2 * CAPTURING_THREADS, leads.stream().mapToInt(Lead::submissions).sum(),
                    "every submission counted");
            for (int t = 0; t < CAPTURING_THREADS; t++) {
                EmailAddress added = EmailAddress.parse("kathy." + round + "." + t + "@new-mail.de");
                // B had no e-mail: a capture that reached B before the merge gave B its e-mail, which the survivor
                // took over; one that came after leaves the survivor's e-mails as they are
                reader.contacts().findByEmail(added).ifPresent(holder -> assertEquals(survivor, holder.id()));
            }
            RecordRef goneRef = new RecordRef(RecordType.CONTACT, gone.value());
            List<Activity> left = reader.activities().timeline(goneRef, TimelineFilter.everything(),
                    PageRequest.first(100)).items();
            assertEquals(List.of(), left, "no timeline entry about the merged-away contact");
            assertEquals(List.of(), reader.tasks().openAbout(goneRef), "no task about the merged-away contact");
        }
    }

    private static Lead lead(CaptureOutcome outcome) {
        if (outcome instanceof CaptureOutcome.NewLeadNewContact n) {
            return n.capturedLead();
        }
        throw new AssertionError("expected a new lead for a new person, got " + outcome);
    }

    private static Crm crm(JdbcCrmStore store) {
        return Crm.builder().store(store).ids(IdGenerator.random()).defaultRegion("DE").build();
    }
}
