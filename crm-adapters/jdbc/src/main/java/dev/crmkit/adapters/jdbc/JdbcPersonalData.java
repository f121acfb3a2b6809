package dev.crmkit.adapters.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.merge.Repointed;
import dev.crmkit.core.merge.UndoSteps;
import dev.crmkit.core.privacy.Anonymized;
import dev.crmkit.core.privacy.ErasureCounts;
import dev.crmkit.core.privacy.MovedEntries;
import dev.crmkit.core.privacy.PersonalData;
import dev.crmkit.core.privacy.PersonalValues;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskId;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A person's data in the database: which rows are theirs (found by id: the contact and its aliases, their leads,
 * the deals of either, the timeline entries about any of them, the tasks about them, the service records and
 * campaign rows of the contact, the outbox rows and audit entries of any of their records), and the erasure of
 * every personal value in those rows, in the running database transaction. Rows stay, anonymous, so counts add up,
 * except the host's campaign events about the contact (V61), which are deleted: their keys and references are the
 * host's free text, and nothing is left for them to trigger. Free texts that cannot be told apart from their structure (outbox payloads, audit notes, service sites and
 * reports, campaign outcomes) have every text that contains one of the person's values replaced. Thread-safe.
 */
final class JdbcPersonalData implements PersonalData {

    /** What replaces an erased text. */
    static final String ERASED = Anonymized.ERASED;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<List<Repointed>> REPOINTED = new TypeReference<>() {
    };

    private final Jdbc jdbc;
    private final JdbcTasks tasks;

    /** Marks a contact erased (V87), once: a second erasure of the same contact keeps the first time. */
    private final String markErased;

