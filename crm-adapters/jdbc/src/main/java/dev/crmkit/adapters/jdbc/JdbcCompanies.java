package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.company.Companies;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.company.CompanySize;
import dev.crmkit.core.company.WebDomain;
import dev.crmkit.core.duplicate.CompanyNameKeys;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.merge.UndoSteps;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Companies in a relational database. The row holds the scalar fields as columns, the legal address and the custom
 * field values as JSON. The web domain is also the primary key of a row of {@code company_domain}, which is what keeps
 * it unique across application nodes: insert-or-get claims the domain first with the dialect's insert-ignoring
 * statement and returns the company that holds it if the claim fails; an update moves the claim. The row keeps the
 * {@link Company#nameKey() name key} and, because the key is unbounded text, its SHA-256 in {@code name_hash}, indexed
 * with the creation order, so the oldest company of a name is one index seek; and the sound and acronym keys of the
 * name ({@link CompanyNameKeys}, V70), indexed likewise, for the duplicate rules' candidates. Thread-safe.
 */
final class JdbcCompanies implements Companies, JdbcMerges.Rows<Company> {

    /** The rows that are not merged away. */
    /** Merged-away companies keep their rows but are no longer listed or counted. */
    static final String LISTED = "id NOT IN (SELECT merged_id FROM {company_alias})";

    private final Jdbc jdbc;
    private final Dialect dialect;
    private final String selectById;
    private final String selectByDomain;
    private final String selectByName;
    private final KeyTable domains;
    private final Jdbc.Versioned rows;
    private final String insertRow;
    private final String updateRow;
    private final String selectAll;
    private final String count;
    private final String selectAlias;
    private final String selectFollowingMerges;
    private final String restoreRow;
    private final String setVersion;
    private final String setVersionFrom;
    private final String selectVersion;
    private final String insertSnapshot;
    private final String selectBySound;

    JdbcCompanies(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.dialect = jdbc.dialect;
        String json = dialect.json();
        selectById = jdbc.sql("SELECT * FROM {company} WHERE id = ?");
        selectByDomain = jdbc.sql("SELECT c.* FROM {company} c JOIN {company_domain} d ON d.company_id = c.id "
                + "WHERE d.domain = ?");
        selectByName = jdbc.sql("SELECT * FROM {company} WHERE name_hash = ? AND name_key = ? "
                + "AND " + LISTED + " ORDER BY created_at, seq LIMIT 1");
        domains = new KeyTable(jdbc, "company_domain", "domain", "company_id", true);
        rows = new Jdbc.Versioned(jdbc, "company", "company");
        insertRow = jdbc.sql("INSERT INTO {company} (id, version, name, name_key, name_hash, legal_name, "
                + "registration_number, tax_number, legal_address, web_domain, industry, size, custom_fields, "
                + "created_at, updated_at, name_sound, name_acronym) VALUES (?, 1, ?, ?, ?, ?, ?, ?, " + json
                + ", ?, ?, ?, " + json + ", ?, ?, ?, ?)");
        updateRow = jdbc.sql("UPDATE {company} SET version = version + 1, name = ?, name_key = ?, name_hash = ?, "
                + "legal_name = ?, registration_number = ?, tax_number = ?, legal_address = " + json
                + ", web_domain = ?, industry = ?, size = ?, custom_fields = " + json
                + ", created_at = ?, updated_at = ?, name_sound = ?, name_acronym = ? WHERE id = ? AND version = ?");
        // merged-away companies keep their rows, but are no longer listed, counted or found by name
        selectBySound = jdbc.sql("SELECT * FROM {company} WHERE id IN (SELECT id FROM {company} WHERE name_sound = ? "
                + "UNION SELECT id FROM {company} WHERE name_acronym = ?) AND " + LISTED
                + " ORDER BY created_at, seq LIMIT ?");
        selectAll = jdbc.sql("SELECT * FROM {company} WHERE " + LISTED);
        count = jdbc.sql("SELECT COUNT(*) FROM {company} WHERE " + LISTED);
        selectAlias = jdbc.sql("SELECT survivor_id FROM {company_alias} WHERE merged_id = ?");
        selectFollowingMerges = jdbc.selectByIdFollowingMerges("company", "company_alias");
        restoreRow = updateRow.replace("version = version + 1", "version = ?")
                .replace("updated_at = ?", JdbcMerges.CHANGED_AT_UNDO);
        setVersion = jdbc.sql("UPDATE {company} SET version = ? WHERE id = ?");
        setVersionFrom = setVersion + " AND version = ?";
        selectVersion = jdbc.sql("SELECT version FROM {company} WHERE id = ?");
        insertSnapshot = jdbc.sql("INSERT INTO {company_merge_snapshot} (merge_id, snapshot_no, id, version, name, "
                + "name_key, name_hash, legal_name, registration_number, tax_number, legal_address, web_domain, "
                + "industry, size, custom_fields, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + json + ", ?, ?, ?, " + json + ", ?, ?)");
    }

    @Override
    public Optional<Company> findById(CompanyId id) {
        Objects.requireNonNull(id, "id");
        return jdbc.tx.read(c -> jdbc.one(c, selectFollowingMerges, this::map,
                Jdbc.byIdFollowingMerges(id.value())));
    }

    /**
     * A row lock ({@code SELECT ... FOR UPDATE}) held until the running unit of work ends; for a merged-away id, the
     * survivor's, as {@link #findById} resolves it.
     */
    @Override
    public Optional<Company> lockById(CompanyId id) {
        Objects.requireNonNull(id, "id");
        return jdbc.tx.read(c -> jdbc.one(c, selectById + " FOR UPDATE", this::map,
                jdbc.one(c, selectAlias, rs -> dialect.getUuid(rs, "survivor_id"), id.value()).orElse(id.value())));
    }

    /**
     * Takes a merged-away company out of the lists: raises its version (refused as stale when another node changed it
     * since it was read) and frees its web domain; the row stays.
     */
    @Override
    public void retire(Connection c, Company merged) throws SQLException {
        UUID id = merged.id().value();
        if (jdbc.update(c, setVersionFrom, merged.version() + 1, id, merged.version()) == 0) {
            throw new StaleVersionException("company", id.toString(), merged.version());
        }
        domains.move(c, id, List.of(), (added, owner) -> ValidationException.of("webDomain", "unique", added));
    }

    /**
     * Puts a merged-away company back as it was, at {@link UndoSteps#reinstatedVersion} of its snapshot's and last
     * changed at the undo's instant, if its row is as its merge left it (else a {@link StaleVersionException}): its
     * version and its web domain.
     */
    @Override
    public void reinstate(Connection c, Company exact, Instant at) throws SQLException {
        UUID id = exact.id().value();
        JdbcMerges.reinstateVersion(jdbc, c, "company", id, exact.version(), at);
        domains.claimAll(c, domains(exact), id);
    }

    @Override
    public Optional<String> reinstateConflict(Connection c, Company exact) throws SQLException {
        return JdbcMerges.retiredConflict(jdbc, c, selectVersion, "company", exact.id().value(), exact.version());
    }

    /**
     * Stores the company as given, version included, over the stored one, if that is still at version {@code expected}
     * (else a {@link StaleVersionException}, and nothing changed); its time of the last change is the later of the
     * given and the stored one ({@link JdbcMerges#CHANGED_AT_UNDO}).
     */
    @Override
    public void restore(Connection c, Company exact, long expected) throws SQLException {
        List<Object> values = new ArrayList<>(List.of(rowValues(exact, true)));
        values.set(values.size() - 1, expected);
        values.add(0, exact.version());
        if (jdbc.update(c, restoreRow, values.toArray()) == 0) {
            throw new StaleVersionException("company", exact.id().toString(), expected);
        }
        domains.move(c, exact.id().value(), domains(exact), (added, owner) -> ValidationException.of("webDomain",
                "unique", added + " already belongs to company " + owner));
    }

    /** Stores a snapshot of the company as it is, as number {@code no} of a merge. */
    void snapshot(Connection c, UUID merge, int no, Company company) throws SQLException {
        List<Object> values = new ArrayList<>(List.of(rowValues(company, false)));
        values.subList(values.size() - 2, values.size()).clear(); // the snapshot keeps no name_sound, name_acronym
        values.add(1, company.version());
        values.add(0, no);
        values.add(0, merge);
        jdbc.update(c, insertSnapshot, values.toArray());
    }

    @Override
    public Optional<Company> findByDomain(WebDomain domain) {
        Objects.requireNonNull(domain, "webDomain");
        return jdbc.tx.read(c -> jdbc.one(c, selectByDomain, this::map, domain.value()));
    }

    @Override
    public Optional<Company> findByName(String name) {
        String key = Company.nameKey(Objects.requireNonNull(name, "name"));
        return jdbc.tx.read(c -> jdbc.one(c, selectByName, this::map, hash(key), key));
    }

    @Override
    public List<Company> findBySoundOfName(String name, int limit) {
        String sound = CompanyNameKeys.soundKey(Objects.requireNonNull(name, "name"));
        String acronym = CompanyNameKeys.acronymKey(name);
        if (sound.isEmpty() && acronym.isEmpty()) {
            return List.of();
        }
        // an empty key is never looked up: its slot repeats the other key
        return jdbc.tx.read(c -> jdbc.list(c, selectBySound, this::map, sound.isEmpty() ? acronym : sound,
                acronym.isEmpty() ? sound : acronym, limit));
    }

    @Override
    public Company insertOrGet(Company candidate) {
        Objects.requireNonNull(candidate, "candidate");
        rows.checkNew(candidate.id(), candidate.version());
        return domains.insertOrGet(c -> insert(c, candidate), selectById, this::map);
    }

    /**
     * Inserts a chunk's new companies at version 1: their domains claimed with one multi-row statement, their rows
     * with multi-row inserts. False, with nothing usable written, when another record holds one of the domains (the
     * caller rolls the unit of work back).
     */
    boolean insertAll(Connection c, List<Company> created) throws SQLException {
        SortedMap<String, UUID> claims = new TreeMap<>();
        List<Object[]> values = new ArrayList<>(created.size());
        for (Company x : created) {
            domains(x).forEach(d -> claims.put(d, x.id().value()));
            values.add(rowValues(x.atVersion(1), false));
        }
        if (!domains.claimAtOnce(c, claims)) {
            return false;
        }
        jdbc.insertRows(c, insertRow, values);
        return true;
    }

    private Company insert(Connection c, Company candidate) throws SQLException {
        rows.checkNotStored(c, candidate.id(), candidate.id().value());
        domains.claimAll(c, domains(candidate), candidate.id().value());
        Company stored = candidate.atVersion(1);
        jdbc.update(c, insertRow, rowValues(stored, false));
        return stored;
    }

    @Override
    public Company update(Company company) {
        Objects.requireNonNull(company, "company");
        return jdbc.tx.write(c -> {
            UUID id = company.id().value();
            rows.update(c, updateRow, rowValues(company, true), company.id(), id, company.version());
            domains.move(c, id, domains(company), (added, owner) -> ValidationException.of("webDomain", "unique",
                    added + " already belongs to company " + owner));
            return company.atVersion(company.version() + 1);
        });
    }

    /** The company's web domain as its keys in {@code company_domain}: none or one. */
    private static List<String> domains(Company company) {
        return company.webDomain().map(WebDomain::value).stream().toList();
    }

    @Override
    public Page<Company> findAll(PageRequest page) {
        Jdbc.checkCursor(page);
        return jdbc.tx.read(c -> jdbc.page(c, selectAll, "created_at", "seq", false, page, this::map,
                Company::createdAt));
    }

    @Override
    public long count() {
        return jdbc.tx.read(c -> jdbc.count(c, count));
    }

    /** The values of the insert (id first) or of the update (id and expected version last). */
    private Object[] rowValues(Company x, boolean forUpdate) {
        List<Object> v = new ArrayList<>(16);
        if (!forUpdate) {
            v.add(x.id().value());
        }
        String key = x.nameKey();
        v.add(x.name());
        v.add(key);
        v.add(hash(key));
        v.add(x.legalName());
        v.add(x.registrationNumber());
        v.add(x.taxNumber());
        v.add(x.legalAddress().map(a -> (Object) jdbc.json.write(a)).orElse(Jdbc.Null.TEXT));
        v.add(x.webDomain().map(d -> (Object) d.value()).orElse(Jdbc.Null.TEXT));
        v.add(x.industry());
        v.add(x.size().name());
        v.add(jdbc.json.customFields(x.customFields()));
        v.add(x.createdAt());
        v.add(x.updatedAt());
        v.add(CompanyNameKeys.soundKey(x.name()));
        v.add(CompanyNameKeys.acronymKey(x.name()));
        if (forUpdate) {
            v.add(x.id().value());
            v.add(x.version());
        }
        return v.toArray();
    }

    Company map(ResultSet rs) throws SQLException {
        String address = dialect.getJson(rs, "legal_address");
        return new Company(
                new CompanyId(dialect.getUuid(rs, "id")),
                rs.getLong("version"),
                rs.getString("name"),
                rs.getString("legal_name"),
                rs.getString("registration_number"),
                rs.getString("tax_number"),
                address == null ? Optional.empty() : Optional.of(jdbc.json.read(address, Address.class)),
                Optional.ofNullable(rs.getString("web_domain")).map(WebDomain::new),
                rs.getString("industry"),
                CompanySize.valueOf(rs.getString("size")),
                jdbc.json.customFields(dialect.getJson(rs, "custom_fields")),
                dialect.getInstant(rs, "created_at"),
                dialect.getInstant(rs, "updated_at"));
    }

    /** The SHA-256 of a name key as 64 lower-case hex digits: a bounded, indexable stand-in for the key. */
    static String hash(String nameKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(nameKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The archive of the company rows, keyed by id: export and restore only. */
    JdbcArchive<Company> archive() {
        return JdbcArchive.versioned(jdbc, "company", LISTED, this::map, Company::id, Company::version,
                r -> insertOrGet(r.atVersion(0)));
    }

    /**
     * Writes the row a merge leaves of a merged-away company, for a restored merge: the company as it was before the
     * merge at one version more, holding none of its web domain. Nothing happens if the row is there.
     */
    @Override
    public void retired(Connection c, Company before) throws SQLException {
        JdbcMerges.insertRetired(jdbc, c, selectById, insertRow, rowValues(before, false), setVersion,
                before.id().value(), before.version());
    }
}
