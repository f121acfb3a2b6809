package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.capture.CaptureBatches;
import dev.crmkit.core.capture.CaptureWrites;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.WebDomain;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.ConflictException;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.Leads;
import dev.crmkit.core.task.Task;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link CaptureBatches} on the JDBC store: what a chunk's keys meet is read with one query per kind of key (contacts
 * read in the order of their ids and locked as read, so on PostgreSQL and H2 chunks on two nodes never wait on each
 * other in a cycle; MariaDB locks rows in the order its plan reads them, from the chunk's points, so two chunks
 * sharing contacts may deadlock there, and the database's rollback of one runs its unit again; on PostgreSQL each
 * query probes an index once per key whatever the table's statistics, see {@link Lookup}); new contacts' points
 * and new leads' external ids are claimed with one multi-row insert-ignoring statement per key table, and the rows of
 * contacts, company links, leads, timeline entries and tasks go in multi-row inserts ({@link Jdbc#insertRows}).
 * Changes of leads stored before the chunk (a repeat folded into a stored lead) are written set-based: the leads read
 * and locked at once, their new external ids claimed at once (on MariaDB with those of the new leads, after the lead
 * rows: one statement where there were two; an id a folded lead gave up is then free before the new leads claim
 * theirs, where elsewhere the new leads claim first), the rows updated in one JDBC batch. A point or an
 * external id that another unit of work claimed since the read, or a lead changed since, is a
 * {@link ConflictException}: the chunk's unit rolls back and runs again. New companies are written the same way as
 * new contacts (their domains claimed at once). Changes of contacts stored before the chunk (a name, e-mail or phone
 * filled in, a company link added) are written set-based too, on every database ({@link JdbcContacts#updateAll}: a
 * few statements a chunk where the port took five or more a contact).
 * Thread-safe.
 */
final class JdbcCaptureBatches implements CaptureBatches {

    private static final int IN_LIST = 1000;

    private final Jdbc jdbc;
    private final JdbcContacts contacts;
    private final JdbcCompanies companies;
    private final JdbcLeads leads;
    private final JdbcActivities activities;
    private final JdbcTasks tasks;

    JdbcCaptureBatches(Jdbc jdbc, JdbcContacts contacts, JdbcCompanies companies, JdbcLeads leads,
                       JdbcActivities activities, JdbcTasks tasks) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.companies = companies;
        this.leads = leads;
        this.activities = activities;
        this.tasks = tasks;
    }

    /**
     * On MariaDB the look-ups run as a read of the running unit, with no savepoint of their own: they only read and
     * lock, InnoDB keeps row locks across a rollback to a savepoint, and a failed statement there does not abort the
     * transaction, so the savepoint undid nothing and cost a round trip per chunk. Elsewhere a write (a failed
     * statement aborts a PostgreSQL transaction unless a savepoint is rolled back to).
     */
    @Override
    public Found find(Keys keys) {
        SqlWork<Found> lookUp = c -> found(c, keys);
        return jdbc.dialect == Dialect.MARIADB ? jdbc.tx.read(lookUp) : jdbc.tx.write(lookUp);
    }

    private Found found(Connection c, Keys keys) throws SQLException {
        Map<String, Object> points = new HashMap<>();
        keys.emails().forEach(e -> points.put(JdbcContacts.point(e), e));
        keys.phones().forEach(p -> points.put(JdbcContacts.point(p), p));
        Map<EmailAddress, Contact> byEmail = new HashMap<>();
        Map<PhoneNumber, Contact> byPhone = new HashMap<>();
        for (Contact contact : in(c, CONTACTS_BY_POINT, points.keySet(), contacts::map)) {
            contact.emails().stream().filter(keys.emails()::contains).forEach(e -> byEmail.put(e, contact));
            contact.phones().stream().filter(keys.phones()::contains).forEach(p -> byPhone.put(p, contact));
        }
        List<String> emails = keys.emails().stream().map(EmailAddress::value).toList();
        List<String> phones = keys.phones().stream().map(PhoneNumber::toString).toList();
        Map<String, WebDomain> domains = new HashMap<>();
        keys.domains().forEach(d -> domains.put(d.value(), d));
        Map<String, List<String>> namesByKey = new HashMap<>();
        keys.companyNames().forEach(n -> namesByKey.computeIfAbsent(Company.nameKey(n), k -> new ArrayList<>())
                .add(n));
        Map<String, String> keyByHash = new HashMap<>();
        namesByKey.keySet().forEach(k -> keyByHash.put(JdbcCompanies.hash(k), k));
        List<Keyed<Lead>> openEmail;
        List<Keyed<Lead>> openPhone;
        List<Keyed<Lead>> external;
        List<Keyed<Company>> byDomainRows;
        List<Keyed<Company>> byNameRows;
        if (jdbc.dialect == Dialect.MARIADB && emails.size() <= IN_LIST && phones.size() <= IN_LIST
                && keys.externalIds().size() <= IN_LIST && domains.size() <= IN_LIST
                && keyByHash.size() <= IN_LIST) {
            // one round trip for the three look-ups of leads, one for the two of companies (see AtOnce)
            Map<String, List<Keyed<Lead>>> leadRows = AtOnce.LEADS.rows(jdbc, c,
                    List.of(emails, phones, List.copyOf(keys.externalIds())), leads::map);
            openEmail = leadRows.get("0");
            openPhone = leadRows.get("1");
            external = leadRows.get("2");
            Map<String, List<Keyed<Company>>> companyRows = AtOnce.COMPANIES.rows(jdbc, c,
                    List.of(List.copyOf(domains.keySet()), List.copyOf(keyByHash.keySet())), companies::map);
            byDomainRows = companyRows.get("0");
            byNameRows = companyRows.get("1");
        } else {
            openEmail = in(c, latestOpenSql("email"), emails,
                    rs -> new Keyed<>("", rs.getLong("bulk_seq"), leads.map(rs)));
            openPhone = in(c, latestOpenSql("phone"), phones,
                    rs -> new Keyed<>("", rs.getLong("bulk_seq"), leads.map(rs)));
            external = in(c, LEADS_BY_EXTERNAL_ID, keys.externalIds(),
                    rs -> new Keyed<>(rs.getString("bulk_key"), 0, leads.map(rs)));
            byDomainRows = in(c, COMPANIES_BY_DOMAIN, domains.keySet(),
                    rs -> new Keyed<>(rs.getString("bulk_key"), 0, companies.map(rs)));
            byNameRows = in(c, COMPANIES_BY_NAME_HASH, keyByHash.keySet(),
                    rs -> new Keyed<>(rs.getString("bulk_key"), 0, companies.map(rs)));
        }
        Map<EmailAddress, Lead> openByEmail = latest(openEmail, l -> l.email().orElseThrow());
        Map<PhoneNumber, Lead> openByPhone = latest(openPhone, l -> l.phone().orElseThrow());
        Map<String, Lead> byExternalId = new HashMap<>();
        external.forEach(keyed -> byExternalId.put(keyed.key(), keyed.row()));
        Map<WebDomain, Company> byDomain = new HashMap<>();
        byDomainRows.forEach(keyed -> byDomain.put(domains.get(keyed.key()), keyed.row()));
        return new Found(byEmail, byPhone, openByEmail, openByPhone, byExternalId, byDomain,
                companiesByName(namesByKey, keyByHash, byNameRows));
    }

    /**
     * The first company stored under each name's key, as {@code findByName} answers, from the companies found under
     * the keys' hashes, oldest first.
     */
    private static Map<String, Company> companiesByName(Map<String, List<String>> namesByKey,
                                                        Map<String, String> keyByHash, List<Keyed<Company>> found) {
        Map<String, Company> first = new HashMap<>();
        for (Keyed<Company> keyed : found) {
            String key = keyByHash.get(keyed.key());
            if (key.equals(keyed.row().nameKey())) {
                first.putIfAbsent(key, keyed.row());
            }
        }
        Map<String, Company> byName = new HashMap<>();
        first.forEach((key, company) -> namesByKey.get(key).forEach(n -> byName.put(n, company)));
        return byName;
    }

    /**
     * The most recent open lead of each value of a column, as {@code findOpenByEmail} and its kin answer, of the open
     * leads found under the values.
     */
    private static <K> Map<K, Lead> latest(List<Keyed<Lead>> found, Function<Lead, K> keyOf) {
        Map<K, Keyed<Lead>> latest = new HashMap<>();
        for (Keyed<Lead> keyed : found) {
            latest.merge(keyOf.apply(keyed.row()), keyed, (a, b) -> later(a, b) ? a : b);
        }
        Map<K, Lead> out = new HashMap<>();
        latest.forEach((k, v) -> out.put(k, v.row()));
        return out;
    }

    private static boolean later(Keyed<Lead> a, Keyed<Lead> b) {
        int byTime = a.row().createdAt().compareTo(b.row().createdAt());
        return byTime > 0 || byTime == 0 && a.seq() > b.seq();
    }

    /**
     * The statement of a look-up for {@code n} keys: on PostgreSQL the template's {@code %k} becomes the keys as an
     * array {@code bulk_keys(v)} the look-up joins laterally, one index probe per key; on MariaDB, where the template
     * has a joined form, the keys become a derived table it joins; elsewhere its {@code %s} becomes an IN list of
     * {@code n} parameters.
     */
    String lookup(Lookup template, int n) {
        return template.sql(jdbc, n);
    }

    /** The rows of a look-up ({@link #lookup}) of the values, a thousand at a time. */
    private <T> List<T> in(Connection c, Lookup template, Collection<String> values, Jdbc.RowMapper<T> mapper)
            throws SQLException {
        List<String> all = new ArrayList<>(values);
        Collections.sort(all);
        List<T> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_LIST) {
            List<String> part = all.subList(from, Math.min(all.size(), from + IN_LIST));
            out.addAll(jdbc.list(c, lookup(template, part.size()), mapper, template.keys(jdbc, part)));
        }
        return out;
    }

    /** The look-up of the most recent open lead of each value of a column ({@link #latestOpen}). */
    static Lookup latestOpenSql(String column) {
        return new Lookup("SELECT seq AS bulk_seq, l.* FROM {lead} l WHERE is_open = TRUE AND l." + JdbcLeads.LISTED
                + " AND " + column + " IN (%s)",
                "SELECT l.seq AS bulk_seq, l.* FROM %k CROSS JOIN LATERAL (SELECT * FROM {lead} WHERE " + column
                + " = bulk_keys.v AND is_open = TRUE AND " + JdbcLeads.LISTED
                + " ORDER BY created_at DESC, seq DESC LIMIT 1) l");
    }

    /**
     * A look-up of a chunk's keys, in two forms. PostgreSQL takes the keys as one array parameter
     * ({@code unnest(CAST(? AS text[]))}), so the statement's text is the same for every chunk whatever its number of
     * keys: pgjdbc prepares it on the server after five runs and the server stops parsing and planning it again, where
     * a {@code VALUES} list of one parameter a key made a new text, parsed and planned each time, for every chunk (16
     * to 20 such texts a chunk with the claims and writes). PostgreSQL plans an IN list of hundreds of values from the
     * statistics of the table, and a table that grows during an import has none yet (or old ones: autovacuum analyzes
     * late, or not at all when it is off): it then scans the whole table for every chunk, so each chunk took longer
     * the more was stored (at 100,000 submissions, a sequential scan of the leads for the e-mails, another for the
     * phones, one of the contact points). The per-key form joins the keys to a sub-query with {@code LIMIT} that the
     * planner cannot turn into a scan of the table: one index probe per key whatever the statistics.
     *
     * <p>MariaDB takes a third form where one is given: the keys as a derived table joined to the table's unique index
     * ({@link AtOnce}), not an IN list, which MariaDB plans from its index statistics for more than
     * {@code eq_range_index_dive_limit} (200) values and reads as a scan of the whole table when the keys are many
     * next to the rows (early in an import: a chunk's 500 e-mails against 2,000 leads).
     *
     * @param inList  the form with an IN list ({@code %s}), for H2, and for MariaDB where {@code joined} is empty
     * @param perKey  the form that joins the keys ({@code %k}) laterally, for PostgreSQL
     * @param keyType the PostgreSQL type of the keys ({@code text}, {@code uuid})
     * @param joined  MariaDB's form joining the keys' derived table ({@code %k}, column {@code k.v}), or empty
     */
    record Lookup(String inList, String perKey, String keyType, String joined) {

        /** A look-up of text keys. */
        Lookup(String inList, String perKey) {
            this(inList, perKey, "text");
        }

        /** A look-up with an IN list on MariaDB. */
        Lookup(String inList, String perKey, String keyType) {
            this(inList, perKey, keyType, "");
        }

        /**
         * The statement for {@code n} keys in the dialect of {@code jdbc}: on PostgreSQL {@code %k} of the per-key form
         * becomes the keys as one array parameter unnested as {@code bulk_keys(v)}, the same text for any {@code n};
         * on MariaDB {@code %k} of the joined form, where there is one, becomes a derived table of {@code n} keys
         * ({@link AtOnce#keyTable}); elsewhere {@code %s} of the IN-list form becomes {@code n} parameters. The keys
         * are the first parameters in every form, as {@link #keys} gives them.
         */
        String sql(Jdbc jdbc, int n) {
            if (jdbc.dialect == Dialect.MARIADB && !joined.isEmpty()) {
                return jdbc.sql("WITH " + AtOnce.keyTable(0, n) + " " + joined.replace("%k", AtOnce.keyTableName(0)));
            }
            String marks = String.join(", ", Collections.nCopies(n, "?"));
            return jdbc.sql(jdbc.dialect == Dialect.POSTGRESQL
                    ? perKey.replace("%k", "unnest(CAST(? AS " + keyType + "[])) AS bulk_keys(v)").replace("%s", marks)
                    : inList.replace("%s", marks));
        }

        /** The parameters of {@link #sql} for these keys: one array on PostgreSQL's per-key form, else a key each. */
        Object[] keys(Jdbc jdbc, List<?> keys) {
            return jdbc.dialect == Dialect.POSTGRESQL && perKey.contains("%k")
                    ? new Object[] {new Jdbc.KeyArray(keyType, List.copyOf(keys))} : keys.toArray();
        }
    }

    /**
     * MariaDB: several look-ups of one kind of row in one statement, a {@code UNION ALL} of one branch per look-up
     * (the branch's number as {@code bulk_kind}), so a chunk waits once for its leads (open by e-mail, open by phone,
     * by external id) and once for its companies (by domain, by name hash) instead of five times. A look-up with no
     * keys has no branch. Each branch answers the rows its own statement would; the companies come oldest first, as
     * {@link #COMPANIES_BY_NAME_HASH} answers them, put in that order on the client: a union with an {@code ORDER BY}
     * is written into a temporary table before it is sorted, and with a company's text columns that table is one on
     * disk (Aria), one a chunk ({@code Created_tmp_disk_tables}), where a union without one streams its rows.
     *
     * <p>Each branch's keys are a derived table of their own ({@code WITH bulk_keys0 (v) AS (VALUES (?), ...)}) that
     * the branch reads first ({@code STRAIGHT_JOIN}) and joins to the index of its column: one index probe per key
     * whatever MariaDB's statistics say. An IN list of more than {@code eq_range_index_dive_limit} (200) values is
     * planned from the index statistics, and early in an import, with the keys many next to the rows, MariaDB read
     * the whole lead table for the e-mails (a chunk of 500 against 2,000 leads; {@code BulkLookupPlanTest}). The
     * key is converted to the column's character set and binary collation ({@link #KEY}, {@link #ASCII_KEY}), the
     * comparison the IN list made, so the probe uses the index. Server CPU of a bench chunk's look-ups of leads
     * (replayed, {@code SHOW PROFILE}): 7.2-7.4 ms as IN lists, 3.4-3.6 ms joined.
     *
     * @param branches each look-up's statement, {@code %k} its keys' table (alias {@code k}, column {@code k.v}),
     *                 selecting {@code bulk_key}, {@code bulk_seq} and the rows' columns
     * @param oldestFirst whether each branch's rows come ordered by {@code created_at}, then {@code bulk_seq}
     */
    record AtOnce(List<String> branches, boolean oldestFirst) {

        /** A key of text, compared as the utf8mb4 columns' binary collation compares it. */
        static final String KEY = "CONVERT(k.v USING utf8mb4) COLLATE utf8mb4_bin";

        /** A key of an ASCII column (a name hash), in its character set and binary collation. */
        static final String ASCII_KEY = "CONVERT(k.v USING ascii) COLLATE ascii_bin";

        static final AtOnce LEADS = new AtOnce(List.of(
                "SELECT l.email AS bulk_key, l.seq AS bulk_seq, l.* FROM %k STRAIGHT_JOIN {lead} l ON l.email = "
                        + KEY + " WHERE l.is_open = TRUE AND l." + JdbcLeads.LISTED,
                "SELECT l.phone AS bulk_key, l.seq AS bulk_seq, l.* FROM %k STRAIGHT_JOIN {lead} l ON l.phone = "
                        + KEY + " WHERE l.is_open = TRUE AND l." + JdbcLeads.LISTED,
                "SELECT x.external_id AS bulk_key, l.seq AS bulk_seq, l.* FROM %k STRAIGHT_JOIN {lead_external_id} x "
                        + "ON x.external_id = " + KEY + " STRAIGHT_JOIN {lead} l ON l.id = x.lead_id"), false);

        static final AtOnce COMPANIES = new AtOnce(List.of(
                "SELECT d.domain AS bulk_key, c.seq AS bulk_seq, c.* FROM %k STRAIGHT_JOIN {company_domain} d "
                        + "ON d.domain = " + KEY + " STRAIGHT_JOIN {company} c ON c.id = d.company_id",
                "SELECT c.name_hash AS bulk_key, c.seq AS bulk_seq, c.* FROM %k STRAIGHT_JOIN {company} c "
                        + "ON c.name_hash = " + ASCII_KEY + " WHERE c." + JdbcCompanies.LISTED),
                true);

        /**
         * The statement for these numbers of keys per branch (a branch with none left out): the keys' tables, then
         * the branches, so the parameters are each branch's keys in order. {@code BulkLookupPlanTest} checks
         * its plan.
         */
        String sql(Jdbc jdbc, List<Integer> sizes) {
            List<String> keys = new ArrayList<>();
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < branches.size(); i++) {
                if (sizes.get(i) > 0) {
                    keys.add(keyTable(i, sizes.get(i)));
                    parts.add(branches.get(i).replaceFirst("SELECT ", "SELECT '" + i + "' AS bulk_kind, ")
                            .replace("%k", keyTableName(i)));
                }
            }
            return jdbc.sql("WITH " + String.join(", ", keys) + " " + String.join(" UNION ALL ", parts));
        }

        /** The derived table of {@code n} keys of branch {@code i}, to follow a {@code WITH}: one column, {@code v}. */
        static String keyTable(int i, int n) {
            return "bulk_keys" + i + " (v) AS (VALUES " + String.join(", ", Collections.nCopies(n, "(?)")) + ")";
        }

        /** The keys' table of branch {@code i} as a branch reads it, aliased {@code k}. */
        static String keyTableName(int i) {
            return "bulk_keys" + i + " k";
        }

        /**
         * Each branch's rows by its number ("0", "1", ...), with the key each was found under; one round trip. A row
         * that several branches find (a repeat's open lead, found by its e-mail and by its phone) is mapped once and
         * shared: the union is one statement, read from one snapshot, so its copies hold the same values (mapping a
         * lead parses its JSON columns, the biggest piece of a chunk's look-up on the client).
         */
        <T> Map<String, List<Keyed<T>>> rows(Jdbc jdbc, Connection c, List<List<String>> keys,
                                              Jdbc.RowMapper<T> mapper) throws SQLException {
            Map<String, List<Keyed<T>>> out = new HashMap<>();
            List<Integer> sizes = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                out.put(String.valueOf(i), new ArrayList<>());
                List<String> sorted = new ArrayList<>(keys.get(i));
                Collections.sort(sorted);
                sizes.add(sorted.size());
                params.addAll(sorted);
            }
            if (params.isEmpty()) {
                return out;
            }
            Map<String, T> byId = new HashMap<>();
            // each row keyed "kind \0 created_at \0 key" (created_at where the rows come oldest first)
            List<Keyed<T>> found = new ArrayList<>(jdbc.list(c, sql(jdbc, sizes), rs -> new Keyed<>(
                    rs.getString("bulk_kind") + "\0" + (oldestFirst ? rs.getString("created_at") : "") + "\0"
                    + rs.getString("bulk_key"), rs.getLong("bulk_seq"), once(byId, rs, mapper)), params.toArray()));
            if (oldestFirst) { // DATETIME text orders as its time does: by branch, time, insertion number
                found.sort(Comparator.comparing((Keyed<T> k) -> k.key().substring(0, k.key().lastIndexOf('\0')))
                        .thenComparingLong(Keyed::seq));
            }
            for (Keyed<T> row : found) {
                int cut = row.key().indexOf('\0');
                out.get(row.key().substring(0, cut)).add(new Keyed<>(row.key().substring(row.key().indexOf('\0',
                        cut + 1) + 1), row.seq(), row.row()));
            }
            return out;
        }

        /** The row of the result set's current {@code id}, mapped the first time that id comes. */
        private static <T> T once(Map<String, T> byId, ResultSet rs, Jdbc.RowMapper<T> mapper) throws SQLException {
            String id = rs.getString("id");
            T row = byId.get(id);
            if (row == null) {
                row = mapper.map(rs);
                byId.put(id, row);
            }
            return row;
        }
    }

    /**
     * Contacts holding any of the points, in the order of their ids, locked (on MariaDB the points joined as a
     * derived table, see {@link AtOnce}: 4.2 ms of server CPU a bench chunk as an IN list, 2.7 ms joined; its locks
     * are taken as the plan reads the rows, not in id order).
     */
    static final Lookup CONTACTS_BY_POINT = new Lookup(
            "SELECT * FROM {contact} WHERE id IN (SELECT contact_id FROM {contact_point} WHERE point IN (%s)) "
                    + "ORDER BY id FOR UPDATE",
            "SELECT * FROM {contact} WHERE id IN (SELECT p.contact_id FROM %k CROSS JOIN LATERAL (SELECT "
                    + "contact_id FROM {contact_point} WHERE point = bulk_keys.v LIMIT 1) p) ORDER BY id FOR UPDATE",
            "text",
            "SELECT * FROM {contact} WHERE id IN (SELECT p.contact_id FROM %k STRAIGHT_JOIN {contact_point} p "
                    + "ON p.point = " + AtOnce.KEY + ") ORDER BY id FOR UPDATE");

    /** The company holding each domain, with the domain it was found under. */
    static final Lookup COMPANIES_BY_DOMAIN = new Lookup(
            "SELECT d.domain AS bulk_key, c.* FROM {company} c JOIN {company_domain} d ON d.company_id = c.id "
                    + "WHERE d.domain IN (%s)",
            "SELECT bulk_keys.v AS bulk_key, c.* FROM %k CROSS JOIN LATERAL (SELECT c.* FROM {company_domain} d "
                    + "JOIN {company} c ON c.id = d.company_id WHERE d.domain = bulk_keys.v LIMIT 1) c");

    /**
     * The companies under each name hash, oldest first (an IN list on every database: a hash may name several
     * companies, and the companies of an import are few next to its contacts and leads).
     */
    static final Lookup COMPANIES_BY_NAME_HASH = new Lookup(
            "SELECT name_hash AS bulk_key, c.* FROM {company} c WHERE name_hash IN (%s) AND c."
                    + JdbcCompanies.LISTED + " ORDER BY created_at, seq",
            "SELECT name_hash AS bulk_key, c.* FROM {company} c WHERE name_hash IN (%s) AND c."
                    + JdbcCompanies.LISTED + " ORDER BY created_at, seq");

    /** The lead holding each external id, with the id it was found under. */
    static final Lookup LEADS_BY_EXTERNAL_ID = new Lookup(
            "SELECT x.external_id AS bulk_key, l.* FROM {lead} l JOIN {lead_external_id} x ON x.lead_id = l.id "
                    + "WHERE x.external_id IN (%s)",
            "SELECT bulk_keys.v AS bulk_key, l.* FROM %k CROSS JOIN LATERAL (SELECT l.* FROM {lead_external_id} x "
                    + "JOIN {lead} l ON l.id = x.lead_id WHERE x.external_id = bulk_keys.v LIMIT 1) l");

    @Override
    public Optional<Contact> lockContact(ContactId id) {
        return contacts.lockById(id);
    }

    @Override
    public Map<RecordRef, List<Task>> openTasksAbout(Collection<RecordRef> records) {
        return jdbc.tx.read(c -> tasks.openAbout(c, records));
    }

    @Override
    public void write(CaptureWrites writes) {
        Leads.requireDistinctExternalIds(writes.newLeads()); // before anything of the chunk is written
        jdbc.tx.writeFirst(tx -> jdbc.insertingTables(tx, c -> {
            if (!companies.insertAll(c, writes.newCompanies())) {
                throw conflict("company domain");
            }
            if (!contacts.insertAll(c, writes.newContacts())) {
                throw conflict("e-mail or phone");
            }
            if (!contacts.updateAll(c, writes.contactUpdates())) { // a point it adds may be claimed since find
                throw conflict("e-mail or phone");
            }
            if (jdbc.dialect == Dialect.MARIADB) { // the ids and name keys of new and folded leads, a statement each
                JdbcLeads.Later later = new JdbcLeads.Later();
                if (!leads.insertAll(c, writes.newLeads(), later) || !leads.updateAll(c, writes.leadUpdates(), later)
                        || !leads.writeLater(c, later)) {
                    throw conflict("external id");
                }
            } else {
                if (!leads.insertAll(c, writes.newLeads())) {
                    throw conflict("external id");
                }
                if (!leads.updateAll(c, writes.leadUpdates())) {
                    throw conflict("external id");
                }
            }
            activities.insert(c, writes.activities()); // in this write: no savepoint of its own
            tasks.insertAll(c, writes.tasks());
            return null;
        }));
    }

    private static ConflictException conflict(String key) {
        return new ConflictException("a concurrent unit of work claimed a " + key + " of the chunk", null);
    }

    /** A row with the key it was found under and its insertion number. */
    record Keyed<T>(String key, long seq, T row) {
    }
}
