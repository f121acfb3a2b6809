package dev.crmkit.kit.archive;

import dev.crmkit.campaigns.audience.ChannelKind;
import dev.crmkit.campaigns.audience.DoNotContact;
import dev.crmkit.campaigns.audience.DoNotContactList;
import dev.crmkit.campaigns.cap.FrequencyCaps;
import dev.crmkit.campaigns.delivery.CampaignMessages;
import dev.crmkit.campaigns.message.DueMessage;
import dev.crmkit.campaigns.message.MessageKind;
import dev.crmkit.campaigns.segment.ContactFilter;
import dev.crmkit.campaigns.segment.SavedSegments;
import dev.crmkit.campaigns.segment.SegmentDefinition;
import dev.crmkit.campaigns.sequence.Enrolling;
import dev.crmkit.campaigns.sequence.Enrollment;
import dev.crmkit.campaigns.sequence.EnrollmentStatus;
import dev.crmkit.campaigns.sequence.Enrollments;
import dev.crmkit.campaigns.sequence.Sequence;
import dev.crmkit.campaigns.sequence.SequenceStep;
import dev.crmkit.campaigns.template.MessageTemplate;
import dev.crmkit.campaigns.template.TemplateStore;
import dev.crmkit.campaigns.trigger.CampaignEvents;
import dev.crmkit.campaigns.trigger.HostEvent;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.kit.CrmkitStore;
import dev.crmkit.pipeline.contract.PopulatedStore;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Fills crm-campaigns' stores of a crmkit store for the export tests: the ledger (messages scheduled, two claimed,
 * one of them sent), the do-not-contact list, the host's events, sequence enrollments (one ended, one claimed by
 * a runner), template versions, saved segments, cap days and A/B tests (plans, exposures, hits, a winner), with hostile text, contact ids that sort differently by UTF-16, code points and collation, and a time
 * before 1970. The same records, claims and times in every store.
 */
public final class CampaignSample {

    private CampaignSample() {
    }

