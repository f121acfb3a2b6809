package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.duplicate.NameKeys;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.Leads;
import dev.crmkit.core.lead.Utm;
import dev.crmkit.core.merge.UndoSteps;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Leads in a relational database. The row holds the scalar fields as columns (the source as channel, source detail,
 * campaign, the five UTM tags and referrer) and the external ids, their submissions' fingerprints and the custom
 * field values as JSON; it also keeps {@code is_open} ({@link Lead#isOpen()}), so the most recently created open lead of an e-mail or phone is one backward seek in the
 * index on {@code (email, is_open, created_at, id)} or {@code (phone, is_open, created_at, id)}. Every external id
 * is also a row of {@code lead_external_id} with the id as primary key, which is what keeps it unique across
 * application nodes: insert-or-get claims the ids first with the dialect's insert-ignoring statement, in sorted order
 * (so two nodes never wait on each other in a cycle), and returns the lead that holds one it could not claim; an
 * update claims the ids it adds and gives up those it drops. The phonetic keys of each lead's own name are a row of
 * {@code lead_name_key} (V80, {@link LeadNameKeyRows}), written with the lead row and rewritten by every write that
 * changes its name (a chunk's folds, {@link #updateAll}, rewrite only the leads whose name they fill in). External ids
 * are at most {@value #MAX_EXTERNAL_ID} characters. Thread-safe.
 */
final class JdbcLeads implements Leads, JdbcMerges.Rows<Lead> {

    /** The rows that are not merged away. */
    static final String LISTED = "id NOT IN (SELECT merged_id FROM {lead_alias})";

    /** The longest external id the key table holds. */
    static final int MAX_EXTERNAL_ID = 400;

    /**
     * The PostgreSQL types of the parameters of {@code updateAt}, in its order, for {@link Jdbc#updateRowsById}: the
     * new version, the row's values (JSON as text, which the SET casts), the id and the version expected.
     */
    static final List<String> UPDATE_TYPES = List.of("bigint", "uuid", "uuid", "text", "text", "text", "text",
            "text", "text", "text", "text", "text", "text", "text", "text", "text", "text", "text", "text", "text",
            "text", "text", "boolean", "text", "integer", "text", "timestamptz", "timestamptz", "uuid", "bigint");

    private final Jdbc jdbc;
    private final Dialect dialect;
    private final String selectById;
    private final String selectLocked;
    private final String selectLockedWhole;
    private final String updateAt;
    /** The columns {@code updateAt} sets after the version, in its order (their PostgreSQL types: UPDATE_TYPES). */
    private final List<String> updatedColumns;
    private final String selectByExternalId;
    private final String selectOpenByEmail;
    private final String selectOpenByPhone;
    private final String selectOpenByContacts;
    private final KeyTable externalIds;
    private final Jdbc.Versioned rows;
    private final String insertRow;
    private final String updateRow;
    private final String selectByStatus;
    private final String selectByOwner;
    private final String selectAll;
    private final String count;
    private final String selectAlias;
    private final String selectFollowingMerges;
    private final String raiseVersion;
    private final String setVersion;
    private final String selectVersion;
    private final String restoreRow;
    private final String insertSnapshot;
    private final LeadNameKeyRows nameKeys;
    private final String selectOpenBySound;

    JdbcLeads(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.dialect = jdbc.dialect;
        String json = dialect.json();
        selectById = jdbc.sql("SELECT * FROM {lead} WHERE id = ?");
        // what updateAll compares of a locked row, no more: the whole lead would parse its phone, JSON and UTM again
        selectLocked = jdbc.sql("SELECT id, version, external_ids, first_name, last_name FROM {lead} "
                + "WHERE id IN (%s) ORDER BY id FOR UPDATE");
        selectByExternalId = jdbc.sql("SELECT l.* FROM {lead} l JOIN {lead_external_id} x ON x.lead_id = l.id "
                + "WHERE x.external_id = ?");
        // merged-away leads keep their rows, but are no longer found by e-mail or phone, listed or counted
        selectOpenByEmail = jdbc.sql("SELECT * FROM {lead} WHERE email = ? AND is_open = ? AND " + LISTED + " "
                + "ORDER BY created_at DESC, seq DESC LIMIT 1");
        selectOpenByPhone = jdbc.sql("SELECT * FROM {lead} WHERE phone = ? AND is_open = ? AND " + LISTED + " "
                + "ORDER BY created_at DESC, seq DESC LIMIT 1");
        selectOpenByContacts = jdbc.sql("SELECT * FROM {lead} WHERE contact_id IN (%s) AND is_open = ? AND "
                + LISTED + " ORDER BY created_at, seq LIMIT ?");
        externalIds = new KeyTable(jdbc, "lead_external_id", "external_id", "lead_id", true);
        nameKeys = new LeadNameKeyRows(jdbc);
        selectOpenBySound = jdbc.sql("SELECT * FROM {lead} WHERE id IN (SELECT lead_id FROM {lead_name_key} "
                + "WHERE name_key IN (" + String.join(", ", Collections.nCopies(NameKeys.MAX_KEYS_TO_FIND, "?"))
                + ") UNION SELECT lead_id FROM {lead_name_key} WHERE nickname_key = ?) AND is_open = ? AND "
                + LISTED + " ORDER BY created_at, seq LIMIT ?");
        rows = new Jdbc.Versioned(jdbc, "lead", "lead");
        insertRow = jdbc.sql("INSERT INTO {lead} (id, version, contact_id, company_id, channel, source_detail, "
                + "campaign, utm_source, utm_medium, utm_campaign, utm_term, utm_content, referrer, external_ids, "
                + "external_id_fingerprints, request, first_name, last_name, email, phone, company_name, owner_id, "
                + "status, is_open, disqualification_reason, submissions, custom_fields, created_at, updated_at) "
                + "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + json + ", " + json
                + ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + json + ", ?, ?)");
        updateRow = jdbc.sql("UPDATE {lead} SET version = version + 1, contact_id = ?, company_id = ?, channel = ?, "
                + "source_detail = ?, campaign = ?, utm_source = ?, utm_medium = ?, utm_campaign = ?, "
                + "utm_term = ?, utm_content = ?, referrer = ?, external_ids = " + json
                + ", external_id_fingerprints = " + json + ", request = ?, first_name = ?, last_name = ?, "
                + "email = ?, phone = ?, company_name = ?, owner_id = ?, status = ?, is_open = ?, "
                + "disqualification_reason = ?, submissions = ?, custom_fields = " + json
                + ", created_at = ?, updated_at = ? WHERE id = ? AND version = ?");
        updateAt = updateRow.replace("SET version = version + 1,", "SET version = ?,");
        String sets = " SET version = ?, ";
        updatedColumns = List.of(updateAt.substring(updateAt.indexOf(sets) + sets.length(),
                updateAt.indexOf(" WHERE ")).replaceAll(" = [^,]+", "").split(", "));
        // MariaDB's narrowed update compares every column it sets, as stored, without parsing the lead (storedValues)
        selectLockedWhole = jdbc.sql("SELECT id, version, " + String.join(", ", updatedColumns)
                + " FROM {lead} WHERE id IN (%s) ORDER BY id FOR UPDATE");
        selectByStatus = jdbc.sql("SELECT * FROM {lead} WHERE status = ? AND " + LISTED);
        selectByOwner = jdbc.sql("SELECT * FROM {lead} WHERE owner_id = ? AND " + LISTED);
        selectAll = jdbc.sql("SELECT * FROM {lead} WHERE " + LISTED);
        count = jdbc.sql("SELECT COUNT(*) FROM {lead} WHERE " + LISTED);
        selectAlias = jdbc.sql("SELECT survivor_id FROM {lead_alias} WHERE merged_id = ?");
        selectFollowingMerges = jdbc.selectByIdFollowingMerges("lead", "lead_alias");
        raiseVersion = jdbc.sql("UPDATE {lead} SET version = version + 1 WHERE id = ? AND version = ?");
        setVersion = jdbc.sql("UPDATE {lead} SET version = ? WHERE id = ?");
        selectVersion = jdbc.sql("SELECT version FROM {lead} WHERE id = ?");
        restoreRow = updateRow.replace("version = version + 1", "version = ?")
                .replace("updated_at = ?", JdbcMerges.CHANGED_AT_UNDO);
        insertSnapshot = jdbc.sql("INSERT INTO {lead_merge_snapshot} (merge_id, snapshot_no, id, version, contact_id, "
                + "company_id, channel, source_detail, campaign, utm_source, utm_medium, utm_campaign, utm_term, "
                + "utm_content, referrer, external_ids, external_id_fingerprints, request, first_name, last_name, "
                + "email, phone, company_name, owner_id, status, is_open, disqualification_reason, submissions, "
                + "custom_fields, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + json + ", " + json + ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + json + ", ?, ?)");
    }

    @Override
    public Optional<Lead> findById(LeadId id) {
        Objects.requireNonNull(id, "id");
        return jdbc.tx.read(c -> jdbc.one(c, selectFollowingMerges, this::map,
                Jdbc.byIdFollowingMerges(id.value())));
    }

    /**
     * A row lock ({@code SELECT ... FOR UPDATE}) held until the running unit of work ends; for a merged-away id, the
     * survivor's, as {@link #findById} resolves it.
     */
    @Override
    public Optional<Lead> lockById(LeadId id) {
        Objects.requireNonNull(id, "id");
        return jdbc.tx.read(c -> jdbc.one(c, selectById + " FOR UPDATE", this::map,
                jdbc.one(c, selectAlias, rs -> dialect.getUuid(rs, "survivor_id"), id.value()).orElse(id.value())));
    }

    /**
     * Takes a merged-away lead out of the lists: raises its version (refused as stale when another node changed it
     * since it was read) and frees its external ids for the survivor; the row stays.
     */
    @Override
    public void retire(Connection c, Lead merged) throws SQLException {
        UUID id = merged.id().value();
        if (jdbc.update(c, raiseVersion, id, merged.version()) == 0) {
            throw new dev.crmkit.core.kernel.StaleVersionException("lead", id.toString(), merged.version());
        }
        externalIds.move(c, id, List.of(), (added, owner) -> ValidationException.of("externalIds", "unique", added));
    }

    /**
     * Puts a merged-away lead back as it was, at {@link UndoSteps#reinstatedVersion} of its snapshot's and last
     * changed at the undo's instant, if its row is as its merge left it (else a {@link StaleVersionException}): its
     * version and its external ids.
     */
    @Override
    public void reinstate(Connection c, Lead exact, Instant at) throws SQLException {
        UUID id = exact.id().value();
        JdbcMerges.reinstateVersion(jdbc, c, "lead", id, exact.version(), at);
        externalIds.claimAll(c, exact.externalIds(), id);
        nameKeys.replace(c, id, exact.name());
    }

    @Override
    public Optional<String> reinstateConflict(Connection c, Lead exact) throws SQLException {
        return JdbcMerges.retiredConflict(jdbc, c, selectVersion, "lead", exact.id().value(), exact.version());
    }

    /**
     * Stores the lead as given, version included, over the stored one, if that is still at version {@code expected}
     * (else a {@link StaleVersionException}, and nothing changed); its time of the last change is the later of the
     * given and the stored one ({@link JdbcMerges#CHANGED_AT_UNDO}).
     */
    @Override
    public void restore(Connection c, Lead exact, long expected) throws SQLException {
        List<Object> values = new ArrayList<>(List.of(rowValues(exact, true)));
        values.set(values.size() - 1, expected);
        values.add(0, exact.version());
        if (jdbc.update(c, restoreRow, values.toArray()) == 0) {
            throw new StaleVersionException("lead", exact.id().toString(), expected);
        }
        externalIds.move(c, exact.id().value(), exact.externalIds(), (added, owner) -> ValidationException.of(
                "externalIds", "unique", added + " already belongs to lead " + owner));
        nameKeys.replace(c, exact.id().value(), exact.name());
    }

    /** Stores a snapshot of the lead as it is, as number {@code no} of a merge of leads. */
    void snapshot(Connection c, UUID merge, int no, Lead lead) throws SQLException {
        List<Object> values = new ArrayList<>(List.of(rowValues(lead, false)));
        values.add(1, lead.version());
        values.add(0, no);
        values.add(0, merge);
        jdbc.update(c, insertSnapshot, values.toArray());
    }

    @Override
    public Optional<Lead> findByExternalId(String externalId) {
        Objects.requireNonNull(externalId, "externalIds");
        return jdbc.tx.read(c -> jdbc.one(c, selectByExternalId, this::map, externalId));
    }

    @Override
    public Optional<Lead> findOpenByEmail(EmailAddress email) {
        Objects.requireNonNull(email, "email");
        return jdbc.tx.read(c -> jdbc.one(c, selectOpenByEmail, this::map, email.value(), true));
    }

    @Override
    public Optional<Lead> findOpenByPhone(PhoneNumber phone) {
        Objects.requireNonNull(phone, "phone");
        return jdbc.tx.read(c -> jdbc.one(c, selectOpenByPhone, this::map, phone.toString(), true));
    }

    /** In parts of at most 1,000 contacts (an IN list per part, on the index {@code (contact_id, is_open, seq)}). */
    @Override
    public List<Lead> findOpenByContacts(java.util.Collection<ContactId> contacts, int limit) {
        Objects.requireNonNull(contacts, "contacts");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        List<UUID> ids = contacts.stream().map(ContactId::value).distinct().toList();
        return jdbc.tx.read(c -> {
            List<Lead> out = new ArrayList<>();
            for (int from = 0; from < ids.size() && out.size() < limit; from += 1000) {
                List<UUID> part = ids.subList(from, Math.min(ids.size(), from + 1000));
                List<Object> params = new ArrayList<>(part);
                params.add(true);
                params.add(limit - out.size());
                out.addAll(jdbc.list(c, selectOpenByContacts.replace("%s",
                        String.join(", ", Collections.nCopies(part.size(), "?"))), this::map, params.toArray()));
            }
            return out;
        });
    }

    /**
     * Through {@code lead_name_key} (V80): the name keys to find (the swapped name and alike initials included) and
     * the nickname key, each an index lookup, then the open listed leads among them in the order they were stored.
     */
    @Override
    public List<Lead> findOpenBySoundOfName(PersonName name, int limit) {
        List<Object> arguments = JdbcContacts.soundArguments(Objects.requireNonNull(name, "name"));
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        if (arguments.isEmpty()) {
            return List.of();
        }
        arguments.add(true);
        arguments.add(limit);
        return jdbc.tx.read(c -> jdbc.list(c, selectOpenBySound, this::map, arguments.toArray()));
    }

    @Override
    public Lead insertOrGet(Lead candidate) {
        Objects.requireNonNull(candidate, "candidate");
        rows.checkNew(candidate.id(), candidate.version());
        checkLength(candidate);
        return externalIds.insertOrGet(c -> insert(c, candidate), selectById, this::map);
    }

    /**
     * Inserts new leads, each at its version: their external ids claimed at once, rows in one JDBC batch. False, with
     * nothing to keep, when another lead holds one of the ids. Two of the leads holding the same external id are
     * refused before anything is written ({@link Leads#requireDistinctExternalIds}): the claim would keep one of them.
     */
    boolean insertAll(Connection c, List<Lead> stored) throws SQLException {
        return insertAll(c, stored, null);
    }

    /**
     * {@link #insertAll}, the claims of the external ids and the rows of the name keys written too ({@code later}
     * null) or left to {@link #writeLater} with those of other leads ({@code later} given): then the lead rows go in
     * first and the claims after them, in the same unit of work, which rolls back as a whole when a claim fails.
     */
    boolean insertAll(Connection c, List<Lead> stored, Later later) throws SQLException {
        Leads.requireDistinctExternalIds(stored);
        SortedMap<String, UUID> claims = new TreeMap<>();
        for (Lead x : stored) {
            checkLength(x);
            x.externalIds().forEach(id -> claims.put(id, x.id().value()));
        }
        if (later != null) {
            later.claim(claims);
        } else if (!externalIds.claimAtOnce(c, claims)) {
            return false;
        }
        String insertAt = insertRow.replace("VALUES (?, 1, ", "VALUES (?, ?, ");
        List<Object[]> rowsAt = new ArrayList<>(stored.size());
        for (Lead x : stored) {
            List<Object> values = new ArrayList<>(List.of(rowValues(x, false)));
            values.add(1, x.version());
            rowsAt.add(values.toArray());
        }
        jdbc.insertRows(c, insertAt, rowsAt);
        if (later == null) {
            nameKeys.insertAll(c, stored);
        } else {
            later.named.addAll(stored);
        }
        return true;
    }

    /**
     * Writes changes of leads stored before a chunk, set-based: the leads read at once and locked in id order (a
     * version another unit of work changed since the chunk read it is a {@link StaleVersionException}, and the chunk
     * runs again), the external ids they add claimed with one multi-row statement, the rows updated in one statement
     * per few hundred leads on MariaDB ({@link Jdbc#updateRows}; a JDBC batch there is one statement a row, the
     * biggest wait of a chunk) and on PostgreSQL ({@link Jdbc#updateRowsById}: an {@code UPDATE ... FROM (VALUES ...)}
     * whose ids, repeated as one array, keep it an index probe per lead on a table never analyzed, where the join
     * alone could be planned as a scan of the whole table), each at its exact expected version; an update that
     * matches fewer rows than it has is refused ({@link #notUpdated}). H2 runs one JDBC batch of one-row updates. The
     * name keys ({@link LeadNameKeyRows}) are rewritten only for the leads whose name the change alters: the row of
     * any other holds the keys of the name it keeps. Several changes of one lead (a person folded in twice in a chunk)
     * are written as its last state, at the version the changes one by one would have left.
     *
     * @param updates each change as given to {@link #update}, in order (expected version included)
     * @return false when another unit of work claimed an external id a lead adds (the caller rolls back)
     */
    boolean updateAll(Connection c, List<Lead> updates) throws SQLException {
        return updateAll(c, updates, null);
    }

    /**
     * {@link #updateAll}, the claims of the external ids the leads add and the rows of the name keys of the leads
     * whose name changed (each in its last state) written too ({@code later} null) or left to {@link #writeLater}
     * with those of other leads ({@code later} given, the rows then updated before the claims).
     */
    boolean updateAll(Connection c, List<Lead> updates, Later later) throws SQLException {
        updates.forEach(JdbcLeads::checkLength);
        ChangeChain<Lead> chain = ChangeChain.of(updates, x -> x.id().value(), Lead::version, "lead");
        Map<UUID, Lead> first = chain.first();
        Map<UUID, Lead> last = chain.last();
        if (first.isEmpty()) {
            return true;
        }
        // MariaDB: which of the columns the update sets any lead of the chunk changes (the others are left out);
        // finding them needs every such column as stored, elsewhere the locked rows' version, external ids and name do
        boolean[] changed = dialect == Dialect.MARIADB ? new boolean[UPDATE_TYPES.size() - 3] : null;
        Map<UUID, LockedRow> stored = lockedRows(c, first.keySet(), changed != null);
        SortedMap<String, UUID> claims = new TreeMap<>();
        List<Object[]> values = new ArrayList<>(first.size());
        List<Lead> renamed = new ArrayList<>();
        for (Map.Entry<UUID, Lead> change : first.entrySet()) {
            Lead given = change.getValue();
            LockedRow now = stored.get(change.getKey());
            if (now == null || now.version() != given.version()) {
                throw new StaleVersionException("lead", given.id().toString(), given.version());
            }
            Lead after = last.get(change.getKey());
            Set<String> keys = new HashSet<>(after.externalIds());
            for (String gone : now.externalIds()) {
                if (!keys.contains(gone)) {
                    externalIds.release(c, gone, change.getKey());
                }
            }
            keys.removeAll(now.externalIds());
            keys.forEach(k -> claims.put(k, change.getKey()));
            if (!after.name().equals(now.name())) {
                renamed.add(after);
            }
            Object[] row = rowValues(after, true);
            row[row.length - 1] = given.version(); // expected: the version read; the row goes to after's + 1
            Object[] withVersion = new Object[row.length + 1];
            withVersion[0] = after.version() + 1;
            System.arraycopy(row, 0, withVersion, 1, row.length);
            values.add(withVersion);
            if (changed != null) {
                for (int i = 0; i < changed.length; i++) {
                    changed[i] |= !sameAsStored(row[i], now.stored()[i]);
                }
            }
        }
        if (later != null) {
            later.claim(claims);
        } else if (!externalIds.claimAtOnce(c, claims)) {
            return false;
        }
        if (dialect == Dialect.H2) {
            jdbc.batch(c, updateAt, values);
        } else if ((dialect == Dialect.MARIADB ? jdbc.updateRows(c, narrowed(updateAt, changed),
                narrowed(values, changed)) : jdbc.updateRowsById(c, updateAt, UPDATE_TYPES, values)) != values.size()) {
            throw notUpdated(c, first, last);
        }
        if (later == null) {
            nameKeys.replaceAll(c, renamed);
        } else {
            later.named.addAll(renamed);
        }
        return true;
    }

    /**
     * What {@link #insertAll(Connection, List, Later)} and {@link #updateAll(Connection, List, Later)} leave to
     * {@link #writeLater}, so that a chunk's new and folded leads share one statement for each: the external ids to
     * claim, each with its lead, and the leads whose name-key rows to write. Not thread-safe (one unit of work's).
     */
    static final class Later {

        private final SortedMap<String, UUID> claims = new TreeMap<>();
        private final List<Lead> named = new ArrayList<>();
        /** An id two leads of the chunk both claim: one of the two claims would fail, so the whole does. */
        private boolean twice;

        private void claim(Map<String, UUID> more) {
            more.forEach((key, lead) -> {
                UUID had = claims.putIfAbsent(key, lead);
                twice |= had != null && !had.equals(lead);
            });
        }
    }

    /**
     * Writes what the inserts and updates left to {@code later}: the external ids claimed with one multi-row
     * insert-ignoring statement (per thousand), where two took two (8% of a bench chunk's round trips, 21 -> 20), and
     * the name-key rows with one upsert for new and changed leads alike, the last state of a lead given twice
     * winning.
     *
     * @return false when another unit of work holds one of the ids, or two of the leads claim the same (the caller
     *         rolls back: the lead rows already written go with it)
     */
    boolean writeLater(Connection c, Later later) throws SQLException {
        if (later.twice || !externalIds.claimAtOnce(c, later.claims)) {
            return false;
        }
        if (!later.named.isEmpty()) {
            nameKeys.replaceAll(c, later.named);
        }
        return true;
    }

    /**
     * MariaDB: the one-row update of {@link #updateAll} ({@code UPDATE t SET version = ?, a = ?, ... WHERE id = ? AND
     * version = ?}) setting, besides the version, only the columns {@code changed} marks (in the order of the update's
     * columns after the version): the ones some lead of the chunk changes. A fold changes a few of a lead's 27 columns
     * (the external ids and their fingerprints, the count of submissions, the time, a field filled in), and a
     * column left out keeps its stored value, which each lead's row read and locked before held already. Every row of
     * the joined update then carries those few values instead of all 27 (the folded-lead update was a bench chunk's
     * largest statement on the server beyond the raw inserts, a tenth of its CPU there).
     *
     * @param update  the one-row update, every SET value a bare parameter, the version first
     * @param changed for each column after the version, whether to set it
     */
    static String narrowed(String update, boolean[] changed) {
        boolean[] kept = new boolean[changed.length + 1];
        kept[0] = true; // the version
        System.arraycopy(changed, 0, kept, 1, changed.length);
        return Jdbc.withSetsOf(update, kept);
    }

    /** The values of {@link #narrowed(String, boolean[])} for its rows: the version, the kept columns, id, expected. */
    static List<Object[]> narrowed(List<Object[]> rows, boolean[] changed) {
        int kept = 0;
        for (boolean k : changed) {
            kept += k ? 1 : 0;
        }
        List<Object[]> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Object[] values = new Object[kept + 3];
            values[0] = row[0];
            int at = 1;
            for (int i = 0; i < changed.length; i++) {
                if (changed[i]) {
                    values[at++] = row[i + 1];
                }
            }
            values[at++] = row[row.length - 2];
            values[at] = row[row.length - 1];
            out.add(values);
        }
        return out;
    }

    /**
     * The leads of the ids, read at once (a thousand a statement) and locked in id order, by id: their version,
     * external ids and name, and with {@code whole} the stored values of every column the update sets too
     * ({@link #storedValues}, read as stored, not parsed).
     */
    private Map<UUID, LockedRow> lockedRows(Connection c, Collection<UUID> of, boolean whole) throws SQLException {
        Map<UUID, LockedRow> stored = new HashMap<>();
        List<UUID> ids = List.copyOf(of);
        for (int from = 0; from < ids.size(); from += 1000) {
            List<UUID> part = ids.subList(from, Math.min(ids.size(), from + 1000));
            String marks = String.join(", ", Collections.nCopies(part.size(), "?"));
            for (Map.Entry<UUID, LockedRow> x : jdbc.list(c, (whole ? selectLockedWhole : selectLocked)
                    .replace("%s", marks), rs -> Map.entry(dialect.getUuid(rs, "id"), new LockedRow(
                            rs.getLong("version"), jdbc.json.strings(dialect.getJson(rs, "external_ids")),
                            new PersonName(rs.getString("first_name"), rs.getString("last_name")),
                            whole ? storedValues(rs) : null)), part.toArray())) {
                stored.put(x.getKey(), x.getValue());
            }
        }
        return stored;
    }

    /**
     * The stored values of the columns {@code updateAt} sets after the version ({@code updatedColumns}), each as
     * {@link #rowValues} gives the value it would write (ids as {@link UUID}, times as {@link Instant}, JSON as its
     * text, an absent value null), read from the row as it is: no lead is built, so no phone, e-mail or JSON parsed,
     * which mapping each folded lead whole cost MariaDB's capture thread. A JSON text stored in another form than
     * crmkit writes compares as changed, and its column is set, as it would be anyway.
     */
    private Object[] storedValues(ResultSet rs) throws SQLException {
        Object[] values = new Object[updatedColumns.size()];
        for (int i = 0; i < values.length; i++) {
            String column = updatedColumns.get(i);
            values[i] = switch (UPDATE_TYPES.get(i + 1)) {
                case "uuid" -> dialect.getUuid(rs, column);
                case "timestamptz" -> dialect.getInstant(rs, column);
                case "boolean" -> {
                    boolean b = rs.getBoolean(column);
                    yield rs.wasNull() ? null : b;
                }
                case "integer" -> {
                    int n = rs.getInt(column);
                    yield rs.wasNull() ? null : n;
                }
                default -> rs.getString(column);
            };
        }
        return values;
    }

    /**
     * Whether the value the update writes ({@link #rowValues}: an absent one as a {@link Jdbc.Null}) is the value
     * stored ({@link #storedValues}: an absent one as null).
     */
    static boolean sameAsStored(Object written, Object stored) {
        return written instanceof Jdbc.Null ? stored == null : Objects.equals(written, stored);
    }

    /**
     * What {@link #updateAll} compares of a lead's locked row: its version, external ids and name; {@code stored}
     * the stored values of every column the update sets ({@link #storedValues}) when they were read (MariaDB's
     * narrowed update compares every column), else null.
     */
    private record LockedRow(long version, List<String> externalIds, PersonName name, Object[] stored) {
    }

    /**
     * The refusal of {@link #updateAll}'s multi-row update (MariaDB, PostgreSQL) that matched fewer rows than it had:
     * naming, with the version it was given at, the first lead (in id order) whose row is not at the version the
     * update writes (read back), so the exception names a lead that was not written; the chunk's first lead only if
     * every row reads as written.
     */
    StaleVersionException notUpdated(Connection c, Map<UUID, Lead> first, Map<UUID, Lead> last)
            throws SQLException {
        Map<UUID, LockedRow> now = lockedRows(c, first.keySet(), false);
        for (Map.Entry<UUID, Lead> given : first.entrySet()) {
            LockedRow stored = now.get(given.getKey());
            if (stored == null || stored.version() != last.get(given.getKey()).version() + 1) {
                return new StaleVersionException("lead", given.getValue().id().toString(), given.getValue().version());
            }
        }
        Lead any = first.values().iterator().next();
        return new StaleVersionException("lead", any.id().toString(), any.version());
    }

    /**
     * The statement of {@link #updateAll} for {@code n} leads on PostgreSQL, for plan tests. MariaDB's depends on the
     * chunk (it sets only the columns the chunk's leads change, {@link #narrowed}): its plan test reads the statement
     * a chunk sends.
     *
     * @throws IllegalStateException on another database
     */
    String updateAllSql(int n) {
        if (dialect != Dialect.POSTGRESQL) {
            throw new IllegalStateException("the update of folded leads on " + dialect + " is not one statement text");
        }
        return Jdbc.updateRowsByIdSql(updateAt, UPDATE_TYPES, n);
    }

    private Lead insert(Connection c, Lead candidate) throws SQLException {
        rows.checkNotStored(c, candidate.id(), candidate.id().value());
        externalIds.claimAll(c, candidate.externalIds(), candidate.id().value(),
                (cc, unclaimed) -> holder(cc, candidate, unclaimed));
        Lead stored = candidate.atVersion(1);
        jdbc.update(c, insertRow, rowValues(stored, false));
        nameKeys.insertAll(c, List.of(stored));
        return stored;
    }

    /**
     * The lead to return for a candidate that could not claim an external id: the holder of the first of its ids (in
     * the candidate's order) that another lead holds, as the in-memory store answers.
     */
    private UUID holder(Connection c, Lead candidate, String unclaimed) throws SQLException {
        UUID id = candidate.id().value();
        for (String externalId : candidate.externalIds()) {
            Optional<UUID> owner = externalIds.owner(c, externalId);
            if (owner.isPresent() && !owner.get().equals(id)) {
                return owner.get();
            }
        }
        return externalIds.owner(c, unclaimed).orElse(id);
    }

    @Override
    public Lead update(Lead lead) {
        Objects.requireNonNull(lead, "lead");
        checkLength(lead);
        return jdbc.tx.write(c -> {
            UUID id = lead.id().value();
            rows.update(c, updateRow, rowValues(lead, true), lead.id(), id, lead.version());
            externalIds.move(c, id, lead.externalIds(), (added, owner) -> ValidationException.of("externalIds",
                    "unique", added + " already belongs to lead " + owner));
            nameKeys.replace(c, id, lead.name());
            return lead.atVersion(lead.version() + 1);
        });
    }

    @Override
    public Page<Lead> findByStatus(LeadStatus status, PageRequest page) {
        Objects.requireNonNull(status, "status");
        Jdbc.checkCursor(page);
        return jdbc.tx.read(c -> jdbc.page(c, selectByStatus, "created_at", "seq", false, page, this::map,
                Lead::createdAt, status.name()));
    }

    @Override
    public Page<Lead> findByOwner(UserId owner, PageRequest page) {
        Objects.requireNonNull(owner, "owner");
        Jdbc.checkCursor(page);
        return jdbc.tx.read(c -> jdbc.page(c, selectByOwner, "created_at", "seq", false, page, this::map,
                Lead::createdAt, owner.value()));
    }

    @Override
    public Page<Lead> findAll(PageRequest page) {
        Jdbc.checkCursor(page);
        return jdbc.tx.read(c -> jdbc.page(c, selectAll, "created_at", "seq", false, page, this::map,
                Lead::createdAt));
    }

    @Override
    public long count() {
        return jdbc.tx.read(c -> jdbc.count(c, count));
    }

    /**
     * Refuses an external id longer than the key column before any SQL runs (MariaDB's INSERT IGNORE would otherwise
     * cut it short and compare the cut key).
     */
    private static void checkLength(Lead lead) {
        for (String externalId : lead.externalIds()) {
            if (externalId.length() > MAX_EXTERNAL_ID) {
                throw ValidationException.of("externalIds", "max-length", "an external id is at most "
                        + MAX_EXTERNAL_ID + " characters, got " + externalId.length());
            }
        }
    }

    /** The values of the insert (id first) or of the update (id and expected version last). */
    private Object[] rowValues(Lead x, boolean forUpdate) {
        List<Object> v = new ArrayList<>(30);
        if (!forUpdate) {
            v.add(x.id().value());
        }
        v.add(x.contactId().value());
        v.add(x.companyId().map(CompanyId::value).map(Object.class::cast).orElse(Jdbc.Null.UUID));
        LeadSource source = x.source();
        v.add(source.channel().name());
        v.add(source.detail().map(Object.class::cast).orElse(Jdbc.Null.TEXT));
        v.add(source.campaign());
        v.add(source.utm().source());
        v.add(source.utm().medium());
        v.add(source.utm().campaign());
        v.add(source.utm().term());
        v.add(source.utm().content());
        v.add(source.referrer());
        v.add(jdbc.json.strings(x.externalIds()));
        v.add(jdbc.json.stringMap(x.fingerprints()));
        v.add(x.request());
        v.add(x.name().first());
        v.add(x.name().last());
        v.add(x.email().map(EmailAddress::value).map(Object.class::cast).orElse(Jdbc.Null.TEXT));
        v.add(x.phone().map(PhoneNumber::toString).map(Object.class::cast).orElse(Jdbc.Null.TEXT));
        v.add(x.companyName());
        v.add(x.owner().map(UserId::value).map(Object.class::cast).orElse(Jdbc.Null.TEXT));
        v.add(x.status().name());
        v.add(x.isOpen());
        v.add(x.disqualificationReason().map(Object.class::cast).orElse(Jdbc.Null.TEXT));
        v.add(x.submissions());
        v.add(jdbc.json.customFields(x.customFields()));
        v.add(x.createdAt());
        v.add(x.updatedAt());
        if (forUpdate) {
            v.add(x.id().value());
            v.add(x.version());
        }
        return v.toArray();
    }

    Lead map(ResultSet rs) throws SQLException {
        return new Lead(
                new LeadId(dialect.getUuid(rs, "id")),
                rs.getLong("version"),
                new ContactId(dialect.getUuid(rs, "contact_id")),
                Optional.ofNullable(dialect.getUuid(rs, "company_id")).map(CompanyId::new),
                new LeadSource(Channel.valueOf(rs.getString("channel")),
                        Optional.ofNullable(rs.getString("source_detail")), rs.getString("campaign"),
                        new Utm(rs.getString("utm_source"), rs.getString("utm_medium"),
                                rs.getString("utm_campaign"), rs.getString("utm_term"),
                                rs.getString("utm_content")),
                        rs.getString("referrer")),
                jdbc.json.strings(dialect.getJson(rs, "external_ids")),
                jdbc.json.stringMap(dialect.getJson(rs, "external_id_fingerprints")),
                rs.getString("request"),
                new PersonName(rs.getString("first_name"), rs.getString("last_name")),
                Optional.ofNullable(rs.getString("email")).map(EmailAddress::new),
                Optional.ofNullable(rs.getString("phone")).map(PhoneNumber::of),
                rs.getString("company_name"),
                Optional.ofNullable(rs.getString("owner_id")).map(UserId::new),
                LeadStatus.valueOf(rs.getString("status")),
                Optional.ofNullable(rs.getString("disqualification_reason")),
                rs.getInt("submissions"),
                jdbc.json.customFields(dialect.getJson(rs, "custom_fields")),
                dialect.getInstant(rs, "created_at"),
                dialect.getInstant(rs, "updated_at"));
    }

    /** The archive of the lead rows, keyed by id: export and restore only. */
    JdbcArchive<Lead> archive() {
        return JdbcArchive.versioned(jdbc, "lead", LISTED, this::map, Lead::id, Lead::version,
                r -> insertOrGet(r.atVersion(0)));
    }

    /**
     * Writes the row a merge leaves of a merged-away lead, for a restored merge: the lead as it was before the
     * merge at one version more, holding none of its external ids. Nothing happens if the row is there.
     */
    @Override
    public void retired(Connection c, Lead before) throws SQLException {
        JdbcMerges.insertRetired(jdbc, c, selectById, insertRow, rowValues(before, false), setVersion,
                before.id().value(), before.version());
        nameKeys.replace(c, before.id().value(), before.name());
    }
}
