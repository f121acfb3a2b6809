package dev.crmkit.core.merge;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.Timeline;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.Contacts;
import dev.crmkit.core.kernel.Context;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The merge use case: contacts merged into a survivor in one unit of work, and a merge undone. A merge refused for bad
 * input stores nothing; an unmerge that conflicts with what happened since changes nothing and says what conflicts.
 * Both are entries on the survivor's timeline and publish a {@link MergeEvent}. Thread-safe.
 */
public final class ContactMerging {

    private static final int ATTEMPTS = 5;
    private static final MergeSteps<Contact, ContactId> STEPS = new MergeSteps<>(RecordType.CONTACT, "contact",
            "contacts", Contact::id, ContactId::value, Contact::version);

    private final Contacts contacts;
    private final ContactMerges merges;
    private final Timeline timeline;
    private final Context context;
    private final java.util.function.Predicate<ContactId> erasures;

    /**
     * Wires the use case without the store's erased marks: a merge or unmerge of an erased contact is not refused.
     */
    public ContactMerging(Contacts contacts, ContactMerges merges, Timeline timeline, Context context) {
        this(contacts, merges, timeline, context, c -> false);
    }

    /**
     * Wires the use case; {@link dev.crmkit.core.Crm#merging()} does this for you.
     *
     * @param erasures whether a contact's data was erased (the store's
     *                 {@code dev.crmkit.core.privacy.PersonalData#isErased} marks), read under the merge's locks: a
     *                 merge or an unmerge naming an erased contact is refused (rule {@code erased})
     */
    public ContactMerging(Contacts contacts, ContactMerges merges, Timeline timeline, Context context,
                          java.util.function.Predicate<ContactId> erasures) {
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.merges = Objects.requireNonNull(merges, "merges");
        this.timeline = Objects.requireNonNull(timeline, "timeline");
        this.context = Objects.requireNonNull(context, "context");
        this.erasures = Objects.requireNonNull(erasures, "erasures");
    }

    /**
     * Merges the contacts into one survivor, re-pointing every related record, and keeps a record of it on the
     * survivor's timeline. Refused (storing nothing) when fewer than two distinct contacts are named, one is unknown
     * or already merged away, one belongs to a person whose data was erased (rule {@code erased}: a live person's
     * values would land on an anonymized contact, or an anonymized one would be merged into a live person; read
     * under the contacts' locks), or the survivor or a field's chosen contact is not among them.
     */
    public MergeOutcome merge(MergeContacts command) {
        Objects.requireNonNull(command, "command");
        return context.transactions().inTransactionRetrying(ATTEMPTS, () -> mergeInUnit(command));
    }

    private MergeOutcome mergeInUnit(MergeContacts command) {
        Set<ContactId> ids = new LinkedHashSet<>(command.contacts());
        List<Violation> problems = new ArrayList<>(MergeMembers.check("contacts", "contact", command.contacts(),
                command.survivor()));
        problems.addAll(MergeMembers.choices("contact", "contacts", command.choices(), command.contacts()));
        Map<ContactId, Contact> locked = new java.util.HashMap<>();
        STEPS.members(ids, contacts::lockById, problems).forEach(c -> locked.put(c.id(), c));
        locked.keySet().stream().filter(erasures).sorted(java.util.Comparator.comparing(Object::toString))
                .forEach(id -> problems.add(new Violation("contacts", "erased", "contact " + id + " belongs to a "
                        + "person whose data was erased: an anonymized record is not merged")));
        if (!problems.isEmpty()) {
            return new MergeOutcome.Refused(problems);
        }
        List<Contact> listed = ids.stream().map(locked::get).toList();
        Contact survivor = command.survivor().map(locked::get)
                .orElseGet(() -> command.rule().choose(listed, this::lastActivity));
        List<Contact> all = STEPS.survivorFirst(survivor, listed);
        Map<ContactField, Contact> chosen = new EnumMap<>(ContactField.class);
        command.choices().forEach((field, id) -> chosen.put(field, locked.get(id)));
        Instant now = context.clock().instant();
        MergeId mergeId = new MergeId(context.ids().next());
        List<Repointed> repointed = new ArrayList<>();
        List<Contact> away = all.subList(1, all.size());
        for (Contact gone : away) {
            repointed.addAll(merges.retire(gone, survivor.id(), mergeId));
        }
        Contact after = contacts.update(Survivorship.combine(all, chosen, now));
        ActivityId activityId = new ActivityId(context.ids().next());
        timeline.record(Activity.system(activityId, "Merged " + away.size() + " duplicate"
                        + (away.size() == 1 ? "" : "s") + " into " + after.displayName(),
                describe(mergeId, away, repointed), Set.of(ref(after.id())), now));
        ContactMerge merge = new ContactMerge(mergeId, survivor, after.version(), away, repointed, activityId, now,
                Optional.empty());
        merges.save(merge);
        context.events().publish(new MergeEvent.ContactsMerged(mergeId, after.id(), merge.mergedIds(),
                repointed.size(), now));
        return new MergeOutcome.Merged(merge, after);
    }

