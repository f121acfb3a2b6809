package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.privacy.SuppressionList;

import java.time.Instant;
import java.util.Objects;

/**
 * The suppression list in {@code suppression} (migration V41): one row per salted hash, inserted in the running unit
 * of work; a hash listed twice stays one row. Thread-safe.
 */
final class JdbcSuppressionList implements SuppressionList {

    private final Jdbc jdbc;
    private final String insert;

    JdbcSuppressionList(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.insert = jdbc.dialect.insertIgnoring(jdbc.tables.name("suppression"), 1, "hash", "suppressed_at");
    }

    @Override
    public boolean add(String hash, Instant at) {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(at, "at");
        return jdbc.tx.write(c -> jdbc.insertIgnoring(c, insert, hash, at));
    }

    @Override
    public boolean contains(String hash) {
        Objects.requireNonNull(hash, "hash");
        return jdbc.tx.read(c -> jdbc.count(c, jdbc.sql("SELECT COUNT(*) FROM {suppression} WHERE hash = ?"),
                hash) > 0);
    }

    @Override
    public long count() {
        return jdbc.tx.read(c -> jdbc.count(c, jdbc.sql("SELECT COUNT(*) FROM {suppression}")));
    }

    /** The archive of the entries, keyed by hash (lower-case hex, so every database orders them alike). */
    JdbcArchive<dev.crmkit.kit.archive.SuppressedHash> archive() {
        String hash = jdbc.dialect.binaryText("hash");
        return new JdbcArchive<>(jdbc, "suppressed hash", "SELECT hash, suppressed_at FROM {suppression}",
                hash + " > " + jdbc.dialect.binaryText("?"), hash, "hash = ?",
                rs -> new dev.crmkit.kit.archive.SuppressedHash(rs.getString("hash"),
                        jdbc.dialect.getInstant(rs, "suppressed_at")), dev.crmkit.kit.archive.SuppressedHash::hash,
                k -> new Object[]{k}, k -> new Object[]{k},
                (c, e) -> jdbc.insertIgnoring(c, insert, e.hash(), e.at()));
    }
}
