package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.activity.ActivityId;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.merge.Repointed;
import dev.crmkit.core.privacy.Anonymized;
import dev.crmkit.core.privacy.RetentionStore;
import dev.crmkit.core.task.TaskId;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The retention job's questions and changes in the database (claims in {@code retention_claim}, migration V57).
 * Pages are read in id order with a keyset ({@code id > ?}). Each change is made so that exactly one of several
 * concurrent callers sees it succeed: the claim is an insert-ignoring statement on the contact id; the task delete
 * and the activity update repeat the rule in their WHERE clause, which the database evaluates again on the latest row
 * once it holds the row's lock, so the loser's statement touches 0 rows. Thread-safe.
 */
final class JdbcRetention implements RetentionStore {

    /**
     * A lead row (alias {@code l}) that is still a lead of its contact: a merged-away lead stays in the table with
     * its contact and status but is no longer theirs ({@link JdbcLeads#LISTED}; the in-memory store removes it).
     */
    private static final String OWN_LEAD = "l.id NOT IN (SELECT merged_id FROM {lead_alias})";
    /**
     * Signs of a customer outside leads, deals and the timeline (every crmkit table exists after the migrations,
     * crm-service's and crm-campaigns' included): an active service plan, equipment in service, an open service
     * request or commitment, any crm-service record of the person made or changed since the cutoff, a consent change
     * since the cutoff, an open task about the contact or one of its leads (or one created, due or closed since the
     * cutoff), a host event since the cutoff, an active campaign enrollment. Parameters: the cutoff twelve times,
     * then the cutoff in epoch microseconds (campaign_event); %1$s: the contact's id as text.
     */
    private static final String STILL_A_CUSTOMER = ""
            + " AND NOT EXISTS (SELECT 1 FROM {service_plan} x WHERE x.customer_id = c.id"
            + " AND (x.active = TRUE OR x.created_at >= ?))"
            + " AND NOT EXISTS (SELECT 1 FROM {service_equipment} x WHERE x.customer_id = c.id"
            + " AND (x.status <> 'REMOVED' OR x.created_at >= ?))"
            + " AND NOT EXISTS (SELECT 1 FROM {service_request} x WHERE x.customer_id = c.id"
            + " AND (x.resolved_at IS NULL OR x.opened_at >= ? OR x.responded_at >= ? OR x.resolved_at >= ?))"
            + " AND NOT EXISTS (SELECT 1 FROM {service_visit} x WHERE x.customer_id = c.id"
            + " AND (x.created_at >= ? OR x.ends_at >= ?))"
            + " AND NOT EXISTS (SELECT 1 FROM {service_commitment} x WHERE x.customer_id = c.id"
            + " AND (x.is_open = TRUE OR x.recorded_at >= ?))"
            + " AND NOT EXISTS (SELECT 1 FROM {consent_change} x WHERE x.contact_id = c.id AND x.recorded_at >= ?)"
            + " AND NOT EXISTS (SELECT 1 FROM {task} t WHERE ((t.related_type = 'CONTACT' AND t.related_id = c.id)"
            + " OR (t.related_type = 'LEAD'"
            + " AND t.related_id IN (SELECT l.id FROM {lead} l WHERE l.contact_id = c.id AND " + OWN_LEAD + ")))"
            + " AND (t.is_open = TRUE OR t.created_at >= ? OR t.due >= ? OR t.closed_at >= ?))"
            + " AND NOT EXISTS (SELECT 1 FROM {campaign_event} x WHERE x.contact_id = %1$s AND x.occurred_at >= ?)"
            + " AND NOT EXISTS (SELECT 1 FROM {campaign_enrollment} x WHERE x.contact_id = %1$s"
            + " AND x.status = 'ACTIVE')";
    /**
     * What the person's contact (alias {@code c}) must satisfy; parameters: {@link #ruleParams}, %1$s: the
     * contact's id as text ({@link #idText}).
     */
    private static final String NEVER_CONVERTED = "c.updated_at < ?"
            + " AND EXISTS (SELECT 1 FROM {lead} l WHERE l.contact_id = c.id AND " + OWN_LEAD + ")"
            + " AND NOT EXISTS (SELECT 1 FROM {lead} l WHERE l.contact_id = c.id AND " + OWN_LEAD
            + " AND (l.status = 'CONVERTED' OR l.updated_at >= ?))"
            + " AND NOT EXISTS (SELECT 1 FROM {deal} d WHERE d.contact_id = c.id)"
            + " AND NOT EXISTS (SELECT 1 FROM {deal} d JOIN {lead} l ON d.lead_id = l.id WHERE l.contact_id = c.id"
            + " AND " + OWN_LEAD + ")"
            + " AND NOT EXISTS (SELECT 1 FROM {activity_about} a WHERE a.record_type = 'CONTACT'"
            + " AND a.record_id = c.id AND a.occurred_at >= ?)"
            + " AND NOT EXISTS (SELECT 1 FROM {activity_about} a JOIN {lead} l ON a.record_id = l.id"
            + " WHERE a.record_type = 'LEAD' AND l.contact_id = c.id AND " + OWN_LEAD + " AND a.occurred_at >= ?)"
            + " AND NOT EXISTS (SELECT 1 FROM {retention_claim} r WHERE r.contact_id = c.id)"
            + STILL_A_CUSTOMER;
    /** A task done or cancelled before the cutoff that no commitment names (%s: the task's id). */
    private static final String CLOSED = "is_open = ? AND closed_at < ?"
            + " AND NOT EXISTS (SELECT 1 FROM {service_commitment} s WHERE s.task_id = %s)";
    /**
     * A timeline entry before the cutoff that still holds texts: a subject, a body or participants, as the in-memory
     * store asks ({@code Anonymized.activity(a).equals(a)}). %s: the dialect's JSON placeholder; parameters: the
     * cutoff, then the empty list {@code []} ({@link #NO_PARTICIPANTS}).
     */
    private static final String HOLDS_TEXT = "occurred_at < ? AND (subject <> '" + Anonymized.ERASED
            + "' OR body <> '' OR participants <> %s)";
    /** The participants of an entry that names nobody, as the store writes them ({@code JsonCodec.strings}). */
    private static final String NO_PARTICIPANTS = "[]";

