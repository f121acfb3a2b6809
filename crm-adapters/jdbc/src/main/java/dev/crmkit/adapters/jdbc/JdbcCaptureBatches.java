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
import dev.crmkit.core.task.Task;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link CaptureBatches} on the JDBC store: what a chunk's keys meet is read with one query per kind of key (contacts
 * locked in the order of their ids, so chunks on two nodes never wait on each other in a cycle; on PostgreSQL each
 * query probes an index once per key whatever the table's statistics, see {@link Lookup}); new contacts' points
 * and new leads' external ids are claimed with one multi-row insert-ignoring statement per key table, and the rows of
 * contacts, company links, leads, timeline entries and tasks go in multi-row inserts ({@link Jdbc#insertRows}).
 * Changes of leads stored before the chunk (a repeat folded into a stored lead) are written set-based: the leads read
 * and locked at once, their new external ids claimed at once, the rows updated in one JDBC batch. A point or an
 * external id that another unit of work claimed since the read, or a lead changed since, is a
 * {@link ConflictException}: the chunk's unit rolls back and runs again. New companies are written the same way as
 * new contacts (their domains claimed at once). Changes of contacts stored before the chunk (a name, e-mail or phone
 * filled in, a company link added) are written set-based on MariaDB too ({@link JdbcContacts#updateAll}: a few
 * statements a chunk where the port took five or more a contact); elsewhere they go through the port, one by one.
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
        Map<EmailAddress, Lead> openByEmail = latestOpen(c, "email",
                keys.emails().stream().map(EmailAddress::value).toList(), l -> l.email().orElseThrow());
        Map<PhoneNumber, Lead> openByPhone = latestOpen(c, "phone",
                keys.phones().stream().map(PhoneNumber::toString).toList(), l -> l.phone().orElseThrow());
        Map<String, Lead> byExternalId = new HashMap<>();
        for (Keyed<Lead> keyed : in(c, LEADS_BY_EXTERNAL_ID, keys.externalIds(),
                rs -> new Keyed<>(rs.getString("bulk_key"), 0, leads.map(rs)))) {
            byExternalId.put(keyed.key(), keyed.row());
        }
        Map<String, WebDomain> domains = new HashMap<>();
        keys.domains().forEach(d -> domains.put(d.value(), d));
        Map<WebDomain, Company> byDomain = new HashMap<>();
        for (Keyed<Company> keyed : in(c, COMPANIES_BY_DOMAIN, domains.keySet(),
                rs -> new Keyed<>(rs.getString("bulk_key"), 0, companies.map(rs)))) {
            byDomain.put(domains.get(keyed.key()), keyed.row());
        }
        return new Found(byEmail, byPhone, openByEmail, openByPhone, byExternalId, byDomain,
                companiesByName(c, keys.companyNames()));
    }

    /** The first company stored under each name's key, as {@code findByName} answers. */
    private Map<String, Company> companiesByName(Connection c, Collection<String> names) throws SQLException {
        Map<String, List<String>> namesByKey = new HashMap<>();
        names.forEach(n -> namesByKey.computeIfAbsent(Company.nameKey(n), k -> new ArrayList<>()).add(n));
        Map<String, String> keyByHash = new HashMap<>();
        namesByKey.keySet().forEach(k -> keyByHash.put(JdbcCompanies.hash(k), k));
        Map<String, Company> first = new HashMap<>();
        for (Keyed<Company> keyed : in(c, COMPANIES_BY_NAME_HASH, keyByHash.keySet(),
                rs -> new Keyed<>(rs.getString("bulk_key"), 0, companies.map(rs)))) {
            String key = keyByHash.get(keyed.key());
            if (key.equals(keyed.row().nameKey())) {
                first.putIfAbsent(key, keyed.row());
            }
        }
        Map<String, Company> byName = new HashMap<>();
        first.forEach((key, company) -> namesByKey.get(key).forEach(n -> byName.put(n, company)));
        return byName;
    }

    /** The most recent open lead of each value of a column, as {@code findOpenByEmail} and its kin answer. */
    private <K> Map<K, Lead> latestOpen(Connection c, String column, Collection<String> values,
                                        Function<Lead, K> keyOf) throws SQLException {
        Map<K, Keyed<Lead>> latest = new HashMap<>();
        List<Keyed<Lead>> found = in(c, latestOpenSql(column), values,
                rs -> new Keyed<>("", rs.getLong("bulk_seq"), leads.map(rs)));
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
     * The statement of a look-up for {@code n} keys: on PostgreSQL the template's {@code %k} becomes the keys as a
     * {@code VALUES} list {@code bulk_keys(v)} the look-up joins laterally, one index probe per key; elsewhere its
     * {@code %s} becomes an IN list of {@code n} parameters.
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
            out.addAll(jdbc.list(c, lookup(template, part.size()), mapper, part.toArray()));
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
     * A look-up of a chunk's keys, in two forms. PostgreSQL plans an IN list of hundreds of values from the
     * statistics of the table, and a table that grows during an import has none yet (or old ones: autovacuum analyzes
     * late, or not at all when it is off): it then scans the whole table for every chunk, so each chunk took longer
     * the more was stored (at 100,000 submissions, a sequential scan of the leads for the e-mails, another for the
     * phones, one of the contact points). The per-key form joins the keys to a sub-query with {@code LIMIT} that the
     * planner cannot turn into a scan of the table: one index probe per key whatever the statistics.
     *
     * @param inList the form with an IN list ({@code %s}), for MariaDB and H2
     * @param perKey the form that joins the keys ({@code %k}) laterally, for PostgreSQL
     */
    record Lookup(String inList, String perKey) {

        /**
         * The statement for {@code n} keys in the dialect of {@code jdbc}: on PostgreSQL {@code %k} of the per-key form
         * becomes the keys as a {@code VALUES} list {@code bulk_keys(v)}; elsewhere {@code %s} of the IN-list form
         * becomes {@code n} parameters. The keys are the first parameters in both forms.
         */
        String sql(Jdbc jdbc, int n) {
            String marks = String.join(", ", Collections.nCopies(n, "?"));
            return jdbc.sql(jdbc.dialect == Dialect.POSTGRESQL
                    ? perKey.replace("%k", "(VALUES " + String.join(", ", Collections.nCopies(n, "(?)"))
                            + ") AS bulk_keys(v)").replace("%s", marks)
                    : inList.replace("%s", marks));
        }
    }

    /** Contacts holding any of the points, locked in the order of their ids. */
    static final Lookup CONTACTS_BY_POINT = new Lookup(
            "SELECT * FROM {contact} WHERE id IN (SELECT contact_id FROM {contact_point} WHERE point IN (%s)) "
                    + "ORDER BY id FOR UPDATE",
            "SELECT * FROM {contact} WHERE id IN (SELECT p.contact_id FROM %k CROSS JOIN LATERAL (SELECT "
                    + "contact_id FROM {contact_point} WHERE point = bulk_keys.v LIMIT 1) p) ORDER BY id FOR UPDATE");

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
        jdbc.tx.write(tx -> jdbc.insertingTables(tx, c -> {
            if (!companies.insertAll(c, writes.newCompanies())) {
                throw conflict("company domain");
            }
            if (!contacts.insertAll(c, writes.newContacts())) {
                throw conflict("e-mail or phone");
            }
            if (jdbc.dialect == Dialect.MARIADB) {
                if (!contacts.updateAll(c, writes.contactUpdates())) {
                    throw conflict("e-mail or phone");
                }
            } else {
                for (Contact update : writes.contactUpdates()) { // a point the chunk adds may be claimed since find
                    ConflictException.whenKeyTaken(() -> contacts.update(update), "contact " + update.id());
                }
            }
            if (!leads.insertAll(c, writes.newLeads())) {
                throw conflict("external id");
            }
            if (!leads.updateAll(c, writes.leadUpdates())) {
                throw conflict("external id");
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
    private record Keyed<T>(String key, long seq, T row) {
    }
}
