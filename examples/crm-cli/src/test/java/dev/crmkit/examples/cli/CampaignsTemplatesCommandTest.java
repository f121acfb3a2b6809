package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code crm campaigns templates save|list|preview} on an H2 file store. */
class CampaignsTemplatesCommandTest {

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("crm");
    }

    private static JsonNode find(JsonNode templates, String name, String language) {
        for (JsonNode t : templates) {
            if (t.get("name").asText().equals(name) && t.get("language").asText().equals(language)) {
                return t;
            }
        }
        throw new AssertionError("no template " + name + "/" + language + " in " + templates);
    }

    @Test
    void save_thenListAndPreviewWithTheSampleRecord_perLanguageWithFallback() throws IOException {
        String url = url();
        CliRun saved = CliRun.crm("campaigns", "templates", "save", "birthday", "--language", "de", "--subject",
                "Für {{first_name}}", "--body", "Gültig bis {{valid_until}}.", "--jdbc-url", url, "--format", "json");
        Path body = Files.writeString(dir.resolve("body.txt"), "Hi {{first_name}} {{last_name}}!\n",
                StandardCharsets.UTF_8);
        CliRun again = CliRun.crm("campaigns", "templates", "save", "birthday", "--language", "de", "--subject",
                "Alles Gute, {{first_name}}", "--body-file", body.toString(), "--jdbc-url", url, "--format", "json");

        assertEquals(0, saved.exitCode(), saved.toString());
        assertEquals(1, saved.json().get("version").asInt());
        assertEquals(0, again.exitCode(), again.toString());
        assertEquals(2, again.json().get("version").asInt(), "the next version");

        CliRun listed = CliRun.crm("campaigns", "templates", "list", "--jdbc-url", url, "--format", "json");
        assertEquals(0, listed.exitCode(), listed.toString());
        assertEquals(2, find(listed.json().get("templates"), "birthday", "de").get("version").asInt());
        assertEquals(0, find(listed.json().get("templates"), "birthday", "").get("version").asInt(), "built in");

        // de-AT falls back to the stored de version, rendered with the sample record (Anna Berg)
        CliRun austrian = CliRun.crm("campaigns", "templates", "preview", "birthday", "--language", "de-AT",
                "--jdbc-url", url, "--format", "json");
        assertEquals(0, austrian.exitCode(), austrian.toString());
        assertEquals("de", austrian.json().get("language").asText());
        assertEquals("Alles Gute, Anna", austrian.json().get("subject").asText());
        assertEquals("Hi Anna Berg!\n", austrian.json().get("body").asText());
        // French has none of its own: the fallback
        CliRun french = CliRun.crm("campaigns", "templates", "preview", "birthday", "--language", "fr",
                "--jdbc-url", url);
        assertEquals(0, french.exitCode(), french.toString());
        assertTrue(french.out().contains("(fallback)"), french.out());
        assertTrue(french.out().contains("Subject: Happy birthday, Anna!"), french.out());
    }

    @Test
    void save_refusesUnknownVariablesAndBadSyntax_namingTheFieldAndRule_andStoresNothing() {
        String url = url();
        CliRun unknown = CliRun.crm("campaigns", "templates", "save", "birthday", "--subject",
                "Your coupon {{coupon}}", "--body", "Hello", "--jdbc-url", url);
        CliRun syntax = CliRun.crm("campaigns", "templates", "save", "birthday", "--subject", "Hello",
                "--body", "{{#first_name}}never closed", "--jdbc-url", url);
        CliRun both = CliRun.crm("campaigns", "templates", "save", "birthday", "--subject", "Hi {{coupon}}",
                "--body", "{{#first_name}}never closed", "--jdbc-url", url);
        CliRun badName = CliRun.crm("campaigns", "templates", "save", "Birthday Offer", "--subject", "Hello",
                "--body", "x", "--jdbc-url", url);
        CliRun noBody = CliRun.crm("campaigns", "templates", "save", "birthday", "--subject", "Hello",
                "--jdbc-url", url);
        CliRun missing = CliRun.crm("campaigns", "templates", "preview", "nothing-like-it", "--jdbc-url", url);

        assertEquals(2, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("--subject: the template is not valid, nothing stored: subject breaks "
                + "rule known-variable: uses 'coupon'"), unknown.err());
        assertEquals(2, syntax.exitCode(), syntax.toString());
        assertTrue(syntax.err().contains("--body: the template is not valid, nothing stored: body breaks rule "
                + "template-syntax"), syntax.err());
        assertEquals(2, both.exitCode(), both.toString());
        assertTrue(both.err().contains("subject breaks rule known-variable: uses 'coupon'"), both.err());
        assertTrue(both.err().contains("; also body breaks rule template-syntax"), both.err());
        assertEquals(2, badName.exitCode(), badName.toString());
        assertTrue(badName.err().contains("NAME: the template is not valid, nothing stored: name breaks rule format"),
                badName.err());
        assertEquals(2, noBody.exitCode(), noBody.toString());
        assertEquals(2, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("no template 'nothing-like-it'"), missing.err());
        for (CliRun run : java.util.List.of(unknown, syntax, both, badName, noBody, missing)) {
            assertFalse(run.err().contains("Exception"), run.err());
        }

        CliRun listed = CliRun.crm("campaigns", "templates", "list", "--jdbc-url", url, "--format", "json");
        for (JsonNode t : listed.json().get("templates")) {
            assertEquals(0, t.get("version").asInt(), "nothing stored: " + t);
        }
    }
}
