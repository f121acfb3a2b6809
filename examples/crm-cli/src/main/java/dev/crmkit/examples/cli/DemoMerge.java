package dev.crmkit.examples.cli;

import dev.crmkit.core.Crm;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.activity.LogActivity;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.customer.NewContact;
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
import java.util.Map;
import java.util.Optional;

/**
 * The demo's merge: the same person entered twice by hand (same name, another e-mail, a call logged on the second
 * record), merged into the older record, whose timeline then holds the call and the merge. A store kept from an
 * earlier run already holds the merged person; then the demo shows that merge's result instead of merging again.
 */
final class DemoMerge {

    private static final String FIRST = "katherine.smith@nordwind-logistik.de";
    private static final String SECOND = "kathy.smith@gmail.com";

    private DemoMerge() {
    }

    /**
     * What the demo merged.
     *
     * @param merge    the merge, empty when an earlier run made it
     * @param survivor the surviving contact
     * @param timeline the survivor's timeline afterwards, newest first
     */
    record Result(Optional<ContactMerge> merge, Contact survivor, List<Activity> timeline) {

        void print(PrintWriter out) {
            out.println();
            out.println("Duplicate merged: " + survivor.displayName() + " " + survivor.emails());
            merge.ifPresentOrElse(m -> out.printf("  merge %s: %d duplicate merged into %s (undo: crm unmerge %s)%n",
                    m.id(), m.mergedIds().size(), m.survivor(), m.id()),
                    () -> out.println("  (merged in an earlier run of the demo on this store)"));
            out.println("  timeline kept:");
            timeline.forEach(a -> out.printf("    %s  %-7s %s%n", a.occurredAt(), a.type(), a.subject()));
        }

        Map<String, Object> json() {
            return JsonOutput.object("merge", merge.map(m -> m.id().toString()).orElse(null),
                    "survivor", survivor.id().toString(), "name", survivor.displayName(),
                    "emails", survivor.emails().stream().map(EmailAddress::value).toList(),
                    "mergedAway", merge.map(m -> m.mergedIds().stream().map(Object::toString).toList())
                            .orElse(List.of()),
                    "timeline", timeline.stream().map(a -> JsonOutput.object("at", a.occurredAt().toString(),
                            "type", a.type().name(), "subject", a.subject())).toList());
        }
    }

    static Result run(Crm crm, MutableClock clock, Instant now) {
        Optional<Contact> earlier = crm.store().contacts().findByEmail(EmailAddress.parse(SECOND));
        if (earlier.isPresent()) {
            return new Result(Optional.empty(), earlier.get(), timeline(crm, earlier.get()));
        }
        clock.set(now.minus(Duration.ofDays(30)));
        Contact first = crm.customers().createContact(new NewContact("Katherine", "Smith", List.of(FIRST),
                List.of("+49 40 3001 7720"), "DE", Optional.empty(), Map.of()));
        clock.set(now.minus(Duration.ofDays(3)));
        Contact second = crm.customers().createContact(new NewContact("Katherine", "Smith", List.of(SECOND),
                List.of(), "DE", Optional.empty(), Map.of()));
        crm.timeline().log(LogActivity.interaction(ActivityType.CALL, Direction.INBOUND,
                "Asked for a quote for 40 pallets a month", clock.instant(), ref(second)));
        clock.set(now);
        MergeOutcome outcome = crm.merging().merge(MergeContacts.of(List.of(first.id(), second.id()),
                SurvivorRule.OLDEST));
        if (!(outcome instanceof MergeOutcome.Merged merged)) {
            throw new IllegalStateException("the demo's merge was refused: " + outcome);
        }
        return new Result(Optional.of(merged.merge()), merged.survivor(), timeline(crm, merged.survivor()));
    }

    private static List<Activity> timeline(Crm crm, Contact c) {
        return crm.timeline().of(ref(c), TimelineFilter.everything(), PageRequest.first(20)).items();
    }

    private static RecordRef ref(Contact c) {
        return new RecordRef(RecordType.CONTACT, c.id().value());
    }
}