    JdbcPersonalData(Jdbc jdbc, JdbcTasks tasks) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.markErased = jdbc.dialect.insertIgnoring(jdbc.tables.name("erased_contact"), 1, "contact_id",
                "erased_at");
    }

    /**
     * Read with a locking read ({@link Dialect#lockingRead}) in a unit of work that may write: an edit reads the mark
     * after it waited for the contact's lock, and a plain read inside a host's transaction joined at MariaDB's
     * REPEATABLE READ would read the snapshot taken before that wait, without the mark of the erasure it waited for.
     * A read-only unit (a snapshot read, where PostgreSQL refuses locking reads) reads it plainly.
     */
    @Override
    public boolean isErased(ContactId contact) {
        return jdbc.tx.read(c -> jdbc.one(c, jdbc.sql("SELECT contact_id FROM {erased_contact} WHERE contact_id = ?")
                        + (c.isReadOnly() ? "" : jdbc.dialect.lockingRead()), rs -> Boolean.TRUE, contact.value())
                .isPresent());
    }

    /** The marks of erased contacts, in contact id order, restored as they were (insert-ignoring). */
    JdbcArchive<dev.crmkit.kit.archive.ErasedContact> archive() {
        return new JdbcArchive<>(jdbc, "erased contact", "erased_contact", "contact_id",
                rs -> new dev.crmkit.kit.archive.ErasedContact(new ContactId(jdbc.dialect.getUuid(rs, "contact_id")),
                        jdbc.dialect.getInstant(rs, "erased_at")), e -> e.contact().toString(),
                (c, e) -> jdbc.insertIgnoring(c, markErased, e.contact().value(), e.at()));
    }

    /** The ids of a person's rows. */
    private record Ids(List<UUID> contacts, List<UUID> leads, List<UUID> deals) {
        List<UUID> records() {
            return Stream.of(contacts, leads, deals).flatMap(List::stream).toList();
        }
    }

    @Override
    public Set<RecordRef> recordsOf(ContactId contact) {
        return recordsOf(contact, MovedEntries.none());
    }

    @Override
    public Set<RecordRef> recordsOf(ContactId contact, MovedEntries moved) {
        return jdbc.tx.read(c -> {
            Ids ids = ids(c, contact.value(), moved);
            Set<RecordRef> out = new LinkedHashSet<>();
            ids.contacts().forEach(id -> out.add(new RecordRef(RecordType.CONTACT, id)));
            ids.leads().forEach(id -> out.add(new RecordRef(RecordType.LEAD, id)));
            ids.deals().forEach(id -> out.add(new RecordRef(RecordType.DEAL, id)));
            return out;
        });
    }

    @Override
    public List<Task> tasksAbout(Collection<RecordRef> records) {
        return tasksAbout(records, MovedEntries.none());
    }

    /** The tasks about the records and those moved away from them, without those moved onto them, in one read. */
    @Override
    public List<Task> tasksAbout(Collection<RecordRef> records, MovedEntries moved) {
        List<UUID> ids = records.stream().map(RecordRef::id).distinct().toList();
        List<UUID> theirs = moved.theirTasks().stream().map(TaskId::value).sorted().toList();
        List<Object> params = new ArrayList<>(ids);
        params.addAll(theirs);
        String where = Stream.of(ids.isEmpty() ? "" : "related_id IN (" + marks(ids) + ")",
                theirs.isEmpty() ? "" : "id IN (" + marks(theirs) + ")").filter(w -> !w.isEmpty())
                .collect(java.util.stream.Collectors.joining(" OR "));
        List<UUID> taskIds = jdbc.tx.read(c -> where.isEmpty() ? List.<UUID>of() : jdbc.list(c, jdbc.sql(
                "SELECT id FROM {task} WHERE " + where + " ORDER BY created_at, id"),
                rs -> jdbc.dialect.getUuid(rs, "id"), params.toArray()));
        Set<RecordRef> about = Set.copyOf(records);
        List<Task> out = new ArrayList<>();
        for (UUID id : taskIds) {
            // a moved task counts as moved only while it is about a lead (MovedEntries.isThePersonsTask)
            tasks.findById(new TaskId(id)).filter(t -> moved.isThePersonsTask(t.id(), t.relatedTo(), about))
                    .ifPresent(out::add);
        }
        return out;
    }

    /**
     * The person's rows: their contacts, leads and deals. A deal is theirs by its contact, by a lead of theirs unless
     * a lead merge moved it there from another person's lead ({@link MovedEntries#otherDeals()}), or when a lead merge
     * moved it away from a lead of theirs ({@link MovedEntries#theirDeals()}).
     */
    private Ids ids(Connection c, UUID contact, MovedEntries moved) throws SQLException {
        List<UUID> contacts = new ArrayList<>();
        contacts.add(contact);
        contacts.addAll(uuids(c, "SELECT merged_id AS k FROM {contact_alias} WHERE survivor_id = ? ORDER BY merged_id",
                List.of(contact)));
        List<UUID> leads = uuids(c, "SELECT id AS k FROM {lead} WHERE contact_id IN (%s) ORDER BY id", contacts);
        List<Object> dealParams = new ArrayList<>(contacts);
        String byLead = leads.isEmpty() ? "" : " OR lead_id IN (" + marks(leads) + ")";
        dealParams.addAll(leads);
        List<UUID> theirs = moved.theirDeals().stream().sorted().toList();
        String movedAway = theirs.isEmpty() ? "" : " OR id IN (" + marks(theirs) + ")";
        dealParams.addAll(theirs);
        Set<UUID> ofContacts = Set.copyOf(contacts);
        List<UUID> deals = new ArrayList<>();
        for (Object[] row : jdbc.list(c, jdbc.sql("SELECT id, contact_id FROM {deal} WHERE contact_id IN ("
                + marks(contacts) + ")" + byLead + movedAway + " ORDER BY id"), rs -> new Object[] {
                        jdbc.dialect.getUuid(rs, "id"), jdbc.dialect.getUuid(rs, "contact_id")},
                dealParams.toArray())) {
            UUID id = (UUID) row[0];
            if (!moved.otherDeals().contains(id) || (row[1] != null && ofContacts.contains((UUID) row[1]))
                    || moved.theirDeals().contains(id)) {
                deals.add(id);
            }
        }
        return new Ids(contacts, leads, deals);
    }

    @Override
    public ErasureCounts erase(ContactId contact, PersonalValues known, Instant at) {
        return erase(contact, known, at, MovedEntries.none());
    }

    @Override
    public ErasureCounts erase(ContactId contact, PersonalValues known, Instant at, MovedEntries moved) {
        return jdbc.tx.write(c -> {
            Ids ids = ids(c, contact.value(), moved);
            PersonalValues scrub = known.with(values(c, ids));
            Set<String> emails = emailsOf(c, ids);
            List<UUID> records = ids.records();
            // the person's entries: about their records, or moved away from a lead of theirs by a lead merge
            Set<UUID> entries = new java.util.TreeSet<>(uuids(c, "SELECT DISTINCT activity_id AS k FROM "
                    + "{activity_about} WHERE record_id IN (%s) ORDER BY k", records));
            moved.others().forEach(id -> entries.remove(id.value()));
            moved.theirs().forEach(id -> entries.add(id.value()));
            List<UUID> activities = List.copyOf(entries);
            // the person's tasks: about their records, or moved away from a lead of theirs by a lead merge
            Set<UUID> taskIds = new java.util.TreeSet<>(uuids(c, "SELECT id AS k FROM {task} WHERE related_id IN (%s) "
                    + "ORDER BY id", records));
            // a moved task counts as moved only while it is about a lead (MovedEntries.isThePersonsTask)
            Set<UUID> onLeads = movedTasksOnLeads(c, moved);
            moved.otherTasks().stream().map(TaskId::value).filter(onLeads::contains).forEach(taskIds::remove);
            moved.theirTasks().stream().map(TaskId::value).filter(onLeads::contains).forEach(taskIds::add);
            List<UUID> tasksAbout = List.copyOf(taskIds);
            Map<String, Long> counts = new TreeMap<>();
            String json = jdbc.dialect.json();
            String noFields = jdbc.json.customFields(CustomFields.empty());
            // what an anonymous contact row (and its merge snapshots) keeps: ids, affiliations, owner, times
            String blankPerson = "first_name = '', last_name = '', emails = " + json + ", phones = " + json
                    + ", addresses = " + json + ", language = NULL, birthday = NULL, consent_status = 'UNKNOWN', "
                    + "consent_since = NULL, consent_source = '', custom_fields = " + json;
            counts.put("contact_point", (long) update(c, "DELETE FROM {contact_point} WHERE contact_id IN (%s)",
                    ids.contacts()));
            // the phonetic keys of the name (duplicate rules' candidate query) go with the name
            counts.put("contact", (long) update(c, "UPDATE {contact} SET version = version + 1, " + blankPerson
                    + ", name_key = NULL, nickname_key = NULL, updated_at = ? WHERE id IN (%s)", ids.contacts(), "[]",
                    "[]", "[]", noFields, at));
            // the keyed custom field values (V78) go with the values; derived rows, not counted
            update(c, "DELETE FROM {contact_field} WHERE contact_id IN (%s)", ids.contacts());
            counts.put("contact_merge_snapshot", (long) update(c, "UPDATE {contact_merge_snapshot} SET "
                    + blankPerson + " WHERE id IN (%s)", ids.contacts(), "[]", "[]", "[]", noFields));
            // a company merge keeps the contacts it re-affiliated as they were, for its undo
            counts.put("company_merge_contact", (long) update(c, "UPDATE {company_merge_contact} SET "
                    + blankPerson + " WHERE id IN (%s)", ids.contacts(), "[]", "[]", "[]", noFields));
            counts.put("lead_external_id", (long) update(c, "DELETE FROM {lead_external_id} WHERE lead_id IN (%s)",
                    ids.leads()));
            // the listed leads' versions step by one below; a merged-away lead's row keeps its version
            Map<UUID, Long> leadVersions = versions(c, "lead", ids.leads(), " AND " + JdbcLeads.LISTED);
            long leads = 0;
            // a merged-away lead's row keeps the version its lead merge left it at (as its merge snapshot, blanked
            // below, does), so that merge can still be undone
            String blankLead = jdbc.sql("UPDATE {lead} SET version = version + CASE WHEN " + JdbcLeads.LISTED
                    + " THEN 1 ELSE 0 END, first_name = '', last_name = '', "
                    + "email = ?, phone = NULL, request = '', company_name = '', referrer = '', external_ids = "
                    + json + ", external_id_fingerprints = NULL, custom_fields = " + json
                    + ", updated_at = ? WHERE id = ?");
            for (UUID lead : ids.leads()) {
                leads += jdbc.update(c, blankLead, Anonymized.leadEmail(new LeadId(lead)).value(), "[]", noFields,
                        at, lead);
            }
            counts.put("lead", leads);
            // the phonetic keys of the leads' names (V80) go with the names; derived rows, not counted. Deleted after
            // the lead rows are blanked: a writer of a lead commits its keys with the row, so this statement, which
            // starts after the row locks above were granted, sees every key a concurrent edit wrote
            update(c, "DELETE FROM {lead_name_key} WHERE lead_id IN (%s)", ids.leads());
            // a lead merge keeps its leads as they were, for its undo: blanked as the lead rows are
            long leadSnapshots = 0;
            String blankLeadSnapshot = jdbc.sql("UPDATE {lead_merge_snapshot} SET first_name = '', last_name = '', "
                    + "email = ?, phone = NULL, request = '', company_name = '', referrer = '', external_ids = "
                    + json + ", external_id_fingerprints = NULL, custom_fields = " + json + " WHERE id = ?");
            for (UUID lead : ids.leads()) {
                leadSnapshots += jdbc.update(c, blankLeadSnapshot, Anonymized.leadEmail(new LeadId(lead)).value(),
                        "[]", noFields, lead);
            }
            counts.put("lead_merge_snapshot", leadSnapshots);
            // versions step by one, as every write: a lead merge's undo after the erasure steps them up again
            Map<UUID, Long> dealVersions = versions(c, "deal", ids.deals(), "");
            counts.put("deal", (long) update(c, "UPDATE {deal} SET version = version + 1, title = '" + ERASED
                    + "', custom_fields = " + json + ", documents = " + json + ", updated_at = ? WHERE id IN (%s)",
                    ids.deals(), noFields, "{}", at));
            counts.put("activity", (long) update(c, "UPDATE {activity} SET subject = '" + ERASED + "', body = '', "
                    + "participants = " + json + " WHERE id IN (%s)", activities, "[]"));
            // a lead merge that took a lead of the person into another person's lead wrote its entry on the
            // survivor's timeline (not the person's) naming them: its texts are scrubbed of the person's values
            List<UUID> mergeEntries = new ArrayList<>(uuids(c, "SELECT DISTINCT m.activity_id AS k FROM "
                    + "{lead_merge} m JOIN {lead_merge_snapshot} s ON s.merge_id = m.id "
                    + "WHERE s.snapshot_no > 0 AND s.id IN (%s) ORDER BY k", ids.leads()));
            mergeEntries.removeAll(activities);
            counts.merge("activity", scrubEntries(c, mergeEntries, scrub), Long::sum);
            // the participant keys of private items (the scoped timeline's filter) go with the participants
            counts.put("activity_participant", (long) update(c, "DELETE FROM {activity_participant} "
                    + "WHERE activity_id IN (%s)", activities));
            // items about other records (a meeting about a company) keep the rest of their participants
            counts.merge("activity_participant", eraseParticipantsElsewhere(c, emails, activities), Long::sum);
            Map<UUID, Long> taskVersions = versions(c, "task", tasksAbout, "");
            counts.put("task", (long) update(c, "UPDATE {task} SET version = version + 1, title = '" + ERASED
                    + "' WHERE id IN (%s)", tasksAbout));
            keepMergesUndoable(c, Map.of(Repointed.Kind.DEAL, dealVersions, Repointed.Kind.TASK, taskVersions,
                    Repointed.Kind.LEAD, leadVersions));
            counts.put("audit_change", (long) update(c, "UPDATE {audit_change} SET "
                    + "before_value = CASE WHEN before_value IS NULL THEN NULL ELSE '" + ERASED + "' END, "
                    + "after_value = CASE WHEN after_value IS NULL THEN NULL ELSE '" + ERASED + "' END "
                    + "WHERE entry_id IN (SELECT id FROM {audit_entry} WHERE record_id IN (%s))", records));
            counts.put("audit_entry", scrubText(c, "audit_entry", "id", "note", "record_id", records, scrub));
            List<Object> keys = new ArrayList<>(records.stream().map(UUID::toString).toList());
            keys.addAll(activities.stream().map(UUID::toString).toList());
            keys.addAll(mergeEntries.stream().map(UUID::toString).toList());
            keys.addAll(tasksAbout.stream().map(UUID::toString).toList());
            counts.put("outbox", scrubJson(c, "outbox", "seq", "payload", "aggregate_id", keys, scrub));
            counts.put("service_request", (long) update(c, "UPDATE {service_request} SET summary = '" + ERASED
                    + "' WHERE customer_id IN (%s)", ids.contacts()));
            counts.put("service_commitment", (long) update(c, "UPDATE {service_commitment} SET promise = '" + ERASED
                    + "' WHERE customer_id IN (%s)", ids.contacts()));
            counts.put("service_equipment", scrubJson(c, "service_equipment", "id", "site", "customer_id",
                    new ArrayList<>(ids.contacts()), scrub));
            counts.put("service_visit", scrubJson(c, "service_visit", "id", "report", "customer_id",
                    new ArrayList<>(ids.contacts()), scrub));
            List<Object> contactTexts = new ArrayList<>(ids.contacts().stream().map(UUID::toString).toList());
            counts.put("campaign_message", scrubText(c, "campaign_message", "msg_key", "outcome", "contact_id",
                    contactTexts, scrub));
            counts.put("campaign_do_not_contact", scrubDoNotContact(c, contactTexts));
            counts.put("campaign_enrollment", scrubEndReasons(c, contactTexts, scrub));
            // the host's events about the person: their references and keys may name them, and an erased person
            // has no campaign left to trigger
            counts.put("campaign_event", (long) update(c, "DELETE FROM {campaign_event} WHERE contact_id IN (%s)",
                    contactTexts));
            // the consent history keeps channel, status, time and actor: where the consent came from may name them
            counts.put("consent_change", (long) update(c, "UPDATE {consent_change} SET source = '" + ERASED
                    + "' WHERE contact_id IN (%s) AND source <> '" + ERASED + "'", ids.contacts()));
            // the mark that refuses later edits of the anonymous contact (V87); not a personal value, not counted.
            // Every id of the person is marked, the merged-away ones too: an unmerge or a merge naming one is refused
            for (UUID id : ids.contacts()) {
                jdbc.insertIgnoring(c, markErased, id, at);
            }
            return new ErasureCounts(counts);
        });
    }

    /** What the rows of the person's contacts and merge snapshots hold: names, e-mails, phones, addresses. */
    private Set<String> values(Connection c, Ids ids) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        for (String table : List.of("contact", "contact_merge_snapshot", "company_merge_contact")) {
            if (!ids.contacts().isEmpty()) {
                jdbc.list(c, jdbc.sql("SELECT first_name, last_name, emails, phones, addresses, custom_fields, "
                        + "consent_source FROM {" + table + "} WHERE id IN (" + marks(ids.contacts()) + ")"), rs -> {
                            out.add(rs.getString("first_name"));
                            out.add(rs.getString("last_name"));
                            out.add(rs.getString("first_name") + " " + rs.getString("last_name"));
                            for (String col : List.of("emails", "phones", "addresses")) {
                                leaves(jdbc.dialect.getJson(rs, col), out);
                            }
                            return null;
                        }, ids.contacts().toArray());
            }
        }
        return out;
    }

    private static void leaves(String json, Set<String> out) {
        if (json == null) {
            return;
        }
        try {
            collect(MAPPER.readTree(json), out);
        } catch (JsonProcessingException e) {
            out.add(json);
        }
    }

    private static void collect(JsonNode node, Set<String> out) {
        if (node.isTextual()) {
            out.add(node.asText());
        } else if (node.isNumber()) {
            out.add(node.asText());
        } else {
            node.elements().forEachRemaining(n -> collect(n, out));
        }
    }

    /** The JSON with every text (and object key) that hits replaced, or empty when nothing hit. */
    private static Optional<String> scrubJson(String text, PersonalValues scrub) {
        if (text == null || !scrub.hits(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.writeValueAsString(walk(MAPPER.readTree(text), scrub)));
        } catch (JsonProcessingException e) {
            return Optional.of("{}");
        }
    }

    private static JsonNode walk(JsonNode node, PersonalValues scrub) {
        if (node.isTextual()) {
            return scrub.hits(node.asText()) ? TextNode.valueOf(ERASED) : node;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, walk(array.get(i), scrub));
            }
            return array;
        }
        if (node instanceof ObjectNode object) {
            ObjectNode out = object.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            int n = 0;
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String key = scrub.hits(f.getKey()) ? ERASED + "-" + (++n) : f.getKey();
                out.set(key, walk(f.getValue(), scrub));
            }
            return out;
        }
        return node;
    }

    /**
     * Scrubs the subject and body of these timeline entries that hold one of the person's values
     * ({@link PersonalValues#scrub}); counts each entry changed once (as the in-memory store does), not each text.
     */
    private long scrubEntries(Connection c, List<UUID> ids, PersonalValues scrub) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        List<Object[]> hits = new ArrayList<>();
        jdbc.list(c, jdbc.sql("SELECT id, subject, body FROM {activity} WHERE id IN (" + marks(ids) + ")"), rs -> {
            String subject = rs.getString("subject");
            String body = rs.getString("body");
            if (scrub.hits(subject) || scrub.hits(body)) {
                hits.add(new Object[]{scrub.scrub(subject), scrub.scrub(body), keyOf(rs, "id")});
            }
            return null;
        }, ids.toArray());
        return updateRows(c, "UPDATE {activity} SET subject = ?, body = ? WHERE id = ?", hits);
    }

    private long scrubText(Connection c, String table, String key, String column, String owner, List<?> owners,
                           PersonalValues scrub) throws SQLException {
        return scrubRows(c, table, key, column, owner, owners, false, scrub);
    }

    private long scrubJson(Connection c, String table, String key, String column, String owner, List<?> owners,
                           PersonalValues scrub) throws SQLException {
        return scrubRows(c, table, key, column, owner, owners, true, scrub);
    }

    /** Rewrites the column of the owners' rows where it holds one of the person's values (a JSON column by text). */
    private long scrubRows(Connection c, String table, String key, String column, String owner, List<?> owners,
                           boolean json, PersonalValues scrub) throws SQLException {
        if (owners.isEmpty()) {
            return 0;
        }
        List<Object[]> hits = new ArrayList<>();
        jdbc.list(c, jdbc.sql("SELECT " + key + ", " + column + " FROM {" + table + "} WHERE " + owner + " IN ("
                + marks(owners) + ")"), rs -> {
                    String text = json ? jdbc.dialect.getJson(rs, column) : rs.getString(column);
                    Optional<String> clean = json ? scrubJson(text, scrub)
                            : Optional.of(ERASED).filter(e -> scrub.hits(text));
                    if (clean.isPresent()) {
                        hits.add(new Object[]{clean.get(), keyOf(rs, key)});
                    }
                    return null;
                }, owners.toArray());
        String set = json ? jdbc.dialect.json() : "?";
        return updateRows(c, "UPDATE {" + table + "} SET " + column + " = " + set + " WHERE " + key + " = ?", hits);
    }

    /**
     * Blanks the end reason of the contacts' enrollments where it quotes one of the person's values (a host's or a
     * hand-to-sales note); the enrollment stays. Its key has three columns, so {@link #scrubRows} does not serve.
     */
    private long scrubEndReasons(Connection c, List<Object> contacts, PersonalValues scrub) throws SQLException {
        if (contacts.isEmpty()) {
            return 0;
        }
        List<Object[]> hits = new ArrayList<>();
        jdbc.list(c, jdbc.sql("SELECT contact_id, sequence_name, enrolled_at, end_reason FROM {campaign_enrollment}"
                + " WHERE contact_id IN (" + marks(contacts) + ")"), rs -> {
                    if (scrub.hits(rs.getString("end_reason"))) {
                        hits.add(new Object[]{ERASED, rs.getString("contact_id"), rs.getString("sequence_name"),
                                rs.getLong("enrolled_at")});
                    }
                    return null;
                }, contacts.toArray());
        return updateRows(c, "UPDATE {campaign_enrollment} SET end_reason = ? WHERE contact_id = ?"
                + " AND sequence_name = ? AND enrolled_at = ?", hits);
    }

    private long scrubDoNotContact(Connection c, List<Object> contacts) throws SQLException {
        if (contacts.isEmpty()) {
            return 0;
        }
        return update(c, "UPDATE {campaign_do_not_contact} SET source = '" + ERASED + "' WHERE contact_id IN (%s)"
                + " AND source <> '" + ERASED + "'", contacts);
    }

    private long updateRows(Connection c, String template, List<Object[]> rows) throws SQLException {
        String sql = jdbc.sql(template);
        long n = 0;
        for (Object[] row : rows) {
            n += jdbc.update(c, sql, row);
        }
        return n;
    }

    /** The key of a row as it binds: {@code seq} a number, {@code msg_key} a text, any other key an id. */
    private Object keyOf(java.sql.ResultSet rs, String key) throws SQLException {
        switch (key) {
            case "seq":
                return rs.getLong(key);
            case "msg_key":
                return rs.getString(key);
            default:
                return jdbc.dialect.getUuid(rs, key);
        }
    }

    /** The person's e-mail addresses (contacts, their merge snapshots, leads), as participant keys. */
    private Set<String> emailsOf(Connection c, Ids ids) throws SQLException {
        Set<String> out = new java.util.TreeSet<>();
        if (!ids.contacts().isEmpty()) {
            for (String table : List.of("contact", "contact_merge_snapshot", "company_merge_contact")) {
                jdbc.list(c, jdbc.sql("SELECT emails FROM {" + table + "} WHERE id IN (" + marks(ids.contacts())
                        + ")"), rs -> {
                            Set<String> leaves = new LinkedHashSet<>();
                            leaves(jdbc.dialect.getJson(rs, "emails"), leaves);
                            leaves.stream().filter(v -> v.contains("@")).forEach(v -> out.add(participantKey(v)));
                            return null;
                        }, ids.contacts().toArray());
            }
        }
        if (!ids.leads().isEmpty()) {
            jdbc.list(c, jdbc.sql("SELECT email FROM {lead} WHERE id IN (" + marks(ids.leads()) + ")"), rs -> {
                String email = rs.getString("email");
                if (email != null && !email.isBlank()) {
                    out.add(participantKey(email));
                }
                return null;
            }, ids.leads().toArray());
        }
        return out;
    }

    private static String participantKey(String value) {
        return value.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Removes the person's e-mails from the participants of the activities not erased whole (items about other
     * records) and their keys; returns how many key rows went. Private items are found by their keys,
     * public and not yet keyed ones by their participants' text.
     */
    private long eraseParticipantsElsewhere(Connection c, Set<String> emails, List<UUID> erasedWhole)
            throws SQLException {
        if (emails.isEmpty()) {
            return 0;
        }
        List<String> keys = List.copyOf(emails);
        Set<UUID> candidates = new java.util.TreeSet<>(uuids(c, "SELECT DISTINCT activity_id AS k FROM "
                + "{activity_participant} WHERE match_kind = 'E' AND participant IN (%s)", keys));
        String text = switch (jdbc.dialect) {
            case POSTGRESQL -> "CAST(participants AS text)";
            case H2 -> "CAST(participants AS VARCHAR)";
            case MARIADB -> "CAST(participants AS CHAR)";
        };
        for (String email : keys) {
            // a superset ('_' matches any character): the participants are compared exactly below
            candidates.addAll(jdbc.list(c, jdbc.sql("SELECT id AS k FROM {activity} WHERE (visibility = 'PUBLIC' "
                    + "OR participants_keyed = ?) AND LOWER(" + text + ") LIKE ?"),
                    rs -> jdbc.dialect.getUuid(rs, "k"), false, "%" + email + "%"));
        }
        erasedWhole.forEach(candidates::remove);
        String update = jdbc.sql("UPDATE {activity} SET participants = " + jdbc.dialect.json() + " WHERE id = ?");
        String insert = jdbc.sql("INSERT INTO {activity_participant} (activity_id, match_kind, participant) "
                + "VALUES (?, ?, ?)");
        long removed = 0;
        for (UUID id : candidates) {
            List<Object[]> rows = jdbc.list(c, jdbc.sql("SELECT visibility, participants FROM {activity} WHERE id = ?"),
                    rs -> new Object[] {rs.getString("visibility"),
                            jdbc.json.strings(jdbc.dialect.getJson(rs, "participants"))}, id);
            for (Object[] row : rows) {
                @SuppressWarnings("unchecked")
                List<String> participants = (List<String>) row[1];
                List<String> kept = participants.stream().filter(p -> !emails.contains(participantKey(p))).toList();
                if (kept.size() == participants.size()) {
                    continue;
                }
                jdbc.update(c, update, jdbc.json.strings(kept), id);
                // keyed again from what is kept: an e-mail is keyed both as an e-mail and as written (a user id)
                removed += jdbc.update(c, jdbc.sql("DELETE FROM {activity_participant} WHERE activity_id = ?"), id);
                if ("PRIVATE".equals(row[0])) {
                    for (String[] key : JdbcActivities.participantKeys(kept)) {
                        jdbc.update(c, insert, id, key[0], key[1]);
                        removed--;
                    }
                }
            }
        }
        return removed;
    }

    /** The tasks of {@link MovedEntries#theirTasks()} and {@link MovedEntries#otherTasks()} still about a lead. */
    private Set<UUID> movedTasksOnLeads(Connection c, MovedEntries moved) throws SQLException {
        List<UUID> all = new ArrayList<>();
        moved.theirTasks().forEach(id -> all.add(id.value()));
        moved.otherTasks().forEach(id -> all.add(id.value()));
        return Set.copyOf(uuids(c, "SELECT id AS k FROM {task} WHERE related_type = 'LEAD' AND id IN (%s)",
                all.stream().distinct().sorted().toList()));
    }

    /**
     * The versions of the deals, tasks or leads ({@code table}; rows that pass {@code filter}, an SQL condition starting
     * with AND, or none), read before the erasure raises them.
     */
    private Map<UUID, Long> versions(Connection c, String table, List<UUID> ids, String filter) throws SQLException {
        Map<UUID, Long> out = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            for (Object[] row : jdbc.list(c, jdbc.sql("SELECT id, version FROM {" + table + "} WHERE id IN ("
                    + marks(ids) + ")" + filter), rs -> new Object[] {jdbc.dialect.getUuid(rs, "id"),
                    rs.getLong("version")}, ids.toArray())) {
                out.put((UUID) row[0], (Long) row[1]);
            }
        }
        return out;
    }

    /**
     * The erasure raises the version of each deal, task and listed lead it blanks by one; a merge in force of any
     * kind (contact, company, lead) that re-pointed one of them and found it unchanged since would refuse its undo
     * for that step alone: its record takes the erased version ({@link Anonymized#afterErasure}). Only the merges
     * whose survivor the erased record refers to now can have found it unchanged (a later merge of that survivor
     * re-pointed it again and raised the version): a contact merge's survivor is an erased deal's or lead's contact
     * or an erased task's contact, a company merge's their company, a lead merge's an erased deal's or task's lead.
     * The rows are read under their row locks (in id order), so an unmerge stepping the same merge record
     * concurrently ({@code JdbcMerges}) and this erasure each step from what the other committed.
     *
     * @param before the erased records of each kind with their versions before the erasure
     */
    private void keepMergesUndoable(Connection c, Map<Repointed.Kind, Map<UUID, Long>> before) throws SQLException {
        UndoSteps steps = Anonymized.afterErasure(before);
        List<UUID> deals = List.copyOf(before.get(Repointed.Kind.DEAL).keySet());
        List<UUID> tasks = List.copyOf(before.get(Repointed.Kind.TASK).keySet());
        List<UUID> leads = List.copyOf(before.get(Repointed.Kind.LEAD).keySet());
        for (RecordType kind : List.of(RecordType.CONTACT, RecordType.COMPANY, RecordType.LEAD)) {
            String noun = kind.name().toLowerCase(Locale.ROOT);
            SortedSet<UUID> survivors = new TreeSet<>(uuids(c, "SELECT DISTINCT " + noun + "_id AS k FROM {deal} "
                    + "WHERE " + noun + "_id IS NOT NULL AND id IN (%s) ORDER BY k", deals));
            survivors.addAll(uuids(c, "SELECT DISTINCT related_id AS k FROM {task} WHERE related_type = '"
                    + kind.name() + "' AND id IN (%s) ORDER BY k", tasks));
            if (kind != RecordType.LEAD) {
                survivors.addAll(uuids(c, "SELECT DISTINCT " + noun + "_id AS k FROM {lead} WHERE " + noun
                        + "_id IS NOT NULL AND id IN (%s) ORDER BY k", leads));
            }
            if (survivors.isEmpty()) {
                continue;
            }
            String table = "{" + noun + "_merge}";
            String rewrite = jdbc.sql("UPDATE " + table + " SET repointed = " + jdbc.dialect.json() + " WHERE id = ?");
            for (Object[] row : jdbc.list(c, jdbc.sql("SELECT id, repointed FROM " + table + " WHERE undone_at IS "
                    + "NULL AND survivor_id IN (" + marks(survivors) + ") ORDER BY id FOR UPDATE"), rs -> new Object[] {
                            jdbc.dialect.getUuid(rs, "id"), jdbc.dialect.getJson(rs, "repointed")},
                    survivors.toArray())) {
                List<Repointed> repointed = jdbc.json.read((String) row[1], REPOINTED);
                List<Repointed> stepped = steps.repointed(repointed);
                if (stepped != repointed) {
                    jdbc.update(c, rewrite, jdbc.json.write(stepped), row[0]);
                }
            }
        }
    }

    private List<UUID> uuids(Connection c, String template, List<?> params) throws SQLException {
        if (params.isEmpty()) {
            return List.of();
        }
        return jdbc.list(c, jdbc.sql(String.format(template, marks(params))), rs -> jdbc.dialect.getUuid(rs, "k"),
                params.toArray());
    }

    private int update(Connection c, String template, List<?> ids, Object... before) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        List<Object> params = new ArrayList<>(List.of(before));
        params.addAll(ids);
        return jdbc.update(c, jdbc.sql(template.replace("%s", marks(ids))), params.toArray());
    }

    private static String marks(Collection<?> values) {
        return String.join(", ", Collections.nCopies(values.size(), "?"));
    }
}
