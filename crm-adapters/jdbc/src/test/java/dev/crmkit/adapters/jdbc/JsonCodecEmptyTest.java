package dev.crmkit.adapters.jdbc;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.customfield.FieldValue;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link JsonCodec}'s custom fields and string maps without values skip Jackson's node writer and reader, and must
 * write exactly what it wrote for them: the rows of stores written before keep comparing equal, and an export of a
 * store is byte-identical whichever version of crmkit wrote its rows (the export round trip).
 */
class JsonCodecEmptyTest {

    private final JsonCodec json = new JsonCodec();

    @Test
    void noCustomFieldsAndNoStrings_writeWhatTheNodeWriterWrote_andReadBackEmpty() {
        String nodeWriter = JsonNodeFactory.instance.objectNode().toString();

        assertEquals(nodeWriter, json.customFields(CustomFields.empty()));
        assertEquals(nodeWriter, json.stringMap(Map.of()));
        assertEquals(CustomFields.empty(), json.customFields(json.customFields(CustomFields.empty())));
        assertTrue(json.stringMap(json.stringMap(Map.of())).isEmpty());
    }

    @Test
    void noStringsInAList_writeWhatTheyWrote_andReadBackEmpty_withoutAParser() {
        assertEquals(JsonCodec.EMPTY_ARRAY, json.strings(List.of()));
        assertEquals(JsonNodeFactory.instance.arrayNode().toString(), json.strings(List.of()));
        assertEquals(List.of(), json.strings(json.strings(List.of())));
        assertEquals(List.of(), json.strings("[ ]"), "other spellings still go through the parser");
        assertEquals(List.of("[]"), json.strings(json.strings(List.of("[]"))));
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        int calls = 20_000;
        long sizes = 0;
        for (int i = 0; i < calls; i++) { // warm up
            sizes += json.strings(JsonCodec.EMPTY_ARRAY).size();
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < calls; i++) {
            sizes += json.strings(JsonCodec.EMPTY_ARRAY).size();
        }
        long perCall = (threads.getCurrentThreadAllocatedBytes() - before) / calls;
        assertEquals(0, sizes);
        assertTrue(perCall < 64, () -> "no strings read with Jackson's parser: " + perCall + " B a read");
    }

    @Test
    void strings_ofAnEmptyArray_isANewMutableListOnEveryRead() {
        List<String> first = json.strings(JsonCodec.EMPTY_ARRAY);
        List<String> second = json.strings(JsonCodec.EMPTY_ARRAY);
        assertNotSame(first, second, "each read is the caller's own list, as the parser's path gives");

        first.add("x");
        assertEquals(List.of("x"), first);
        assertEquals(List.of(), second);
        assertEquals(List.of(), json.strings(JsonCodec.EMPTY_ARRAY), "a caller's change is in no later read");
        List<String> parsed = json.strings("[\"a\"]");
        parsed.add("x");
        assertEquals(List.of("a", "x"), parsed, "the parser's path: mutable as well");
    }

    @Test
    void valuesStillGoThroughTheNodes_andComeBackEqual() {
        CustomFields fields = new CustomFields(Map.of("size", new FieldValue.Text("{}")));
        Map<String, String> strings = Map.of("{}", "{}");

        assertEquals(fields, json.customFields(json.customFields(fields)));
        assertEquals(strings, json.stringMap(json.stringMap(strings)));
        assertEquals("{\"{}\":\"{}\"}", json.stringMap(strings));
    }
}
