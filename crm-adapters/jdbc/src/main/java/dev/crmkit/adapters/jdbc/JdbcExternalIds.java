package dev.crmkit.adapters.jdbc;

import dev.crmkit.kit.archive.Archive;
import dev.crmkit.kit.migration.ExternalId;
import dev.crmkit.kit.migration.ExternalIds;
import dev.crmkit.kit.migration.ExternalKey;
import dev.crmkit.kit.migration.SourceType;

import java.util.Objects;
import java.util.Optional;

/**
 * The external ids of migrated records in {@code <prefix>external_id}, one row per source record, inserted with the
 * dialect's insert-or-ignore in the running unit of work: of two runs linking one key at once, the second finds it
 * taken. Thread-safe.
 */
final class JdbcExternalIds implements ExternalIds {

    private final Jdbc jdbc;
    private final String find;
    private final String insert;
    private final String count;

    JdbcExternalIds(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.find = jdbc.sql("SELECT record_id, migrated_at FROM {external_id}"
                + " WHERE source_system = ? AND record_type = ? AND source_id = ?");
        this.insert = jdbc.dialect.insertIgnoring(jdbc.tables.name("external_id"), 3, "source_system",
                "record_type", "source_id", "record_id", "migrated_at");
        this.count = jdbc.sql("SELECT COUNT(*) FROM {external_id} WHERE source_system = ?");
    }

    @Override
    public Optional<ExternalId> find(ExternalKey key) {
        Objects.requireNonNull(key, "key");
        return jdbc.tx.read(c -> jdbc.one(c, find, rs -> new ExternalId(key,
                jdbc.dialect.getUuid(rs, "record_id"), jdbc.dialect.getInstant(rs, "migrated_at")),
                key.system(), key.type().code(), key.sourceId()));
    }

    @Override
    public boolean add(ExternalId link) {
        Objects.requireNonNull(link, "link");
        ExternalKey key = link.key();
        return jdbc.tx.write(c -> jdbc.insertIgnoring(c, insert, key.system(), key.type().code(), key.sourceId(),
                link.recordId(), link.migratedAt()));
    }

    @Override
    public long count(String system) {
        Objects.requireNonNull(system, "system");
        return jdbc.tx.read(c -> jdbc.count(c, count, system));
    }

    /**
     * The archive in key order: by system, type and source id, each compared by code point, which is the order of
     * {@link ExternalKey#text()}.
     */
    @Override
    public Archive<ExternalId> archive() {
        Dialect d = jdbc.dialect;
        String sys = d.binaryText("source_system");
        String type = d.binaryText("record_type");
        String id = d.binaryText("source_id");
        String p = d.binaryText("?");
        String after = "(" + sys + " > " + p + " OR (" + sys + " = " + p + " AND (" + type + " > " + p + " OR ("
                + type + " = " + p + " AND " + id + " > " + p + "))))";
        return new JdbcArchive<>(jdbc, "external id",
                "SELECT source_system, record_type, source_id, record_id, migrated_at FROM {external_id}", after,
                sys + ", " + type + ", " + id, "source_system = ? AND record_type = ? AND source_id = ?",
                rs -> new ExternalId(new ExternalKey(rs.getString("source_system"),
                        SourceType.valueOf(rs.getString("record_type").toUpperCase(java.util.Locale.ROOT)),
                        rs.getString("source_id")), d.getUuid(rs, "record_id"), d.getInstant(rs, "migrated_at")),
                l -> l.key().text(), k -> {
                    ExternalKey key = ExternalKey.parse(k);
                    return new Object[]{key.system(), key.system(), key.type().code(), key.type().code(),
                        key.sourceId()};
                }, k -> {
                    ExternalKey key = ExternalKey.parse(k);
                    return new Object[]{key.system(), key.type().code(), key.sourceId()};
                }, (c, l) -> jdbc.insertIgnoring(c, insert, l.key().system(), l.key().type().code(),
                        l.key().sourceId(), l.recordId(), l.migratedAt()));
    }
}
