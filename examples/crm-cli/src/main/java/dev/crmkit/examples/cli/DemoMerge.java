package dev.crmkit.examples.cli;

import dev.crmkit.core.Crm;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.activity.LogActivity;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.customer.NewContact;
import dev.crmkit.core.duplicate.ContactDuplicates;
import dev.crmkit.core.duplicate.DuplicateCandidate;
import dev.crmkit.core.duplicate.DuplicateScan;
import dev.crmkit.core.duplicate.Reason;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.merge.ContactMerge;
import dev.crmkit.core.merge.MergeContacts;
import dev.crmkit.core.merge.MergeOutcome;
import dev.crmkit.core.merge.SurvivorRule;
import dev.crmkit.examples.MutableClock;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's merge: a person the import captured (Lara Neumann) entered again by hand, with a typo in her family name
 * ("Neuman"), her work e-mail and a mistyped mobile number, with a call logged on that second record. The duplicate
 * matcher finds the captured record among the store's contacts and explains its score field by field; then the second
 * record is merged into the one found, whose timeline then holds the capture, the call and the merge. The number of
 * contacts is the same afterwards. A store kept from an earlier run already holds the merged person; then the demo
 * shows that merge's result instead of merging again.
 */
final class DemoMerge {

    private static final String SECOND = "l.neumann@neumann-design.de";
    /** The captured mobile number is 0176 12121212: typed by hand with two digits swapped. */
    private static final String SECOND_PHONE = "0176 12121221";

    private DemoMerge() {
    }

    /**
     * What the demo merged.
     *
     * @param found    the hand-typed duplicate and how the matcher scored the stored contact it found, empty when
     *                 an earlier run made the merge
     * @param merge    the merge, empty when an earlier run made it
     * @param survivor the surviving contact
     * @param timeline the survivor's timeline afterwards, newest first
     */
    record Result(Optional<Found> found, Optional<ContactMerge> merge, Contact survivor, List<Activity> timeline) {

        void print(PrintWriter out) {
            out.println();
            found.ifPresent(f -> f.print(out));
            out.println("Duplicate merged: " + survivor.displayName() + " " + survivor.emails());
            merge.ifPresentOrElse(m -> out.printf("  merge %s: %d duplicate merged into %s (undo: crm unmerge %s)%n",
                    m.id(), m.mergedIds().size(), m.survivor(), m.id()),
                    () -> out.println("  (merged in an earlier run of the demo on this store)"));
            out.println("  timeline kept:");
            timeline.forEach(a -> out.printf("    %s  %-7s %s%n", a.occurredAt(), a.type(), a.subject()));
        }

        Map<String, Object> json() {
            return JsonOutput.object("found", found.map(Found::json).orElse(null),
                    "merge", merge.map(m -> m.id().toString()).orElse(null),
                    "survivor", survivor.id().toString(), "name", survivor.displayName(),
                    "emails", survivor.emails().stream().map(EmailAddress::value).toList(),
                    "mergedAway", merge.map(m -> m.mergedIds().stream().map(Object::toString).toList())
                            .orElse(List.of()),
                    "timeline", timeline.stream().map(a -> JsonOutput.object("at", a.occurredAt().toString(),
                            "type", a.type().name(), "subject", a.subject())).toList());
        }
    }

    /**
     * The hand-typed duplicate, the stored contact the matcher found for it, and why.
     *
     * @param typed     the contact typed by hand
     * @param stored    the stored contact found
     * @param candidate the matcher's score and per-field reasons
     */
    record Found(Contact typed, Contact stored, DuplicateCandidate candidate) {

        void print(PrintWriter out) {
            out.printf(Locale.ROOT, "Fuzzy duplicate found: %s %s looks like %s %s, score %.3f (threshold %.2f)%n",
                    typed.displayName(), typed.emails(), stored.displayName(), stored.emails(), candidate.score(),
                    DuplicateScan.DEFAULT_THRESHOLD);
            candidate.reasons().stream().filter(r -> r.weight() != 0).forEach(r -> out.println("    " + r));
        }

        Map<String, Object> json() {
            return JsonOutput.object("a", typed.id().toString(), "b", stored.id().toString(),
                    "score", candidate.score(), "reasons", candidate.reasons().stream().map(Reason::toString).toList());
        }
    }

    static Result run(Crm crm, MutableClock clock, Instant now) {
        Optional<Contact> earlier = crm.store().contacts().findByEmail(EmailAddress.parse(SECOND));
        if (earlier.isPresent()) {
            return new Result(Optional.empty(), Optional.empty(), earlier.get(), timeline(crm, earlier.get()));
        }
        clock.set(now.minus(Duration.ofMinutes(10)));
        Contact second = crm.customers().createContact(new NewContact("Lara", "Neuman", List.of(SECOND),
                List.of(SECOND_PHONE), "DE", Optional.empty(), Map.of()));
        crm.timeline().log(LogActivity.interaction(ActivityType.CALL, Direction.INBOUND,
                "Called from the office: wants the offer for 3 seats", clock.instant(), ref(second)));
        clock.set(now);
        DuplicateCandidate best = new ContactDuplicates(crm.store().contacts(), "DE")
                .candidatesFor(second, DuplicateScan.DEFAULT_THRESHOLD).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("the matcher found no duplicate of " + second));
        Contact captured = crm.store().contacts().findById(best.contactId()).orElseThrow();
        MergeOutcome outcome = crm.merging().merge(new MergeContacts(List.of(captured.id(), second.id()),
                Optional.of(captured.id()), SurvivorRule.OLDEST, Map.of()));
        if (!(outcome instanceof MergeOutcome.Merged merged)) {
            throw new IllegalStateException("the demo's merge was refused: " + outcome);
        }
        return new Result(Optional.of(new Found(second, captured, best)), Optional.of(merged.merge()),
                merged.survivor(), timeline(crm, merged.survivor()));
    }

    private static List<Activity> timeline(Crm crm, Contact c) {
        return crm.timeline().of(ref(c), TimelineFilter.everything(), PageRequest.first(20)).items();
    }

    private static RecordRef ref(Contact c) {
        return new RecordRef(RecordType.CONTACT, c.id().value());
    }
}