    private static final TypeReference<List<Repointed>> REPOINTED = new TypeReference<>() {
    };

    private final Jdbc jdbc;
    private final String claim;
    private final String neverConverted;
    private final String holdsText;

    JdbcRetention(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.claim = jdbc.dialect.insertIgnoring(jdbc.tables.name("retention_claim"), 1, "contact_id",
                "claimed_at");
        this.neverConverted = NEVER_CONVERTED.formatted(idText(jdbc.dialect, "c.id"));
        this.holdsText = HOLDS_TEXT.formatted(jdbc.dialect.json());
    }

    /** A UUID column as the text crm-campaigns keeps contact ids in ({@link java.util.UUID#toString}). */
    private static String idText(Dialect dialect, String column) {
        return switch (dialect) {
            case POSTGRESQL, H2 -> "CAST(" + column + " AS VARCHAR(36))";
            case MARIADB -> column; // CHAR(36) already
        };
    }

    /** The parameters of {@link #NEVER_CONVERTED}, in order. */
    private static Object[] ruleParams(Instant cutoff) {
        List<Object> out = new ArrayList<>(Collections.nCopies(16, cutoff));
        out.add(JdbcEnrollments.micros(cutoff));
        return out.toArray();
    }

    private static Object[] with(Object first, Object[] rest) {
        List<Object> out = new ArrayList<>();
        out.add(first);
        out.addAll(List.of(rest));
        return out.toArray();
    }

    @Override
    public List<ContactId> neverConverted(Instant cutoff, Optional<ContactId> after, int limit) {
        return page(neverConvertedSelect(), after.map(ContactId::value), limit, ContactId::new, ruleParams(cutoff));
    }

    /** The never-converted rule's page statement before its key and order ({@link #pageSql}); a plan test reads it. */
    String neverConvertedSelect() {
        return "SELECT id FROM {contact} WHERE " + JdbcContacts.LISTED
                + " AND id IN (SELECT c.id FROM {contact} c WHERE " + neverConverted + ")";
    }

    /** The parameters of {@link #neverConvertedSelect()} for a cutoff. */
    static Object[] neverConvertedParams(Instant cutoff) {
        return ruleParams(cutoff);
    }

    /** The timeline rule's page statement before its key and order ({@link #pageSql}); its parameters: the cutoff. */
    String timelineSelect() {
        return "SELECT id FROM {activity} WHERE " + holdsText;
    }

    /** The parameters of {@link #timelineSelect()} for a cutoff. */
    static Object[] timelineParams(Instant cutoff) {
        return new Object[] {cutoff, NO_PARTICIPANTS};
    }

    @Override
    public boolean isNeverConverted(ContactId contact, Instant cutoff) {
        return jdbc.tx.read(c -> jdbc.count(c, jdbc.sql("SELECT COUNT(*) FROM {contact} c WHERE c.id = ? AND "
                + neverConverted), with(contact.value(), ruleParams(cutoff))) > 0);
    }

    @Override
    public long leadsOf(ContactId contact) {
        // as JdbcPersonalData finds the person's lead rows: those of the contact and of the contacts merged into it
        return jdbc.tx.read(c -> jdbc.count(c, jdbc.sql("SELECT COUNT(*) FROM {lead} WHERE contact_id = ? OR "
                + "contact_id IN (SELECT merged_id FROM {contact_alias} WHERE survivor_id = ?)"), contact.value(),
                contact.value()));
    }

