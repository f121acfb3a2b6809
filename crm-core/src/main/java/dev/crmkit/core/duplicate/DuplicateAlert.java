package dev.crmkit.core.duplicate;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.Timeline;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.kernel.Context;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.Text;
import dev.crmkit.core.task.NewTask;
import dev.crmkit.core.task.TaskPlanner;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Records an alert duplicate rule's finding where the owner sees it, for lead capture and the customer base alike:
 * about contacts, companies and leads.
 * Stateless.
 */
public final class DuplicateAlert {

    /** The subject of the timeline entry an alert writes, followed by the ids and scores. */
    public static final String SUBJECT = "Suspected duplicate of ";

    private DuplicateAlert() {
    }

    /**
     * A timeline entry about the contact and every suspected duplicate (their per-field reasons in its body) and,
     * when the contact has an owner, a task for the owner about the contact; in the running unit of work.
     *
     * @param timeline  where the entry goes
     * @param tasks     where the owner's task goes
     * @param context   ids
     * @param contact   the new or edited contact
     * @param suspected the stored contacts that look like it, at least one
     * @param now       when
     */
    public static void record(Timeline timeline, TaskPlanner tasks, Context context, Contact contact,
                       List<DuplicateCandidate> suspected, Instant now) {
        entry(timeline, context, RecordType.CONTACT, contact.id().value(),
                suspected.stream().map(c -> new Found(c.contactId().value(), c.summary(), c.reasons())).toList(),
                now);
        if (contact.owner().isPresent()) {
            tasks.create(NewTask.of("Check suspected duplicate: " + Text.excerpt(contact.displayName()),
                    now, contact.owner().get(),
                    Optional.of(new RecordRef(RecordType.CONTACT, contact.id().value()))));
        }
    }

    /**
     * A timeline entry about a new company and every stored company that looks like it (their per-field reasons in
     * its body), in the running unit of work. Companies have no owner, so no task is made.
     *
     * @param timeline  where the entry goes
     * @param context   ids
     * @param company   the new company
     * @param suspected the stored companies that look like it, at least one
     * @param now       when
     */
    public static void record(Timeline timeline, Context context, dev.crmkit.core.company.Company company,
                              List<CompanyCandidate> suspected, Instant now) {
        entry(timeline, context, RecordType.COMPANY, company.id().value(),
                suspected.stream().map(c -> new Found(c.companyId().value(), c.summary(), c.reasons())).toList(),
                now);
    }

    /**
     * A timeline entry about a new lead and every stored open lead that looks like it (their per-field reasons in its
     * body) and, when the lead has an owner, a task for the owner about the new lead; in the running unit of work.
     *
     * @param timeline  where the entry goes
     * @param tasks     where the owner's task goes
     * @param context   ids
     * @param lead      the new lead
     * @param suspected the stored leads that look like it, at least one
     * @param now       when
     */
    public static void record(Timeline timeline, TaskPlanner tasks, Context context, dev.crmkit.core.lead.Lead lead,
                              List<LeadCandidate> suspected, Instant now) {
        entry(timeline, context, RecordType.LEAD, lead.id().value(),
                suspected.stream().map(c -> new Found(c.leadId().value(), c.summary(), c.reasons())).toList(),
                now);
        if (lead.owner().isPresent()) {
            tasks.create(NewTask.of("Check suspected duplicate lead: " + Text.excerpt(lead.name().full()),
                    now, lead.owner().get(), Optional.of(new RecordRef(RecordType.LEAD, lead.id().value()))));
        }
    }

    /** A stored record that looks like the new one: its id, its {@code <id> (score)} summary and its reasons. */
    private record Found(java.util.UUID id, String summary, List<Reason> reasons) {
    }

    /** The timeline entry about a record and every suspected duplicate of the same type, reasons in its body. */
    private static void entry(Timeline timeline, Context context, RecordType type, java.util.UUID id,
                              List<Found> suspected, Instant now) {
        Set<RecordRef> about = new LinkedHashSet<>();
        about.add(new RecordRef(type, id));
        suspected.forEach(c -> about.add(new RecordRef(type, c.id())));
        String body = suspected.stream().map(c -> c.summary() + ": " + c.reasons().stream()
                        .map(r -> r.field() + " " + r.level()).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        timeline.record(Activity.system(new ActivityId(context.ids().next()),
                subject(suspected.stream().map(Found::summary).toList()), body, about, now));
    }

    /**
     * {@link #SUBJECT} and the summaries that fit a subject ({@link Activity#MAX_SUBJECT_LENGTH}), then how many more
     * the body lists: an alert with many candidates is recorded, never refused for its length.
     */
    static String subject(List<String> summaries) {
        StringBuilder s = new StringBuilder(SUBJECT);
        for (int i = 0; i < summaries.size(); i++) {
            String next = (i == 0 ? "" : ", ") + summaries.get(i);
            int left = summaries.size() - i - 1;
            String rest = left == 0 ? "" : " and " + left + " more";
            if (s.length() + next.length() + rest.length() > Activity.MAX_SUBJECT_LENGTH) {
                return s.append(" and ").append(summaries.size() - i).append(" more").toString();
            }
            s.append(next);
        }
        return s.toString();
    }
}
