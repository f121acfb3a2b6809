package dev.crmkit.adapters.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.Affiliation;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.Contacts;
import dev.crmkit.core.duplicate.NameKeys;
import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.merge.UndoSteps;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Contacts in a relational database. The row holds the scalar fields as columns and the lists as JSON; every e-mail
 * and phone is also a row of {@code contact_point} with the point as primary key, which is what keeps them unique
 * across application nodes: insert-or-get claims the points first with the dialect's insert-ignoring statement, in
 * sorted order (so two nodes never wait on each other in a cycle), and returns the contact that holds a point it
 * could not claim. Affiliations are mirrored in {@code contact_company} for the by-company list. Thread-safe.
 */
final class JdbcContacts implements Contacts, JdbcMerges.Rows<Contact> {

    /** Merged-away contacts keep their rows but are no longer listed, counted or exported. */
    static final String LISTED = "id NOT IN (SELECT merged_id FROM {contact_alias})";

    private static final TypeReference<List<Address>> ADDRESSES = new TypeReference<>() {
    };
    private static final TypeReference<List<Affiliation>> AFFILIATIONS = new TypeReference<>() {
    };

    /**
     * From this many company links of a chunk's new contacts on, their contacts' insertion numbers are read with one
     * query and the links inserted with plain values (one {@code COPY} on PostgreSQL) instead of with a sub-query per
     * row: PostgreSQL plans each row's sub-query apart, 13-34 ms for 250 links on the loaded machine against about
     * 1 ms for the plain rows, more than the one read costs.
     */
    private static final int LINKS_READING_SEQ = 16;

    /**
     * The PostgreSQL types of the parameters of {@code updateAt}, in its order, for {@link Jdbc#updateRowsById}: the
     * new version, the row's values (JSON as text, which the SET casts), the id and the version expected.
     */
    static final List<String> UPDATE_TYPES = List.of("bigint", "text", "text", "text", "text", "text", "text",
            "date", "text", "timestamptz", "text", "text", "text", "text", "timestamptz", "text", "text", "uuid",
            "bigint");

    private final Jdbc jdbc;
    private final Dialect dialect;
    private final String selectById;
    private final String selectByPoint;
    private final KeyTable points;
    private final ContactFieldRows fields;
    private final Jdbc.Versioned rows;
    private final String insertRow;
    private final String updateRow;
    private final String insertAffiliation;
    private final String insertAffiliationAt;
    private final String deleteAffiliations;
    private final String selectAll;
    private final String selectByCompany;
    private final String count;
    private final String selectByNamePart;
    private final String selectBySound;
    private final String selectAlias;
    private final String selectFollowingMerges;
    private final String restoreRow;
    private final String insertSnapshot;
    private final String insertCompanyMergeSnapshot;
    private final String raiseVersion;
    private final String setVersion;
    private final String selectVersion;
    private final String updateAt;
    private final String selectLocked;
    private final String selectPointsOf;
    private final String deleteAffiliationsOf;

