package dev.crmkit.adapters.jdbc;

import dev.crmkit.kit.archive.RestoreLog;

import java.util.Objects;
import java.util.Optional;

/** The restore progress in the table {@code restore_progress}, written in the running unit of work. Thread-safe. */
final class JdbcRestoreLog implements RestoreLog {

    private final Jdbc jdbc;
    private final String begun;
    private final String select;
    private final String update;
    private final String insert;

    JdbcRestoreLog(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.begun = jdbc.sql("SELECT 1 FROM {restore_progress} WHERE export_id = ? LIMIT 1");
        this.select = jdbc.sql("SELECT last_key FROM {restore_progress} WHERE export_id = ? AND record_type = ?");
        this.update = jdbc.sql("UPDATE {restore_progress} SET last_key = ? WHERE export_id = ? AND record_type = ?");
        this.insert = jdbc.sql("INSERT INTO {restore_progress} (last_key, export_id, record_type) VALUES (?, ?, ?)");
    }

    @Override
    public boolean begun(String export) {
        Objects.requireNonNull(export, "export");
        return jdbc.tx.read(c -> jdbc.one(c, begun, rs -> 1, export).isPresent());
    }

    @Override
    public Optional<String> lastKey(String export, String recordType) {
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(recordType, "recordType");
        return jdbc.tx.read(c -> jdbc.one(c, select, rs -> rs.getString(1), export, recordType));
    }

    @Override
    public void advance(String export, String recordType, String lastKey) {
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(lastKey, "lastKey");
        jdbc.tx.write(c -> {
            if (jdbc.update(c, update, lastKey, export, recordType) == 0) {
                jdbc.update(c, insert, lastKey, export, recordType);
            }
            return null;
        });
    }
}
