package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.kit.archive.Archive;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The archive of one table of the JDBC store: pages in key order by a keyset query on the primary key
 * ({@code WHERE id > ? ORDER BY id LIMIT n}, read from the key's index however deep the page), a lookup by key, and
 * a restore that the table's repository supplies. Ids are UUIDs, which every dialect orders as their lower-case text
 * orders (PostgreSQL and H2 by their bytes, MariaDB as {@code ascii_bin} text). Thread-safe.
 */
final class JdbcArchive<T> implements Archive<T> {

    /** Writes one record back as it was, inside the running unit of work. */
    @FunctionalInterface
    interface Restore<T> {
        void restore(Connection c, T record) throws SQLException;
    }

    /** Writes records back as they were, set-based (JDBC batches), inside the running unit of work. */
    @FunctionalInterface
    interface RestoreAll<T> {
        void restoreAll(Connection c, List<T> records) throws SQLException;
    }

    /** The most keys one {@code IN} list of the look for stored keys holds. */
    private static final int IN_LIST = 500;

    private final Jdbc jdbc;
    private final String noun;
    private final String first;
    private final String next;
    private final String contains;
    private final Jdbc.RowMapper<T> map;
    private final Function<T, String> key;
    private final Function<String, Object[]> nextParams;
    private final Function<String, Object[]> keyParams;
    private final Restore<T> restore;
    private final String storedIds;
    private final RestoreAll<T> restoreAll;
    private final String selectSql;
    private final String afterSql;
    private final String orderSql;
    private final String isKeySql;

    /**
     * The archive of a table whose primary key is one UUID column.
     *
     * @param table  the table
     * @param key    the record's key: its id as text
     */
    JdbcArchive(Jdbc jdbc, String noun, String table, String keyColumn, Jdbc.RowMapper<T> map,
                Function<T, String> key, Restore<T> restore) {
        this(jdbc, noun, "SELECT * FROM {" + table + "}", keyColumn + " > ?", keyColumn, keyColumn + " = ?", map, key,
                k -> new Object[]{uuid(k)}, k -> new Object[]{uuid(k)}, restore,
                jdbc.sql("SELECT " + keyColumn + " AS stored_key FROM {" + table + "} WHERE " + keyColumn
                        + " IN ("), null);
    }

    /**
     * The archive of any table.
     *
     * @param select     the query of every row, without a WHERE clause
     * @param after      the condition of the rows after a key, with the parameters {@code nextParams} makes
     * @param order      the ORDER BY list that orders the rows as their keys
     * @param isKey      the condition of the row with a key, with the parameters {@code keyParams} makes
     */
    JdbcArchive(Jdbc jdbc, String noun, String select, String after, String order, String isKey,
                Jdbc.RowMapper<T> map, Function<T, String> key, Function<String, Object[]> nextParams,
                Function<String, Object[]> keyParams, Restore<T> restore) {
        this(jdbc, noun, select, after, order, isKey, map, key, nextParams, keyParams, restore, null, null);
    }

    private JdbcArchive(Jdbc jdbc, String noun, String select, String after, String order, String isKey,
                        Jdbc.RowMapper<T> map, Function<T, String> key, Function<String, Object[]> nextParams,
                        Function<String, Object[]> keyParams, Restore<T> restore, String storedIds,
                        RestoreAll<T> restoreAll) {
        this.jdbc = jdbc;
        this.noun = noun;
        String orderBy = " ORDER BY " + order + " LIMIT ";
        String where = select.contains(" WHERE ") ? " AND " : " WHERE ";
        this.first = jdbc.sql(select + where + "1 = 1" + orderBy);
        this.next = jdbc.sql(select + where + after + orderBy);
        this.contains = jdbc.sql(select.replaceFirst("^SELECT .*? FROM", "SELECT 1 FROM") + where + isKey);
        this.map = map;
        this.key = key;
        this.nextParams = nextParams;
        this.keyParams = keyParams;
        this.restore = restore;
        this.storedIds = storedIds;
        this.restoreAll = restoreAll;
        this.selectSql = select;
        this.afterSql = after;
        this.orderSql = order;
        this.isKeySql = isKey;
    }

    /**
     * This archive with a set-based restore of many records: {@link #restoreAll} then looks for stored keys once per
     * batch and hands the batch to {@code all} instead of restoring record by record.
     */
    JdbcArchive<T> restoringAll(RestoreAll<T> all) {
        return new JdbcArchive<>(jdbc, noun, selectSql, afterSql, orderSql, isKeySql, map, key, nextParams, keyParams,
                restore,
                storedIds, Objects.requireNonNull(all, "all"));
    }

    @Override
    public List<T> after(Optional<String> after, int limit) {
        Objects.requireNonNull(after, "after");
        Archive.checkLimit(limit);
        Optional<Object[]> bound = after.map(nextParams);
        return jdbc.tx.read(c -> bound.isEmpty() ? jdbc.list(c, first + limit, map)
                : jdbc.list(c, next + limit, map, bound.get()));
    }

    @Override
    public String key(T record) {
        return key.apply(Objects.requireNonNull(record, "record"));
    }

    @Override
    public boolean contains(String key) {
        Object[] params = keyParams.apply(Objects.requireNonNull(key, "key"));
        return jdbc.tx.read(c -> jdbc.one(c, contains, rs -> 1, params).isPresent());
    }

    @Override
    public void restore(T record) {
        String k = key(record);
        Object[] params = keyParams.apply(k);
        jdbc.tx.write(c -> {
            if (jdbc.one(c, contains, rs -> 1, params).isPresent()) {
                throw new IllegalArgumentException(noun + " " + k + " is already stored");
            }
            restore.restore(c, record);
            return null;
        });
    }

    /**
     * Restores the records in one unit of work: one look for their keys among the stored ones (an {@code IN} list
     * per 500 ids on a table keyed by id), then the set-based restore of the archive, or each record's restore.
     */
    @Override
    public void restoreAll(List<T> records) {
        List<T> all = List.copyOf(records);
        if (all.isEmpty()) {
            return;
        }
        jdbc.tx.write(c -> {
            Optional<String> stored = firstStored(c, all);
            if (stored.isPresent()) {
                throw new IllegalArgumentException(noun + " " + stored.get() + " is already stored");
            }
            if (restoreAll != null) {
                restoreAll.restoreAll(c, all);
            } else {
                for (T r : all) {
                    restore.restore(c, r);
                }
            }
            return null;
        });
    }

    private Optional<String> firstStored(Connection c, List<T> records) throws SQLException {
        if (storedIds == null) {
            for (T r : records) {
                String k = key(r);
                if (jdbc.one(c, contains, rs -> 1, keyParams.apply(k)).isPresent()) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
        java.util.Set<UUID> held = new java.util.HashSet<>();
        for (int from = 0; from < records.size(); from += IN_LIST) {
            List<T> part = records.subList(from, Math.min(records.size(), from + IN_LIST));
            String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
            held.addAll(jdbc.list(c, storedIds + marks + ")", rs -> jdbc.dialect.getUuid(rs, "stored_key"),
                    part.stream().map(r -> (Object) uuid(key(r))).toArray()));
        }
        return records.stream().map(this::key).filter(k -> held.contains(UUID.fromString(k))).findFirst();
    }

    /**
     * The archive of a table of versioned records (primary key {@code id}) whose restore goes through the
     * repository's own insert, at version 0 and with the record's times, so every lookup row is written as an insert
     * writes it, and then sets the exported version.
     *
     * @param table  the table, also the noun of messages
     * @param insert the repository's insert of a record at version 0; returns the stored record, or the one that
     *               holds a unique key of it
     */
    static <T> JdbcArchive<T> versioned(Jdbc jdbc, String table, Jdbc.RowMapper<T> map, Function<T, Object> id,
                                        ToLongFunction<T> version, Function<T, T> insert) {
        return versioned(jdbc, table, "1 = 1", map, id, version, insert);
    }

    /**
     * As {@link #versioned(Jdbc, String, Jdbc.RowMapper, Function, ToLongFunction, Function)}, of the rows that
     * meet a condition only (the contacts that are not merged away).
     *
     * @param rows the condition of the rows in the archive, SQL with {@code {table}} names
     */
    static <T> JdbcArchive<T> versioned(Jdbc jdbc, String table, String rows, Jdbc.RowMapper<T> map,
                                        Function<T, Object> id, ToLongFunction<T> version, Function<T, T> insert) {
        return versioned(jdbc, table, rows, map, id, version, insert, null);
    }

    /**
     * As {@link #versioned(Jdbc, String, Jdbc.RowMapper, Function, ToLongFunction, Function)}, for a table whose
     * insert writes one row and no lookup rows: a batch of records is inserted set-based by {@code insertAll} (the
     * rows at version 1, one JDBC batch), then given their versions in one more.
     */
    static <T> JdbcArchive<T> versioned(Jdbc jdbc, String table, Jdbc.RowMapper<T> map, Function<T, Object> id,
                                        ToLongFunction<T> version, Function<T, T> insert, RestoreAll<T> insertAll) {
        return versioned(jdbc, table, "1 = 1", map, id, version, insert, Objects.requireNonNull(insertAll));
    }

    private static <T> JdbcArchive<T> versioned(Jdbc jdbc, String table, String rows, Jdbc.RowMapper<T> map,
                                                Function<T, Object> id, ToLongFunction<T> version,
                                                Function<T, T> insert, RestoreAll<T> insertAll) {
        String setVersion = jdbc.sql("UPDATE {" + table + "} SET version = ? WHERE id = ?");
        Function<T, Object> idOf = r -> uuid(id.apply(r).toString());
        Restore<T> insertOne = (c, r) -> {
            T stored = insert.apply(r);
            if (!id.apply(stored).equals(id.apply(r))) {
                throw ValidationException.of("id", "unique", table + " " + id.apply(r)
                        + " shares a unique key with " + id.apply(stored));
            }
        };
        return new JdbcArchive<T>(jdbc, table, "SELECT * FROM {" + table + "} WHERE " + rows, "id > ?", "id",
                "id = ?", map, r -> id.apply(r).toString(), k -> new Object[]{uuid(k)}, k -> new Object[]{uuid(k)},
                (c, r) -> {
                    insertOne.restore(c, r);
                    jdbc.update(c, setVersion, version.applyAsLong(r), idOf.apply(r));
                }, jdbc.sql("SELECT id AS stored_key FROM {" + table + "} WHERE id IN ("), (c, all) -> {
                    if (insertAll != null) {
                        insertAll.restoreAll(c, all);
                    } else {
                        for (T r : all) {
                            insertOne.restore(c, r);
                        }
                    }
                    jdbc.batch(c, setVersion, all, r -> new Object[]{version.applyAsLong(r), idOf.apply(r)});
                });
    }

    /** The UUID of a key that is an id. */
    static UUID uuid(String key) {
        try {
            return UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an id: '" + key + "'", e);
        }
    }

    /** Pages of a small table read whole and ordered in Java (custom field schemas: one row per record type). */
    static <T> List<T> smallPage(List<T> all, Function<T, String> key, Optional<String> after, int limit) {
        List<T> out = new ArrayList<>(all);
        out.sort((a, b) -> Archive.compareKeys(key.apply(a), key.apply(b)));
        return out.stream().filter(r -> after.isEmpty() || Archive.compareKeys(key.apply(r), after.get()) > 0)
                .limit(limit)
                .toList();
    }
}
