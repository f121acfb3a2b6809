package dev.crmkit.core.privacy;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.merge.Repointed;
import dev.crmkit.core.merge.UndoSteps;
import dev.crmkit.core.task.Task;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The anonymous copies of crm-core's records that an erasure leaves in place of the person's: what stays is what
 * counts need (ids, links, times, statuses, channels, campaigns, owners), what goes is every name, e-mail, phone,
 * address, birthday, consent detail, custom field value and free text. For stores that keep records as objects;
 * the JDBC store does the same in SQL. Thread-safe (stateless).
 */
public final class Anonymized {

    /** What replaces an erased title or subject. */
    public static final String ERASED = "[erased]";

    private Anonymized() {
    }

    /**
     * The stand-in e-mail of an erased lead, which needs an e-mail or a phone: unique per lead, on the reserved
     * {@code .invalid} domain, naming nobody.
     */
    public static EmailAddress leadEmail(LeadId lead) {
        return EmailAddress.parse("erased-" + lead + "@" + RESERVED_DOMAIN);
    }

    /** The reserved domain of the {@link #leadEmail stand-in e-mails}: no input may give an address on it. */
    public static final String RESERVED_DOMAIN = "erased.invalid";

    /**
     * An e-mail address given as input (a contact's, a lead's edit, a capture's submission): parsed as
     * {@link EmailAddress#parse} does, and refused when it is on the {@link #RESERVED_DOMAIN reserved domain} of the
     * stand-in e-mails (or a subdomain of it), because a live lead holding its stand-in e-mail would count as erased
     * ({@link #isErased}) and refuse every later edit.
     *
     * @throws dev.crmkit.core.kernel.ValidationException naming field {@code email}: rule {@code reserved} on the
     *                                                    reserved domain, or the parse's own rule
     */
    public static EmailAddress inputEmail(String raw) {
        EmailAddress email = EmailAddress.parse(raw);
        if (email.domain().equals(RESERVED_DOMAIN) || email.domain().endsWith("." + RESERVED_DOMAIN)) {
            throw dev.crmkit.core.kernel.ValidationException.of("email", "reserved", "the domain " + RESERVED_DOMAIN
                    + " is reserved for the stand-in e-mails of erased leads: not an address of a person");
        }
        return email;
    }

    /**
     * Whether the lead is an erased one: it holds its {@link #leadEmail stand-in e-mail} (on the reserved
     * {@code .invalid} domain, naming the lead's own id: only an erasure writes it).
     */
    public static boolean isErased(Lead lead) {
        return lead.email().filter(e -> e.equals(leadEmail(lead.id()))).isPresent();
    }

    /** The contact without name, e-mails, phones, addresses, language, birthday, consent or custom fields. */
    public static Contact contact(Contact c, long version, Instant at) {
        return new Contact(c.id(), version, PersonName.empty(), List.of(), List.of(), List.of(), Optional.empty(),
                Optional.empty(), MarketingConsent.unknown(), c.affiliations(), CustomFields.empty(), c.owner(),
                c.createdAt(), at);
    }

    /** The lead at the next version without name, e-mail, phone, request, company name, referrer or external ids. */
    public static Lead lead(Lead l, Instant at) {
        LeadSource s = l.source();
        LeadSource source = new LeadSource(s.channel(), s.detail(), s.campaign(), s.utm(), "");
        return new Lead(l.id(), l.version() + 1, l.contactId(), l.companyId(), source, List.of(), Map.of(), "",
                PersonName.empty(), Optional.of(leadEmail(l.id())), Optional.empty(), "", l.owner(), l.status(),
                l.disqualificationReason(), l.submissions(), CustomFields.empty(), l.createdAt(), at);
    }

    /** The timeline entry without subject, body or participants; its type, times, links and outcome stay. */
    public static Activity activity(Activity a) {
        return new Activity(a.id(), a.type(), ERASED, "", a.direction(), a.occurredAt(), List.of(), a.about(),
                a.owner(), a.visibility(), a.recordedAt(), a.outcome(), a.duration());
    }

    /**
     * The task without its title; due, assignee, link and status stay, and so does its version: a store raises it by
     * one ({@link Task#atVersion}) when it stores the copy.
     */
    public static Task task(Task t) {
        return new Task(t.id(), t.version(), ERASED, t.due(), t.remindAt(), t.assignee(), t.relatedTo(), t.status(),
                t.closedAt(), t.createdAt());
    }

    /**
     * What an erasure means for the merges in force: it raises the version of each record it blanks by one (deals,
     * tasks, leads), as every write does, so a merge of any kind (contact, company, lead) that re-pointed one of them
     * and found it unchanged since ({@link Repointed#versionAfter()} equal to its version before the erasure) takes
     * the erased version, and the erasure alone does not make the merge's undo refuse it as "changed since the
     * merge". The undo puts back only the record's reference (its contact, company or lead), never the erased texts,
     * and writes it at one version more than the erased one ({@link UndoSteps}): versions never step back, so every
     * copy read before the erasure (holding the person's title or fields) is refused as stale afterwards, the undo or
     * not. A record changed since the merge, every other record and the survivors' versions are left as they are.
     * Contacts are not among the records: a company merge's undo writes an affiliated contact back from its
     * snapshot, so it keeps refusing for an erased one.
     *
     * @param versionsBefore the erased records of each kind (deals, tasks, leads) with their versions before the
     *                       erasure
     * @return the steps a store applies to each merge record in force ({@link UndoSteps#repointed}, {@link
     *         UndoSteps#apply(dev.crmkit.core.merge.ContactMerge)} and its overloads)
     */
    public static UndoSteps afterErasure(Map<Repointed.Kind, Map<java.util.UUID, Long>> versionsBefore) {
        return UndoSteps.afterWrites(versionsBefore);
    }
}