    /**
     * Undoes a merge: the survivor, the merged-away contacts and every re-pointed record are stored as they were
     * before it, each at a new version one up ({@link UndoSteps}: a copy read before or during the merge is stale
     * afterwards), unless something changed since that would be lost; then nothing changes and the refusal lists
     * every conflict. A merge whose survivor or merged-away contacts belong to a person whose data was erased is not
     * undone either (conflict "... erased ..."): it would bring back anonymized contacts as live ones.
     */
    public UnmergeOutcome unmerge(MergeId id) {
        Objects.requireNonNull(id, "id");
        return context.transactions().inTransactionRetrying(ATTEMPTS, () -> unmergeInUnit(id));
    }

    private UnmergeOutcome unmergeInUnit(MergeId id) {
        Optional<ContactMerge> found = merges.find(id);
        List<String> conflicts = new ArrayList<>(STEPS.unmergeConflicts("merge", id, found, contacts::lockById,
                merges));
        // read after unmergeConflicts locked the survivor (its merged-away ids resolve to it)
        found.ifPresent(m -> {
            List<ContactId> named = new ArrayList<>();
            named.add(m.survivor());
            named.addAll(m.mergedIds());
            named.stream().filter(erasures).forEach(c -> conflicts.add("contact " + c + " belongs to a "
                    + "person whose data was erased: an anonymized record is not unmerged (erased)"));
        });
        if (!conflicts.isEmpty()) {
            return new UnmergeOutcome.Refused(id, conflicts);
        }
        ContactMerge merge = found.orElseThrow();
        Instant now = context.clock().instant();
        ContactMerge undone = merges.undo(merge, now);
        ActivityId entry = STEPS.recordUnmerge(timeline, context, merge, "Merge undone: " + merge.mergedIds().size()
                + " contact" + (merge.mergedIds().size() == 1 ? "" : "s") + " restored", now);
        context.events().publish(new MergeEvent.ContactsUnmerged(id, merge.survivor(), merge.mergedIds(), now));
        return new UnmergeOutcome.Unmerged(undone, merge.mergedIds(), entry);
    }

    /** The merge record with this id. */
    public Optional<ContactMerge> find(MergeId id) {
        return merges.find(Objects.requireNonNull(id, "id"));
    }

    private Instant lastActivity(Contact c) {
        return timeline.of(ref(c.id()), TimelineFilter.everything(), PageRequest.first(1)).items().stream()
                .findFirst().map(Activity::occurredAt).orElse(c.updatedAt());
    }

    private static RecordRef ref(ContactId id) {
        return STEPS.ref(id);
    }

    private static String describe(MergeId id, List<Contact> away, List<Repointed> repointed) {
        StringBuilder body = new StringBuilder("merge ").append(id).append("; merged away:");
        for (Contact c : away) {
            body.append(' ').append(c.id()).append(" (").append(c.displayName()).append(')');
        }
        Map<Repointed.Kind, Long> counts = repointed.stream()
                .collect(Collectors.groupingBy(Repointed::kind, () -> new EnumMap<>(Repointed.Kind.class),
                        Collectors.counting()));
        body.append("; re-pointed: ").append(counts.isEmpty() ? "nothing" : counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(", ")));
        return body.toString();
    }
}