    JdbcContacts(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.dialect = jdbc.dialect;
        String json = dialect.json();
        selectById = jdbc.sql("SELECT * FROM {contact} WHERE id = ?");
        selectAlias = jdbc.sql("SELECT survivor_id FROM {contact_alias} WHERE merged_id = ?");
        selectFollowingMerges = jdbc.selectByIdFollowingMerges("contact", "contact_alias");
        selectByPoint = jdbc.sql("SELECT c.* FROM {contact} c JOIN {contact_point} p ON p.contact_id = c.id "
                + "WHERE p.point = ?");
        points = new KeyTable(jdbc, "contact_point", "point", "contact_id", false);
        fields = new ContactFieldRows(jdbc);
        rows = new Jdbc.Versioned(jdbc, "contact", "contact");
        String columns = "first_name, last_name, emails, phones, addresses, language, birthday, consent_status, "
                + "consent_since, consent_source, affiliations, custom_fields, owner_id, created_at, updated_at";
        String values = "?, ?, " + json + ", " + json + ", " + json + ", ?, ?, ?, ?, ?, " + json + ", " + json
                + ", ?, ?, ?";
        // the row also keeps the name's phonetic keys (NameKeys), the indexed candidate query of duplicate rules
        insertRow = jdbc.sql("INSERT INTO {contact} (id, version, " + columns + ", name_key, nickname_key) VALUES "
                + "(?, 1, " + values + ", ?, ?)");
        insertSnapshot = jdbc.sql("INSERT INTO {contact_merge_snapshot} (merge_id, snapshot_no, id, version, "
                + columns + ") VALUES (?, ?, ?, ?, " + values + ")");
        insertCompanyMergeSnapshot = insertSnapshot.replace(jdbc.sql("{contact_merge_snapshot}"),
                jdbc.sql("{company_merge_contact}"));
        raiseVersion = jdbc.sql("UPDATE {contact} SET version = version + 1 WHERE id = ?");
        setVersion = jdbc.sql("UPDATE {contact} SET version = ? WHERE id = ?");
        selectVersion = jdbc.sql("SELECT version FROM {contact} WHERE id = ?");
        updateRow = jdbc.sql("UPDATE {contact} SET version = version + 1, first_name = ?, last_name = ?, emails = "
                + json + ", phones = " + json + ", addresses = " + json + ", language = ?, birthday = ?, "
                + "consent_status = ?, consent_since = ?, consent_source = ?, affiliations = " + json
                + ", custom_fields = " + json + ", owner_id = ?, updated_at = ?, name_key = ?, nickname_key = ? "
                + "WHERE id = ? AND version = ?");
        updateAt = updateRow.replace("version = version + 1", "version = ?");
        restoreRow = updateAt.replace("updated_at = ?", JdbcMerges.CHANGED_AT_UNDO);
        selectLocked = jdbc.sql("SELECT * FROM {contact} WHERE id IN (%s) ORDER BY id FOR UPDATE");
        selectPointsOf = jdbc.sql("SELECT contact_id, point FROM {contact_point} WHERE contact_id IN (%s)");
        deleteAffiliationsOf = jdbc.sql("DELETE FROM {contact_company} WHERE contact_id IN (%s)");
        // the link carries the contact's insertion number, so a company's contacts list in the order they were stored
        insertAffiliation = jdbc.sql("INSERT INTO {contact_company} (company_id, contact_id, created_at, contact_seq) "
                + "VALUES (?, ?, ?, (SELECT seq FROM {contact} WHERE id = ?))");
        insertAffiliationAt = jdbc.sql("INSERT INTO {contact_company} (company_id, contact_id, created_at, "
                + "contact_seq) VALUES (?, ?, ?, ?)");
        deleteAffiliations = jdbc.sql("DELETE FROM {contact_company} WHERE contact_id = ?");
        // merged-away contacts keep their rows, but are no longer listed or counted
        selectAll = jdbc.sql("SELECT * FROM {contact} WHERE " + LISTED);
        selectByCompany = jdbc.sql("SELECT c.* FROM {contact_company} a JOIN {contact} c ON c.id = a.contact_id "
                + "WHERE a.company_id = ?");
        count = jdbc.sql("SELECT COUNT(*) FROM {contact} WHERE " + LISTED);
        selectByNamePart = jdbc.sql("SELECT * FROM {contact} WHERE (LOWER(first_name) = ? OR LOWER(last_name) = ?)"
                + " AND " + LISTED + " ORDER BY seq LIMIT ?");
        selectBySound = jdbc.sql("SELECT * FROM {contact} WHERE id IN (SELECT id FROM {contact} WHERE name_key IN "
                + "(" + String.join(", ", java.util.Collections.nCopies(NameKeys.MAX_KEYS_TO_FIND, "?"))
                + ") UNION SELECT id FROM {contact} WHERE nickname_key = ?) "
                + "AND " + LISTED + " ORDER BY seq LIMIT ?");
    }

    /** The contact, or for a merged-away id its survivor. */
    @Override
    public Optional<Contact> findById(ContactId id) {
        Objects.requireNonNull(id, "id");
        return jdbc.tx.read(c -> jdbc.one(c, selectFollowingMerges, this::map,
                Jdbc.byIdFollowingMerges(id.value())));
    }

