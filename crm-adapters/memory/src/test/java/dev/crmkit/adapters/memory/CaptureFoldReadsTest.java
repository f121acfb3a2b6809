package dev.crmkit.adapters.memory;

import dev.crmkit.core.activity.Timeline;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.CaptureSettings;
import dev.crmkit.core.capture.LeadCapture;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.Contacts;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.kernel.Context;
import dev.crmkit.core.kernel.DomainEvents;
import dev.crmkit.core.kernel.EdgeValidation;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.task.TaskPlanner;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A repeat folds with the person the capture already holds, without reading their contact again. */
class CaptureFoldReadsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T09:00:00Z"), ZoneOffset.UTC);

    private static LeadCapture capture(InMemoryCrmStore store, Contacts contacts) {
        Context context = new Context(store.transactions(), store.events(DomainEvents.discarding()),
                EdgeValidation.plain(), CLOCK, IdGenerator.seeded(7));
        return new LeadCapture(contacts, store.companies(), store.leads(), store.customFieldSchemas(),
                new Timeline(store.activities(), context), new TaskPlanner(store.tasks(), context,
                store.idempotencyKeys()), CaptureSettings.forRegion("DE"), context);
    }

    /** The store's contacts, counting the calls of {@code findById}. */
    private static Contacts counting(Contacts contacts, AtomicInteger findById) {
        return (Contacts) Proxy.newProxyInstance(Contacts.class.getClassLoader(), new Class<?>[] {Contacts.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("findById")) {
                        findById.incrementAndGet();
                    }
                    try {
                        return method.invoke(contacts, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void repeat_ofTheHeldPerson_foldsWithoutReadingTheContactAgain_andStoresWhatAReadWouldHave() {
        List<LeadSubmission> submissions = List.of(
                LeadSubmission.from(Channel.WEB_FORM).name("Jane", "Doe").email("jane@acme-tools.de").build(),
                LeadSubmission.from(Channel.EMAIL).name("Jane", "Doe").email("jane@acme-tools.de")
                        .phone("030 901820").company("Acme Tools").request("call me").build(),
                LeadSubmission.from(Channel.CHAT).name("Jane", "Doe").phone("+49 30 901820").build());
        InMemoryCrmStore plainStore = InMemoryCrmStore.create();
        LeadCapture plain = capture(plainStore, plainStore.contacts());
        InMemoryCrmStore countedStore = InMemoryCrmStore.create();
        AtomicInteger reads = new AtomicInteger();
        LeadCapture counted = capture(countedStore, counting(countedStore.contacts(), reads));

        List<CaptureOutcome> expected = submissions.stream().map(plain::capture).toList();
        assertInstanceOf(CaptureOutcome.NewLeadNewContact.class, counted.capture(submissions.get(0)));
        reads.set(0);
        List<CaptureOutcome> repeats = submissions.subList(1, 3).stream().map(counted::capture).toList();

        assertInstanceOf(CaptureOutcome.DuplicateFolded.class, repeats.get(0));
        assertEquals(expected.subList(1, 3), repeats, "the same leads and contacts as with a read");
        assertEquals(0, reads.get(), "the held contact is the lead's: no findById");
    }

    /**
     * The person the capture holds (found by the e-mail) is not always the open lead's contact (found by the phone):
     * the fold then works with the lead's own contact, read, and leaves the held person as stored.
     */
    @Test
    void repeat_whoseOpenLeadIsAnotherPersons_foldsWithThatLeadsContact_readOnce() {
        LeadSubmission anna = LeadSubmission.from(Channel.WEB_FORM).name("Anna", "Alt").email("anna@alt.de").build();
        LeadSubmission ben = LeadSubmission.from(Channel.CALL).name("Ben", "Berg").phone("+49 30 555123").build();
        LeadSubmission mixed = LeadSubmission.from(Channel.EMAIL).name("Anna", "Alt").email("anna@alt.de")
                .phone("030 555123").request("call me").build();
        InMemoryCrmStore plainStore = InMemoryCrmStore.create();
        LeadCapture plain = capture(plainStore, plainStore.contacts());
        InMemoryCrmStore countedStore = InMemoryCrmStore.create();
        AtomicInteger reads = new AtomicInteger();
        LeadCapture counted = capture(countedStore, counting(countedStore.contacts(), reads));
        CaptureOutcome expected = null;
        CaptureOutcome actual = null;
        for (InMemoryCrmStore store : List.of(plainStore, countedStore)) {
            LeadCapture capture = store == plainStore ? plain : counted;
            Lead annas = ((CaptureOutcome.NewLeadNewContact) capture.capture(anna)).capturedLead();
            store.leads().update(Fixtures.moved(annas, LeadStatus.DISQUALIFIED)); // Anna has no open lead
            capture.capture(ben);
            reads.set(0);
            CaptureOutcome outcome = capture.capture(mixed);
            if (store == plainStore) {
                expected = outcome;
            } else {
                actual = outcome;
            }
        }

        CaptureOutcome.DuplicateFolded folded = assertInstanceOf(CaptureOutcome.DuplicateFolded.class, actual);
        assertEquals(expected, actual, "the same lead and contact as with the plain store");
        Contact annaStored = countedStore.contacts().findByEmail(EmailAddress.parse("anna@alt.de")).orElseThrow();
        assertNotEquals(annaStored.id(), folded.contact().id(), "folded into Ben's lead, with Ben's contact");
        assertEquals(1, reads.get(), "the held contact is not the lead's: the lead's contact is read");
    }
}