    /** Writes the sample into the store's campaign stores. */
    public static void fill(CrmkitStore store) {
        CampaignMessages ledger = store.campaignStores().messages();
        LocalDate day = LocalDate.of(2026, 3, 2);
        List<String> contacts = List.of("c-1", "C-1", "\uFF21 " + PopulatedStore.LINE, "\uD83D\uDE00 emoji");
        for (int i = 0; i < contacts.size(); i++) { // send days apart: the claim below picks the first two
            ledger.schedule(new DueMessage(contacts.get(i), "birthday", 1, "2026 " + PopulatedStore.LINE,
                    day.plusDays(i), day.plusDays(10), MessageKind.MARKETING));
        }
        ledger.schedule(new DueMessage("c-1", "win-back", 2, "order 7", day.plusDays(1), day.plusDays(1),
                MessageKind.TRANSACTIONAL));
        Instant now = Fixtures.at(300_000);
        List<DueMessage> claimed = ledger.claim("node " + PopulatedStore.LINE, day.plusDays(1), now,
                Duration.ofMinutes(5), 2);
        ledger.markDone(claimed.get(0).key(), "node " + PopulatedStore.LINE, "sent " + PopulatedStore.HOSTILE,
                now.plusSeconds(1));
        // cap days: the marketing messages admitted under the caps, one of them on a day before 1970
        ledger.admit(claimed.get(0), day.plusDays(1), FrequencyCaps.standard());
        ledger.admit(claimed.get(1), LocalDate.of(1969, 12, 30), new FrequencyCaps(5, 10, 20));
        DoNotContactList dnc = store.campaignStores().doNotContact();
        for (String contact : contacts) {
            dnc.add(new DoNotContact(contact, ChannelKind.EMAIL, DoNotContact.Reason.UNSUBSCRIBED,
                    "link " + PopulatedStore.HOSTILE, now));
        }
        dnc.add(new DoNotContact("c-1", ChannelKind.SMS, DoNotContact.Reason.BOUNCED, "", now.plusSeconds(2)));
        dnc.add(new DoNotContact("c-1", ChannelKind.EMAIL, DoNotContact.Reason.MANUAL, "by hand", Instant.EPOCH
                .minusSeconds(86_400)));
        CampaignEvents events = store.campaignStores().events();
        for (int i = 0; i < contacts.size(); i++) { // keys in another order than contacts and times
            events.record("shop/" + (contacts.size() - i) + "/" + contacts.get(i), new HostEvent(contacts.get(i),
                    "order-placed", now.plusNanos(123_000L * (i + 1)), "order " + i + " \t\n\u0001 </script>"));
        }
        // an empty reference (allowed for a type that names no order, cart or invoice) and a time before 1970
        events.record("\uD83D\uDE00 key", new HostEvent("c-1", "lead-captured", Instant.EPOCH.minusSeconds(86_400)
                .plusNanos(5_000), ""));
        Enrollments enrollments = store.campaignStores().enrollments();
        Sequence nurture = new Sequence("nurture", List.of(new SequenceStep.Send("nurture-intro",
                MessageKind.MARKETING), new SequenceStep.Wait(3)), Set.of(), false);
        List<Enrollment> enrolled = new java.util.ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            Enrolling outcome = enrollments.enroll(nurture, contacts.get(i), now.plusNanos(7_000L * (i + 1)));
            enrolled.add(((Enrolling.Enrolled) outcome).enrollment());
        }
        Enrollment first = enrolled.get(0);
        enrollments.update(first, new Enrollment(first.contactId(), first.sequence(), first.enrolledAt(), 1,
                first.nextAt().plusSeconds(3 * 86_400), EnrollmentStatus.HANDED_TO_SALES, "replied "
                + PopulatedStore.HOSTILE));
        // a runner's claim (a lease) is not exported: the claimed enrollment exports as every other
        enrollments.claimDue("nurture", "node " + PopulatedStore.LINE, now.plusSeconds(60), Duration.ofMinutes(5), 1);
        TemplateStore templates = store.campaignStores().templates();
        templates.save(new MessageTemplate("welcome", "de", "Willkommen", "Hallo "
                + PopulatedStore.HOSTILE), 0);
        templates.save(new MessageTemplate("welcome", "de", "Willkommen zur\u00fcck", "Zweite Fassung"), 1);
        templates.save(new MessageTemplate("welcome", "", "Welcome", "Hello " + PopulatedStore.LINE), 0);
        templates.save(new MessageTemplate("welcome-2", "en-GB", "Welcome " + PopulatedStore.LINE, "Hi"), 0);
        templates.save(new MessageTemplate("w", "de", "W", "w"), 0);
        SavedSegments segments = store.campaignStores().segments();
        ContactFilter hot = new ContactFilter.AllOf(List.of(new ContactFilter.ConsentIs(
                dev.crmkit.core.contact.MarketingConsent.Status.GRANTED), new ContactFilter.Not(
                new ContactFilter.InteractedSince(Instant.EPOCH.minusSeconds(86_400))),
                new ContactFilter.OwnerIs("o\"brien " + PopulatedStore.LINE), new ContactFilter.ScoreAtLeast(40)));
        SegmentDefinition saved = segments.save(SegmentDefinition.of("hot \u2713 " + PopulatedStore.LINE, hot));
        segments.save(saved.withFilter(new ContactFilter.NoOwner()));
        segments.save(SegmentDefinition.of("Hot", new ContactFilter.ScoreAtLeast(10)));
        segments.save(SegmentDefinition.of("hot", hot));
        enrollments.enroll(new Sequence("win-back-2", List.of(new SequenceStep.Wait(1)), Set.of(), false), "c-1",
                Instant.EPOCH.minusSeconds(86_400).plusNanos(9_000));
        // A/B tests: two plans (ids that sort differently by case and code points), exposures with and without
        // hits (one exposed before 1970), a second hit that does not count, and a winner
        dev.crmkit.campaigns.abtest.AbTestStore ab = store.campaignStores().abTests();
        dev.crmkit.campaigns.abtest.AbTestPlan subject = new dev.crmkit.campaigns.abtest.AbTestPlan(
                dev.crmkit.campaigns.abtest.AbTest.of("subject \u2713", List.of(
                        new dev.crmkit.campaigns.abtest.Variant("A", 1),
                        new dev.crmkit.campaigns.abtest.Variant("B \uD83D\uDE00", 3))), "birthday",
                dev.crmkit.campaigns.abtest.AbTestPlan.AbMetric.CLICKED,
                new dev.crmkit.campaigns.abtest.WinnerRule(0.05, 2), 50);
        ab.define(subject);
        ab.define(new dev.crmkit.campaigns.abtest.AbTestPlan(dev.crmkit.campaigns.abtest.AbTest.of("Subject",
                List.of(new dev.crmkit.campaigns.abtest.Variant("x", 1), new dev.crmkit.campaigns.abtest.Variant(
                        "y", 1), new dev.crmkit.campaigns.abtest.Variant("z", 10_000))), "win-back " + PopulatedStore.LINE
                .substring(0, 10), dev.crmkit.campaigns.abtest.AbTestPlan.AbMetric.CONVERTED,
                new dev.crmkit.campaigns.abtest.WinnerRule(0.001, 1000), 100));
        for (int i = 0; i < contacts.size(); i++) {
            ab.expose(subject.id(), contacts.get(i), i % 2 == 0 ? "A" : "B \uD83D\uDE00",
                    now.plusNanos(11_000L * (i + 1)));
        }
        ab.expose("Subject", "c-1", "z", Instant.EPOCH.minusSeconds(86_400).plusNanos(13_000));
        // recorded before their sends (V82): one never settled (its node died), one the channel refused
        ab.exposeBefore("Subject", "c-2", "y", "c-2/win-back/2025-06-03/1", now.plusNanos(23_000));
        ab.exposeBefore("Subject", "c-3", "x", "c-3/win-back/2025-06-03/1", now.plusNanos(29_000));
        ab.settle("Subject", "c-3", "c-3/win-back/2025-06-03/1", false);
        ab.hit(subject.id(), contacts.get(1), now.plusSeconds(3_600).plusNanos(17_000));
        ab.hit(subject.id(), contacts.get(1), now.plusSeconds(7_200));
        ab.hit(subject.id(), contacts.get(2), now.plusSeconds(3_601));
        ab.recordWinner(new dev.crmkit.campaigns.abtest.AbWinner(subject.id(), "B \uD83D\uDE00", "1.2E-4",
                now.plusSeconds(86_400).plusNanos(19_000)));
    }
}