    @Override
    public long auditEntriesBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return jdbc.tx.read(c -> jdbc.count(c, jdbc.sql("SELECT COUNT(*) FROM {audit_entry} WHERE occurred_at < ?"),
                cutoff));
    }

    @Override
    public void lockLeads(ContactId contact) {
        jdbc.tx.read(c -> jdbc.list(c, jdbc.sql("SELECT id FROM {lead} WHERE contact_id = ? ORDER BY id FOR UPDATE"),
                rs -> null, contact.value()));
    }

    @Override
    public boolean claimPerson(ContactId contact, Instant at) {
        Objects.requireNonNull(at, "at");
        return jdbc.tx.write(c -> jdbc.insertIgnoring(c, claim, contact.value(), at));
    }

    @Override
    public List<TaskId> closedTasks(Instant cutoff, Optional<TaskId> after, int limit) {
        List<UUID> repointed = List.copyOf(jdbc.tx.read(this::repointedTasks));
        List<Object> params = new ArrayList<>(List.of(false, cutoff));
        params.addAll(repointed);
        return page("SELECT id FROM {task} t WHERE " + CLOSED.formatted("t.id") + (repointed.isEmpty() ? ""
                : " AND t.id NOT IN (" + String.join(", ", Collections.nCopies(repointed.size(), "?")) + ")"),
                after.map(TaskId::value), limit, TaskId::new, params.toArray());
    }

    @Override
    public boolean deleteClosedTask(TaskId task, Instant cutoff) {
        return jdbc.tx.write(c -> {
            // held first, so a merge re-pointing it either committed before (and is read below) or waits
            if (jdbc.list(c, jdbc.sql("SELECT id FROM {task} WHERE id = ? FOR UPDATE"), rs -> null, task.value())
                    .isEmpty() || repointedTasks(c).contains(task.value())) {
                return false;
            }
            return jdbc.update(c, jdbc.sql("DELETE FROM {task} WHERE id = ? AND " + CLOSED.formatted("?")),
                    task.value(), false, cutoff, task.value()) == 1;
        });
    }

    /**
     * The tasks a contact, company or lead merge still in force re-pointed (unmerge puts them back, so they stay
     * while the merge does); merges are rare, their records are read whole.
     */
    private Set<UUID> repointedTasks(Connection c) throws SQLException {
        Set<UUID> out = new HashSet<>();
        for (String table : List.of("contact_merge", "company_merge", "lead_merge")) {
            for (String json : jdbc.list(c, jdbc.sql("SELECT repointed FROM {" + table + "} WHERE undone_at IS NULL"),
                    rs -> jdbc.dialect.getJson(rs, "repointed"))) {
                jdbc.json.read(json, REPOINTED).stream().filter(r -> r.kind() == Repointed.Kind.TASK)
                        .forEach(r -> out.add(r.id()));
            }
        }
        return out;
    }

    @Override
    public List<ActivityId> timelineBefore(Instant cutoff, Optional<ActivityId> after, int limit) {
        return page(timelineSelect(), after.map(ActivityId::value), limit, ActivityId::new, timelineParams(cutoff));
    }

    @Override
    public boolean anonymizeActivity(ActivityId activity, Instant cutoff) {
        return jdbc.tx.write(c -> {
            boolean blanked = jdbc.update(c, jdbc.sql("UPDATE {activity} SET subject = '" + Anonymized.ERASED
                    + "', body = '', participants = " + jdbc.dialect.json() + " WHERE id = ? AND " + holdsText),
                    NO_PARTICIPANTS, activity.value(), cutoff, NO_PARTICIPANTS) == 1;
            if (blanked) {
                // the participants' keys of a private item (V54) name them too: they go with the participants
                jdbc.update(c, jdbc.sql("DELETE FROM {activity_participant} WHERE activity_id = ?"), activity.value());
            }
            return blanked;
        });
    }

    /** One page of ids in id order after a key; {@code select} ends in a WHERE condition over a column {@code id}. */
    private <I> List<I> page(String select, Optional<UUID> after, int limit, Function<UUID, I> id,
                             Object... params) {
        List<Object> all = new ArrayList<>(List.of(params));
        after.ifPresent(all::add);
        String sql = pageSql(select, after.isPresent(), limit);
        return jdbc.tx.read(c -> Collections.unmodifiableList(jdbc.list(c, sql, rs -> id.apply(
                jdbc.dialect.getUuid(rs, "id")), all.toArray())));
    }

    /** The archive of the claims, keyed by contact id: export and restore only. */
    JdbcArchive<dev.crmkit.kit.archive.RetentionClaim> archive() {
        return new JdbcArchive<>(jdbc, "retention claim", "retention_claim", "contact_id",
                rs -> new dev.crmkit.kit.archive.RetentionClaim(new ContactId(jdbc.dialect.getUuid(rs, "contact_id")),
                        jdbc.dialect.getInstant(rs, "claimed_at")), c -> c.contact().toString(),
                (c, r) -> jdbc.insertIgnoring(c, claim, r.contact().value(), r.at()));
    }

    /** A page statement: {@code select} after a key (its last parameter) if {@code after}, in id order. */
    String pageSql(String select, boolean after, int limit) {
        return jdbc.sql(select + (after ? " AND id > ?" : "") + " ORDER BY id LIMIT " + limit);
    }
}