    /**
     * A row lock ({@code SELECT ... FOR UPDATE}) held until the running unit of work ends; for a merged-away id, the
     * survivor's. The alias is read again after the lock is granted: a merge that held the row meanwhile and committed
     * has made it an alias, and then the survivor is locked instead, so a capture waiting on a contact that is being
     * merged away lands on the survivor.
     */
    @Override
    public Optional<Contact> lockById(ContactId id) {
        Objects.requireNonNull(id, "id");
        return jdbc.tx.read(c -> {
            UUID target = id.value();
            for (int hops = 0; hops < 64; hops++) {
                Optional<UUID> alias = aliasOf(c, target);
                if (alias.isPresent()) {
                    target = alias.get();
                    continue;
                }
                Optional<Contact> locked = jdbc.one(c, selectById + " FOR UPDATE", this::map, target);
                if (locked.isEmpty() || aliasOf(c, target).isEmpty()) {
                    return locked;
                }
            }
            throw new IllegalStateException("the aliases of contact " + id + " do not end");
        });
    }

    /** The survivor a merged-away id resolves to, if it is one. */
    Optional<UUID> aliasOf(Connection c, UUID id) throws SQLException {
        return jdbc.one(c, selectAlias, rs -> dialect.getUuid(rs, "survivor_id"), id);
    }

    /**
     * Takes a merged-away contact out of the lists: raises its version (a copy read before cannot be written back)
     * and gives up its e-mails, phones and company links; the row itself stays as it was.
     */
    @Override
    public void retire(Connection c, Contact merged) throws SQLException {
        UUID id = merged.id().value();
        jdbc.update(c, raiseVersion, id);
        points.move(c, id, Set.of(), (added, owner) -> ValidationException.of("emails", "unique", added));
        jdbc.update(c, deleteAffiliations, id);
    }

    /**
     * Puts a merged-away contact back as it was, at {@link UndoSteps#reinstatedVersion} of its snapshot's and last
     * changed at the undo's instant, if its row is as its merge left it (else a {@link StaleVersionException}): its
     * version, e-mails and phones, company links.
     */
    @Override
    public void reinstate(Connection c, Contact exact, Instant at) throws SQLException {
        UUID id = exact.id().value();
        JdbcMerges.reinstateVersion(jdbc, c, "contact", id, exact.version(), at);
        points.claimAll(c, points(exact), id);
        insertAffiliations(c, exact);
    }

    @Override
    public Optional<String> reinstateConflict(Connection c, Contact exact) throws SQLException {
        return JdbcMerges.retiredConflict(jdbc, c, selectVersion, "contact", exact.id().value(), exact.version());
    }

    /**
     * Stores the contact as given, version included, over the stored one, if that is still at version {@code expected}
     * (else a {@link StaleVersionException}, and nothing changed); its time of the last change is the later of the
     * given and the stored one ({@link JdbcMerges#CHANGED_AT_UNDO}).
     */
    @Override
    public void restore(Connection c, Contact exact, long expected) throws SQLException {
        UUID id = exact.id().value();
        List<Object> values = new ArrayList<>(List.of(rowValues(exact, true)));
        values.set(values.size() - 1, expected);
        values.add(0, exact.version());
        if (jdbc.update(c, restoreRow, values.toArray()) == 0) {
            throw new StaleVersionException("contact", exact.id().toString(), expected);
        }
        points.move(c, id, points(exact), (added, owner) -> ValidationException.of(
                added.startsWith("e:") ? "emails" : "phones", "unique", added.substring(2)
                        + " already belongs to contact " + owner));
        jdbc.update(c, deleteAffiliations, id);
        insertAffiliations(c, exact);
        fields.replace(c, exact);
    }

    /** Stores a snapshot of the contact as it is, as number {@code no} of a merge of contacts. */
    void snapshot(Connection c, UUID merge, int no, Contact contact) throws SQLException {
        snapshot(c, insertSnapshot, merge, no, contact);
    }

