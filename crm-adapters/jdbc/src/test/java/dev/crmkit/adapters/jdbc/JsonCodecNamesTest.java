package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.customfield.FieldValue;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

/**
 * The JDBC store's JSON codec reads member names as plain strings: a lead's {@code external_id_fingerprints} is keyed
 * by its external ids, unique to each lead, and every lead a bulk chunk reads back parses one. Jackson's canonical
 * names would add each such key to its shared name table (copying the table first) and intern it in the JVM's string
 * table, which then grows with the store. Checked through the identity of the key read: an interned key is the one
 * instance the string table holds for its text. Not timed.
 */
class JsonCodecNamesTest {

    @Test
    void aMapKeyedByExternalIds_isReadWithoutInterningItsKeys() {
        JsonCodec codec = new JsonCodec();
        String key = "sub-47110815";
        String canonical = key.intern(); // a constant: the string table's one instance of that text
        Map<String, String> fingerprints = new LinkedHashMap<>();
        fingerprints.put(key, "3f2a");
        fingerprints.put("sub-2", "9c1d");

        Map<String, String> read = codec.stringMap(codec.stringMap(fingerprints));

        assertEquals(Map.of(key, "3f2a", "sub-2", "9c1d"), read);
        String readKey = read.keySet().stream().filter(key::equals).findFirst().orElseThrow();
        assertNotSame(canonical, readKey, "the key read was interned (Jackson's canonical names are on)");
    }

    @Test
    void documentsWithFixedNames_stillReadBackExactly() {
        JsonCodec codec = new JsonCodec();
        CustomFields fields = new CustomFields(Map.of("product", new FieldValue.Text("crm-pro")));

        assertEquals(fields, codec.customFields(codec.customFields(fields)));
        assertEquals(List.of("a", "b"), codec.strings(codec.strings(List.of("a", "b"))));
    }
}
