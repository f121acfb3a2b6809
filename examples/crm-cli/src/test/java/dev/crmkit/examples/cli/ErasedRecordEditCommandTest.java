package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code crm lead edit} and {@code crm contact edit} of a person erased by {@code crm privacy erase}: refused, exit 1,
 * one line naming the record and the rule {@code erased}; the store unchanged, the edit's values nowhere.
 */
class ErasedRecordEditCommandTest {

    @TempDir
    Path dir;

    private CliRun crm(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--as-of", CliRun.AS_OF, "--jdbc-url", "jdbc:h2:file:" + dir.resolve("crm")));
        return CliRun.crm(all.toArray(String[]::new));
    }

    /**
     * The store's tables, the contact's name keys left out: every open of the store fills the keys an erasure set to
     * NULL ({@code CrmSchema.migrate}'s name-key fill; from the empty name, so {@code ''}), which is no edit.
     */
    private String dump() {
        return StoreDump.h2(dir.resolve("crm")).replaceAll("(nickname_key|name_key)=[^|\\n]*", "$1=");
    }

    @Test
    void editsOfAnErasedLeadAndContact_areRefusedNamingTheRecordAndTheRule_exit1_storeUnchanged() {
        CliRun captured = crm("capture", "Zeborah", "Quillfeather", "--email", "zeborah.q@example.org", "--phone",
                "030 901820", "--format", "json");
        assertEquals(0, captured.exitCode(), captured.toString());
        JsonNode json = captured.json();
        String lead = json.get("lead").asText();
        String contact = json.get("contact").asText();
        CliRun erased = crm("privacy", "erase", "zeborah.q@example.org", "--reason", "asked by letter",
                "--salt-file", dir.resolve("salt").toString());
        assertEquals(0, erased.exitCode(), erased.toString());
        String before = dump();

        CliRun leadEdit = crm("lead", "edit", lead, "--first-name", "Zelda", "--email", "zelda.smyth@example.net");
        assertEquals(1, leadEdit.exitCode(), leadEdit.toString());
        assertTrue(leadEdit.err().contains("leadId") && leadEdit.err().contains("erased")
                && leadEdit.err().contains(lead), leadEdit.err());
        assertEquals("", leadEdit.out());

        CliRun contactEdit = crm("contact", "edit", contact, "--first-name", "Zelda", "--email",
                "zelda.smyth@example.net");
        assertEquals(1, contactEdit.exitCode(), contactEdit.toString());
        assertTrue(contactEdit.err().contains("contactId") && contactEdit.err().contains("erased")
                && contactEdit.err().contains(contact), contactEdit.err());
        assertEquals("", contactEdit.out());

        String after = dump();
        assertEquals(before, after, "nothing written");
        assertFalse(after.contains("Zelda") || after.contains("zelda.smyth"), "the edit's values are nowhere");
    }
}
