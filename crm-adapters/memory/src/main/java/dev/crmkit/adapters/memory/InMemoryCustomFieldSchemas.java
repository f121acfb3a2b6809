package dev.crmkit.adapters.memory;

import dev.crmkit.core.customfield.CustomFieldSchema;
import dev.crmkit.core.customfield.CustomFieldSchemas;
import dev.crmkit.core.kernel.RecordType;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** Custom field schemas in memory, one per record type. Thread-safe. */
final class InMemoryCustomFieldSchemas implements CustomFieldSchemas {

    private final InMemoryTransactions tx;
    private final Map<RecordType, CustomFieldSchema> schemas = new EnumMap<>(RecordType.class);

    InMemoryCustomFieldSchemas(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public CustomFieldSchema schemaFor(RecordType recordType) {
        Objects.requireNonNull(recordType, "recordType");
        return tx.read(() -> saved(recordType));
    }

    /**
     * The saved schema, else an empty one, built only then: every capture asks for the lead schema, and
     * {@code getOrDefault} built (and validated) an empty schema each time even when one was saved.
     */
    private CustomFieldSchema saved(RecordType recordType) {
        CustomFieldSchema schema = schemas.get(recordType);
        return schema != null ? schema : CustomFieldSchema.empty(recordType);
    }

    @Override
    public void save(CustomFieldSchema schema) {
        Objects.requireNonNull(schema, "schema");
        tx.run(() -> {
            CustomFieldSchema before = schemas.put(schema.recordType(), schema);
            tx.onRollback(() -> {
                if (before == null) {
                    schemas.remove(schema.recordType());
                } else {
                    schemas.put(schema.recordType(), before);
                }
            });
        });
    }

    /** The archive of the saved schemas, keyed by record type name: export and restore only. */
    MemoryArchive<CustomFieldSchema> archive() {
        return new MemoryArchive<>(tx, "custom field schema", (after, limit) -> KeyOrder.after(schemas.values(),
                s -> s.recordType().name(), after, limit), s -> s.recordType().name(),
                k -> schemas.containsKey(RecordType.valueOf(k)), this::save);
    }
}
