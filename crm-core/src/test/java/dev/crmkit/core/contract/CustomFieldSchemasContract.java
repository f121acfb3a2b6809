package dev.crmkit.core.contract;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.customfield.CustomFieldSchema;
import dev.crmkit.core.customfield.CustomFieldSchemas;
import dev.crmkit.core.customfield.FieldDefinition;
import dev.crmkit.core.customfield.FieldType;
import dev.crmkit.core.kernel.RecordType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The contract every {@link CustomFieldSchemas} store passes: one schema per record type, empty until saved, replaced
 * by each save, read back exactly. Extend it with a class that returns a fresh, empty store.
 */
public abstract class CustomFieldSchemasContract {

    /** A fresh, empty store; called before every test. */
    protected abstract CrmStore newStore();

    private CustomFieldSchemas schemas;

    @BeforeEach
    void createStore() {
        schemas = newStore().customFieldSchemas();
    }

    @Test
    void schemaFor_nothingSaved_isTheEmptySchemaOfThatType() {
        for (RecordType type : RecordType.values()) {
            assertEquals(CustomFieldSchema.empty(type), schemas.schemaFor(type), type.name());
        }
    }

    @Test
    void save_everyFieldType_readsBackEqual() {
        CustomFieldSchema schema = Fixtures.schemaWithEveryFieldType(RecordType.LEAD);

        schemas.save(schema);

        assertEquals(schema, schemas.schemaFor(RecordType.LEAD));
    }

    @Test
    void save_again_replacesThePreviousSchema() {
        schemas.save(Fixtures.schemaWithEveryFieldType(RecordType.CONTACT));
        CustomFieldSchema smaller = CustomFieldSchema.of(RecordType.CONTACT,
                FieldDefinition.optional("shoe_size", FieldType.NUMBER));

        schemas.save(smaller);

        assertEquals(smaller, schemas.schemaFor(RecordType.CONTACT));
    }

    @Test
    void save_emptySchema_removesEveryField() {
        schemas.save(Fixtures.schemaWithEveryFieldType(RecordType.DEAL));

        schemas.save(CustomFieldSchema.empty(RecordType.DEAL));

        assertEquals(CustomFieldSchema.empty(RecordType.DEAL), schemas.schemaFor(RecordType.DEAL));
    }

    @Test
    void save_oneRecordType_leavesTheOthersAlone() {
        CustomFieldSchema contacts = Fixtures.schemaWithEveryFieldType(RecordType.CONTACT);
        CustomFieldSchema companies = CustomFieldSchema.of(RecordType.COMPANY,
                FieldDefinition.required("vat_id", FieldType.TEXT));

        schemas.save(contacts);
        schemas.save(companies);

        assertEquals(contacts, schemas.schemaFor(RecordType.CONTACT));
        assertEquals(companies, schemas.schemaFor(RecordType.COMPANY));
        assertEquals(CustomFieldSchema.empty(RecordType.LEAD), schemas.schemaFor(RecordType.LEAD));
        assertEquals(CustomFieldSchema.empty(RecordType.DEAL), schemas.schemaFor(RecordType.DEAL));
    }

    @Test
    void save_fieldOrder_isKept() {
        CustomFieldSchema schema = CustomFieldSchema.of(RecordType.COMPANY,
                FieldDefinition.optional("zeta", FieldType.TEXT),
                FieldDefinition.optional("alpha", FieldType.DATE),
                FieldDefinition.optional("mid", FieldType.BOOLEAN));

        schemas.save(schema);

        assertEquals(List.of("zeta", "alpha", "mid"),
                schemas.schemaFor(RecordType.COMPANY).fields().stream().map(FieldDefinition::key).toList());
    }
}
