package dev.crmkit.adapters.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.crmkit.core.customfield.CustomFieldSchema;
import dev.crmkit.core.customfield.CustomFieldSchemas;
import dev.crmkit.core.customfield.FieldDefinition;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.kit.archive.Archive;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Custom field schemas in a relational database, one row per record type with the fields as JSON. Thread-safe. */
final class JdbcCustomFieldSchemas implements CustomFieldSchemas {

    private static final TypeReference<List<FieldDefinition>> FIELDS = new TypeReference<>() {
    };

    private final Jdbc jdbc;
    private final String select;
    private final String update;
    private final String insert;

    JdbcCustomFieldSchemas(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.select = jdbc.sql("SELECT fields FROM {custom_field_schema} WHERE record_type = ?");
        this.update = jdbc.sql("UPDATE {custom_field_schema} SET fields = " + jdbc.dialect.json()
                + " WHERE record_type = ?");
        this.insert = jdbc.sql("INSERT INTO {custom_field_schema} (fields, record_type) VALUES ("
                + jdbc.dialect.json() + ", ?)");
    }

    @Override
    public CustomFieldSchema schemaFor(RecordType recordType) {
        Objects.requireNonNull(recordType, "recordType");
        return jdbc.tx.read(c -> jdbc.one(c, select, rs -> jdbc.dialect.getJson(rs, "fields"), recordType.name()))
                .map(json -> new CustomFieldSchema(recordType, jdbc.json.read(json, FIELDS)))
                .orElseGet(() -> CustomFieldSchema.empty(recordType));
    }

    @Override
    public void save(CustomFieldSchema schema) {
        Objects.requireNonNull(schema, "schema");
        String fields = jdbc.json.write(schema.fields());
        jdbc.tx.write(c -> {
            if (jdbc.update(c, update, fields, schema.recordType().name()) == 0) {
                jdbc.update(c, insert, fields, schema.recordType().name());
            }
            return null;
        });
    }

    /**
     * The archive of the saved schemas, keyed by record type name: export and restore only. The table has one row
     * per record type at most, so a page reads it whole and orders it in Java.
     */
    Archive<CustomFieldSchema> archive() {
        String all = jdbc.sql("SELECT record_type, fields FROM {custom_field_schema}");
        return new Archive<>() {
            @Override
            public List<CustomFieldSchema> after(Optional<String> after, int limit) {
                Archive.checkLimit(limit);
                List<CustomFieldSchema> rows = jdbc.tx.read(c -> jdbc.list(c, all, rs -> new CustomFieldSchema(
                        RecordType.valueOf(rs.getString("record_type")),
                        jdbc.json.read(jdbc.dialect.getJson(rs, "fields"), FIELDS))));
                return JdbcArchive.smallPage(rows, this::key, after, limit);
            }

            @Override
            public String key(CustomFieldSchema schema) {
                return schema.recordType().name();
            }

            @Override
            public boolean contains(String key) {
                RecordType type = RecordType.valueOf(key);
                return jdbc.tx.read(c -> jdbc.one(c, select, rs -> 1, type.name()).isPresent());
            }

            @Override
            public void restore(CustomFieldSchema schema) {
                jdbc.tx.write(c -> {
                    if (contains(key(schema))) {
                        throw new IllegalArgumentException("custom field schema " + key(schema)
                                + " is already stored");
                    }
                    save(schema);
                    return null;
                });
            }
        };
    }
}