    /** Stores a snapshot of an affiliated contact as it is, as number {@code no} of a merge of companies. */
    void companyMergeSnapshot(Connection c, UUID merge, int no, Contact contact) throws SQLException {
        snapshot(c, insertCompanyMergeSnapshot, merge, no, contact);
    }

    /** The contacts affiliated with a company, in the order they were stored (not merged-away ones: no links). */
    List<Contact> affiliatedWith(Connection c, UUID company) throws SQLException {
        return jdbc.list(c, selectByCompany + " ORDER BY a.contact_seq, c.id", this::map, company);
    }

    private void snapshot(Connection c, String sql, UUID merge, int no, Contact contact) throws SQLException {
        List<Object> values = new ArrayList<>(List.of(rowValues(contact, false, false)));
        values.add(1, contact.version());
        values.add(0, no);
        values.add(0, merge);
        jdbc.update(c, sql, values.toArray());
    }

    @Override
    public Optional<Contact> findByEmail(EmailAddress email) {
        Objects.requireNonNull(email, "email");
        return jdbc.tx.read(c -> jdbc.one(c, selectByPoint, this::map, point(email)));
    }

    @Override
    public Optional<Contact> findByPhone(PhoneNumber phone) {
        Objects.requireNonNull(phone, "phone");
        return jdbc.tx.read(c -> jdbc.one(c, selectByPoint, this::map, point(phone)));
    }

    @Override
    public Contact insertOrGet(Contact candidate) {
        Objects.requireNonNull(candidate, "candidate");
        rows.checkNew(candidate.id(), candidate.version());
        return points.insertOrGet(c -> insert(c, candidate), selectById, this::map);
    }

    private Contact insert(Connection c, Contact candidate) throws SQLException {
        rows.checkNotStored(c, candidate.id(), candidate.id().value());
        points.claimAll(c, points(candidate), candidate.id().value());
        Contact stored = candidate.atVersion(1);
        jdbc.update(c, insertRow, rowValues(stored, false));
        insertAffiliations(c, stored);
        fields.insert(c, stored);
        return stored;
    }

    /**
     * Inserts new contacts, each at its version: their e-mails and phones claimed at once, rows and company links in
     * JDBC batches. False, with nothing to keep, when another contact holds one of the points.
     */
    boolean insertAll(Connection c, List<Contact> stored) throws SQLException {
        SortedMap<String, UUID> claims = new TreeMap<>();
        stored.forEach(x -> points(x).forEach(p -> claims.put(p, x.id().value())));
        if (!points.claimAtOnce(c, claims)) {
            return false;
        }
        String insertAt = insertRow.replace("VALUES (?, 1, ", "VALUES (?, ?, ");
        List<Object[]> rowsAt = new ArrayList<>(stored.size());
        List<Object[]> links = new ArrayList<>();
        for (Contact x : stored) {
            List<Object> values = new ArrayList<>(List.of(rowValues(x, false)));
            values.add(1, x.version());
            rowsAt.add(values.toArray());
            for (Affiliation a : x.affiliations()) {
                links.add(new Object[] {a.companyId().value(), x.id().value(), x.createdAt(), x.id().value()});
            }
        }
        jdbc.insertRows(c, insertAt, rowsAt);
        insertLinks(c, links);
        fields.insertAll(c, stored);
        return true;
    }

    /**
     * The insertion numbers of contacts by id; on PostgreSQL one primary-key probe per id, as the planner may scan the
     * whole table for an IN list when the table was never analyzed (see {@link JdbcCaptureBatches.Lookup}).
     */
    static final JdbcCaptureBatches.Lookup SEQS = new JdbcCaptureBatches.Lookup(
            "SELECT id, seq FROM {contact} WHERE id IN (%s)",
            "SELECT c.id, c.seq FROM %k CROSS JOIN LATERAL (SELECT id, seq FROM {contact} WHERE id = bulk_keys.v "
                    + "LIMIT 1) c", "uuid");

    /** Company links of contacts inserted before, each as its company, contact, time and contact again. */
    private void insertLinks(Connection c, List<Object[]> links) throws SQLException {
        if (links.size() < LINKS_READING_SEQ) {
            jdbc.insertRows(c, insertAffiliation, links);
            return;
        }
        List<UUID> ids = links.stream().map(l -> (UUID) l[1]).distinct().toList();
        Map<UUID, Long> seqs = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            List<UUID> part = ids.subList(from, Math.min(ids.size(), from + 1000));
            for (Object[] row : jdbc.list(c, SEQS.sql(jdbc, part.size()),
                    rs -> new Object[] {dialect.getUuid(rs, "id"), rs.getLong("seq")}, SEQS.keys(jdbc, part))) {
                seqs.put((UUID) row[0], (Long) row[1]);
            }
        }
        List<Object[]> rows = new ArrayList<>(links.size());
        for (Object[] l : links) {
            Long seq = seqs.get((UUID) l[1]);
            if (seq == null) {
                throw new IllegalStateException("contact " + l[1] + " was inserted but is not there");
            }
            rows.add(new Object[] {l[0], l[1], l[2], seq});
        }
        jdbc.insertRows(c, insertAffiliationAt, rows);
    }

    @Override
    public Contact update(Contact contact) {
        Objects.requireNonNull(contact, "contact");
        return jdbc.tx.write(c -> {
            UUID id = contact.id().value();
            rows.update(c, updateRow, rowValues(contact, true), contact.id(), id, contact.version());
            points.move(c, id, points(contact), (added, owner) -> ValidationException.of(
                    added.startsWith("e:") ? "emails" : "phones", "unique", added.substring(2)
                            + " already belongs to contact " + owner));
            jdbc.update(c, deleteAffiliations, id);
            insertAffiliations(c, contact);
            fields.replace(c, contact);
            return contact.atVersion(contact.version() + 1);
        });
    }

    /**
     * Writes changes of contacts stored before a chunk, set-based, as {@link #update} one by one would leave them, in
     * a few statements for the whole chunk instead of five or more a contact: the rows read at once and locked in id
     * order (a version another unit of work changed since the chunk read it is a {@link StaleVersionException} naming
     * the contact, and the chunk runs again), their points read at once, the points they drop released and those they
     * add claimed with one multi-row statement, the rows written each at its exact expected version, and company links
     * and custom field rows rewritten, each kind with one delete and one insert, only for the contacts whose
     * affiliations or custom fields changed (an unchanged list leaves the same rows). The rows are written with one
     * statement per few hundred contacts on MariaDB ({@link Jdbc#updateRows}) and on PostgreSQL
     * ({@link Jdbc#updateRowsById}: an {@code UPDATE ... FROM (VALUES ...)} whose ids, repeated as one array, keep it
     * a primary-key probe per contact under any plan); H2, in the same process, runs one JDBC batch of the one-row
     * update (no round trips to save, and one statement to parse whatever the chunk's size). Several changes of one
     * contact are written as its last state, at the version the changes one by one would have left
     * ({@link ChangeChain}).
     *
     * @param updates each change as given to {@link #update}, in order (expected version included)
     * @return false when another contact holds a point one of them adds (the caller rolls back)
     */
    boolean updateAll(Connection c, List<Contact> updates) throws SQLException {
        ChangeChain<Contact> chain = ChangeChain.of(updates, x -> x.id().value(), Contact::version, "contact");
        Map<UUID, Contact> first = chain.first();
        Map<UUID, Contact> last = chain.last();
        if (first.isEmpty()) {
            return true;
        }
        // locked part by part in the databases' order of ids (unsigned bytes; UUID.compareTo compares signed longs),
        // so chunks of more than a part lock their rows in one total order and cannot deadlock each other
        List<UUID> ids = new ArrayList<>(first.keySet());
        ids.sort(DATABASE_ORDER);
        Map<UUID, Contact> stored = new HashMap<>();
        for (Contact x : inParts(c, selectLocked, ids, this::map)) {
            stored.put(x.id().value(), x);
        }
        Map<UUID, Set<String>> held = new HashMap<>();
        for (String[] row : inParts(c, selectPointsOf, ids, rs -> new String[] {rs.getString(1), rs.getString(2)})) {
            held.computeIfAbsent(UUID.fromString(row[0]), k -> new HashSet<>()).add(row[1]);
        }
        SortedMap<String, UUID> claims = new TreeMap<>();
        List<Object[]> releases = new ArrayList<>();
        List<Object[]> rowsAt = new ArrayList<>(ids.size());
        List<Contact> relinked = new ArrayList<>();
        List<Contact> refielded = new ArrayList<>();
        for (UUID id : ids) {
            Contact given = first.get(id);
            Contact now = stored.get(id);
            if (now == null || now.version() != given.version()) {
                throw new StaleVersionException("contact", given.id().toString(), given.version());
            }
            Contact after = last.get(id);
            Set<String> before = held.getOrDefault(id, Set.of());
            Set<String> keys = points(after);
            before.stream().filter(p -> !keys.contains(p)).sorted().forEach(p -> releases.add(new Object[] {p, id}));
            for (String p : keys) {
                if (!before.contains(p) && claims.putIfAbsent(p, id) != null) {
                    return false; // two contacts of the chunk add one point: the second is refused, as one by one
                }
            }
            Object[] row = rowValues(after, true);
            row[row.length - 1] = given.version(); // expected: the version read; the row goes to after's + 1
            Object[] withVersion = new Object[row.length + 1];
            withVersion[0] = after.version() + 1;
            System.arraycopy(row, 0, withVersion, 1, row.length);
            rowsAt.add(withVersion);
            if (!now.affiliations().equals(after.affiliations())) {
                relinked.add(after);
            }
            if (!now.customFields().equals(after.customFields())) {
                refielded.add(after);
            }
        }
        jdbc.batch(c, points.releaseSql(), releases);
        if (!points.claimAtOnce(c, claims)) {
            return false;
        }
        if (writeRows(c, rowsAt) != rowsAt.size()) { // locked above at the versions checked
            throw new IllegalStateException("contacts locked at their versions were not all written");
        }
        rewriteLinks(c, relinked);
        fields.replaceAll(c, refielded);
        return true;
    }

    /**
     * The rows of {@link #updateAll}, each the parameters of {@code updateAt} (new version first), written in the
     * dialect's multi-row form; the number of rows written.
     */
    private int writeRows(Connection c, List<Object[]> rowsAt) throws SQLException {
        return switch (dialect) {
            case MARIADB -> jdbc.updateRows(c, updateAt, rowsAt);
            case POSTGRESQL -> jdbc.updateRowsById(c, updateAt, UPDATE_TYPES, rowsAt);
            case H2 -> jdbc.batch(c, updateAt, rowsAt); // H2 counts each row of its batch
        };
    }

    /** The statement of {@link #updateAll} for {@code n} contacts on MariaDB or PostgreSQL, for plan tests. */
    String updateAllSql(int n) {
        return dialect == Dialect.POSTGRESQL ? Jdbc.updateRowsByIdSql(updateAt, UPDATE_TYPES, n)
                : Jdbc.updateRowsSql(updateAt, n);
    }

    /** The company links of the contacts, deleted and inserted again from their affiliations. */
    private void rewriteLinks(Connection c, List<Contact> relinked) throws SQLException {
        if (relinked.isEmpty()) {
            return;
        }
        List<UUID> ids = relinked.stream().map(x -> x.id().value()).toList();
        for (int from = 0; from < ids.size(); from += 1000) {
            List<UUID> part = ids.subList(from, Math.min(ids.size(), from + 1000));
            jdbc.update(c, marks(deleteAffiliationsOf, part.size()), part.toArray());
        }
        List<Object[]> links = new ArrayList<>();
        for (Contact x : relinked) {
            for (Affiliation a : x.affiliations()) {
                links.add(new Object[] {a.companyId().value(), x.id().value(), x.createdAt(), x.id().value()});
            }
        }
        insertLinks(c, links);
    }

    /** The rows a statement with an IN list ({@code %s}) answers for the ids, a thousand at a time. */
    /**
     * Ids in the order PostgreSQL and H2 sort {@code uuid} values and MariaDB their lower-case text: by the unsigned
     * bytes, most significant first ({@link UUID#compareTo} compares the two halves as signed longs).
     */
    static final java.util.Comparator<UUID> DATABASE_ORDER = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    private <T> List<T> inParts(Connection c, String sql, List<UUID> ids, Jdbc.RowMapper<T> mapper)
            throws SQLException {
        List<T> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            List<UUID> part = ids.subList(from, Math.min(ids.size(), from + 1000));
            out.addAll(jdbc.list(c, marks(sql, part.size()), mapper, part.toArray()));
        }
        return out;
    }

    private static String marks(String sql, int n) {
        return sql.replace("%s", String.join(", ", java.util.Collections.nCopies(n, "?")));
    }

    @Override
    public Page<Contact> findByCompany(CompanyId companyId, PageRequest page) {
        Objects.requireNonNull(companyId, "companyId");
        Jdbc.checkCursor(page);
        return jdbc.tx.read(c -> jdbc.page(c, selectByCompany, "a.created_at", "a.contact_seq", false, page,
                this::map, Contact::createdAt, companyId.value()));
    }

    @Override
    public List<Contact> findByNameParts(dev.crmkit.core.contact.PersonName name, int limit) {
        Objects.requireNonNull(name, "name");
        // an empty part is replaced by the other one: a few more candidates, which the matcher scores anyway
        String first = (name.first().isEmpty() ? name.last() : name.first()).toLowerCase(java.util.Locale.ROOT);
        String last = (name.last().isEmpty() ? name.first() : name.last()).toLowerCase(java.util.Locale.ROOT);
        return jdbc.tx.read(c -> jdbc.list(c, selectByNamePart, this::map, first, last, limit));
    }

    @Override
    public List<Contact> findBySoundOfName(dev.crmkit.core.contact.PersonName name, int limit) {
        List<Object> arguments = soundArguments(Objects.requireNonNull(name, "name"));
        if (arguments.isEmpty()) {
            return List.of();
        }
        arguments.add(limit);
        return jdbc.tx.read(c -> jdbc.list(c, selectBySound, this::map, arguments.toArray()));
    }

    /**
     * The arguments of a look-up by name keys ({@code name_key IN (...)} with {@link NameKeys#MAX_KEYS_TO_FIND}
     * slots, then {@code nickname_key = ?}), for contacts and for leads ({@link JdbcLeads#findOpenBySoundOfName}); an
     * empty, modifiable list for a name without keys. The slots of absent keys repeat the first key: the empty key is
     * never looked up.
     */
    static List<Object> soundArguments(dev.crmkit.core.contact.PersonName name) {
        List<String> keys = NameKeys.nameKeysToFind(name);
        List<Object> arguments = new ArrayList<>(keys);
        if (keys.isEmpty()) {
            return arguments;
        }
        while (arguments.size() < NameKeys.MAX_KEYS_TO_FIND) {
            arguments.add(keys.get(0));
        }
        String nickname = NameKeys.nicknameKey(name);
        arguments.add(nickname.isEmpty() ? keys.get(0) : nickname);
        return arguments;
    }

    @Override
    public Page<Contact> findAll(PageRequest page) {
        Jdbc.checkCursor(page);
        return jdbc.tx.read(c -> jdbc.page(c, selectAll, "created_at", "seq", false, page, this::map,
                Contact::createdAt));
    }

    @Override
    public long count() {
        return jdbc.tx.read(c -> jdbc.count(c, count));
    }

    private void insertAffiliations(Connection c, Contact contact) throws SQLException {
        for (Affiliation a : contact.affiliations()) {
            jdbc.update(c, insertAffiliation, a.companyId().value(), contact.id().value(), contact.createdAt(),
                    contact.id().value());
        }
    }

    /** The values of the insert (id first) or of the update (id and expected version last). */
    private Object[] rowValues(Contact x, boolean forUpdate) {
        return rowValues(x, forUpdate, true);
    }

    /** The values of the insert or update; {@code keys}: with the name keys after the time of the last change. */
    private Object[] rowValues(Contact x, boolean forUpdate, boolean keys) {
        List<Object> v = new ArrayList<>(20);
        if (!forUpdate) {
            v.add(x.id().value());
        }
        v.add(x.name().first());
        v.add(x.name().last());
        v.add(jdbc.json.strings(x.emails().stream().map(EmailAddress::value).toList()));
        v.add(jdbc.json.strings(x.phones().stream().map(PhoneNumber::toString).toList()));
        v.add(jdbc.json.write(x.addresses()));
        v.add(x.language().map(Locale::toLanguageTag).map(Object.class::cast).orElse(Jdbc.Null.TEXT));
        v.add(x.birthday().map(Object.class::cast).orElse(Jdbc.Null.DATE));
        v.add(x.consent().status().name());
        v.add(x.consent().since().map(Object.class::cast).orElse(Jdbc.Null.INSTANT));
        v.add(x.consent().source());
        v.add(jdbc.json.write(x.affiliations()));
        v.add(jdbc.json.customFields(x.customFields()));
        v.add(x.owner().map(UserId::value).map(Object.class::cast).orElse(Jdbc.Null.TEXT));
        if (!forUpdate) {
            v.add(x.createdAt());
        }
        v.add(x.updatedAt());
        if (keys) { // both from one normalization and one sound of the family name
            NameKeys.Keys of = NameKeys.keysOf(x.name());
            v.add(of.nameKey());
            v.add(of.nicknameKey());
        }
        if (forUpdate) {
            v.add(x.id().value());
            v.add(x.version());
        }
        return v.toArray();
    }

    Contact map(ResultSet rs) throws SQLException {
        return new Contact(
                new ContactId(dialect.getUuid(rs, "id")),
                rs.getLong("version"),
                new PersonName(rs.getString("first_name"), rs.getString("last_name")),
                jdbc.json.strings(dialect.getJson(rs, "emails")).stream().map(EmailAddress::new).toList(),
                jdbc.json.strings(dialect.getJson(rs, "phones")).stream().map(PhoneNumber::of).toList(),
                jdbc.json.read(dialect.getJson(rs, "addresses"), ADDRESSES),
                Optional.ofNullable(rs.getString("language")).map(Locale::forLanguageTag),
                Optional.ofNullable(rs.getObject("birthday", LocalDate.class)),
                new MarketingConsent(MarketingConsent.Status.valueOf(rs.getString("consent_status")),
                        Optional.ofNullable(dialect.getInstant(rs, "consent_since")), rs.getString("consent_source")),
                jdbc.json.read(dialect.getJson(rs, "affiliations"), AFFILIATIONS),
                jdbc.json.customFields(dialect.getJson(rs, "custom_fields")),
                Optional.ofNullable(rs.getString("owner_id")).map(UserId::new),
                dialect.getInstant(rs, "created_at"),
                dialect.getInstant(rs, "updated_at"));
    }

    private static Set<String> points(Contact contact) {
        Set<String> points = new HashSet<>();
        contact.emails().forEach(e -> points.add(point(e)));
        contact.phones().forEach(p -> points.add(point(p)));
        return points;
    }

    /** The key of an e-mail in the contact_point table. */
    static String point(EmailAddress email) {
        return "e:" + email.value();
    }

    /** The key of a phone in the contact_point table. */
    static String point(PhoneNumber phone) {
        return "p:" + phone;
    }

    /** The archive of the contact rows, keyed by id: export and restore only. */
    JdbcArchive<Contact> archive() {
        return JdbcArchive.versioned(jdbc, "contact", LISTED, this::map,
                Contact::id, Contact::version, r -> insertOrGet(r.atVersion(0)));
    }

    /**
     * Writes the row a merge leaves of a merged-away contact, for a restored merge: the contact as it was before the
     * merge at one version more, without e-mails, phones or company links. Nothing happens if the row is there.
     */
    @Override
    public void retired(Connection c, Contact before) throws SQLException {
        boolean absent = jdbc.one(c, selectById, rs -> 1, before.id().value()).isEmpty();
        JdbcMerges.insertRetired(jdbc, c, selectById, insertRow, rowValues(before, false), setVersion,
                before.id().value(), before.version());
        if (absent) {
            fields.insert(c, before);
        }
    }
}
