package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CampaignsPreviewCommandTest {

    private static final String HEADER = "id,first_name,last_name,email,phone,birthday,consent,language\n";

    @TempDir
    Path dir;

    private Path contacts(String rows) throws IOException {
        return Files.writeString(dir.resolve("contacts.csv"), HEADER + rows);
    }

    private Path orders(String rows) throws IOException {
        return Files.writeString(dir.resolve("orders.csv"), "customer_id,date,amount\n" + rows);
    }

    private static List<String> due(JsonNode json) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : json.get("due")) {
            out.add(m.get("contact").asText() + " " + m.get("campaign").asText() + " " + m.get("step").asInt() + " "
                    + m.get("sendOn").asText() + " " + m.get("validUntil").asText());
        }
        return out;
    }

    @Test
    void preview_birthdayAndWinBack_listsWhatIsDueOnTheDayWithConsentOnly() throws IOException {
        Path contacts = contacts("""
                c1,Anna,Berg,anna@example.com,,1980-03-10,yes,de
                c2,Ben,Cole,ben@example.com,,1975-03-10,no,en
                c3,Cleo,Dahl,cleo@example.com,,,yes,en
                c4,Dan,Eck,dan@example.com,,1990-07-01,YES,en
                """);
        Path orders = orders("""
                c3,2024-06-03,10.00
                c3,2025-06-03,12.50
                c4,2025-06-03,20.00
                c2,2025-06-03,20.00
                c3,2026-03-04,5.00
                """);

        CliRun run = CliRun.crm("campaigns", "preview", "--contacts", contacts.toString(), "--orders",
                orders.toString(), "--as-of", "2026-03-03", "--format", "json");

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(List.of("c1 birthday 1 2026-03-03 2026-03-10", "c3 win-back 1 2026-03-03 2026-06-02",
                "c4 win-back 1 2026-03-03 2026-06-02"), due(run.json()));
        assertEquals(4, run.json().get("contactCount").asInt());
    }

    @Test
    void preview_winBack_laterStepsAndNoneOnceLost() throws IOException {
        Path contacts = contacts("c1,Anna,Berg,,,,yes,de\n");
        Path orders = orders("c1,2023-01-15,10.00\n");

        assertEquals(List.of("c1 win-back 2 2024-01-15 2024-04-14"), due(CliRun.crm("campaigns", "preview",
                "--contacts", contacts.toString(), "--orders", orders.toString(), "--as-of", "2024-01-15",
                "--format", "json").json()));
        assertEquals(List.of("c1 win-back 9 2025-10-15 2026-01-14"), due(CliRun.crm("campaigns", "preview",
                "--contacts", contacts.toString(), "--orders", orders.toString(), "--as-of", "2025-10-15",
                "--format", "json").json()));
        assertEquals(List.of(), due(CliRun.crm("campaigns", "preview", "--contacts", contacts.toString(),
                "--orders", orders.toString(), "--as-of", "2026-01-15", "--format", "json").json()));
    }

    @Test
    void preview_leapDayBirthday_isSentForThe28thInOtherYears() throws IOException {
        Path contacts = contacts("c1,Lea,Pf,,,2000-02-29,yes,de\n");

        assertEquals(List.of("c1 birthday 1 2027-02-21 2027-02-28"), due(CliRun.crm("campaigns", "preview",
                "--contacts", contacts.toString(), "--as-of", "2027-02-21", "--format", "json").json()));
        assertEquals(List.of("c1 birthday 1 2028-02-22 2028-02-29"), due(CliRun.crm("campaigns", "preview",
                "--contacts", contacts.toString(), "--as-of", "2028-02-22", "--format", "json").json()));
    }

    @Test
    void preview_text_countsAndListsTheMessages() throws IOException {
        Path contacts = contacts("c1,Anna,Berg,,,1980-03-10,yes,de\nc2,Ben,Cole,,,1980-03-11,yes,de\n");

        CliRun run = CliRun.crm("campaigns", "preview", "--contacts", contacts.toString(), "--as-of", "2026-03-03");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("1 message due on 2026-03-03 for 2 contacts"), run.out());
        assertTrue(run.out().contains("c1") && run.out().contains("birthday") && !run.out().contains("c2"),
                run.out());
    }

    @Test
    void preview_badConsent_namesTheFileLineAndColumn() throws IOException {
        Path contacts = contacts("c1,Anna,Berg,,,1980-03-10,yes,de\nc2,Ben,Cole,,,1980-03-11,maybe,de\n");

        CliRun run = CliRun.crm("campaigns", "preview", "--contacts", contacts.toString(), "--as-of", "2026-03-03");

        assertEquals(1, run.exitCode(), run.toString());
        assertEquals("crm: " + contacts + " line 3, column consent: 'maybe' is neither yes nor no", run.err().strip());
    }

    @Test
    void preview_badBirthdayRepeatedIdOrMissingColumn_failsClearly() throws IOException {
        Path contacts = contacts("c1,Anna,Berg,,,1980-02-30,yes,de\n");
        CliRun badDate = CliRun.crm("campaigns", "preview", "--contacts", contacts.toString(), "--as-of",
                "2026-03-03");
        assertEquals(1, badDate.exitCode(), badDate.toString());
        assertTrue(badDate.err().contains("line 2, column birthday: '1980-02-30' is not an ISO date"),
                badDate.err());

        contacts = contacts("c1,Anna,Berg,,,,yes,de\nc1,Ann,Berg,,,,no,de\n");
        CliRun repeated = CliRun.crm("campaigns", "preview", "--contacts", contacts.toString(), "--as-of",
                "2026-03-03");
        assertTrue(repeated.err().contains("line 3, column id: 'c1' is already the id of line 2"), repeated.err());

        Path noConsent = Files.writeString(dir.resolve("nc.csv"), "id,birthday\nc1,1980-01-01\n");
        CliRun missing = CliRun.crm("campaigns", "preview", "--contacts", noConsent.toString(), "--as-of",
                "2026-03-03");
        assertEquals(1, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("has no column consent"), missing.err());
    }

    @Test
    void preview_badOrdersFile_failsNamingTheOrdersLine() throws IOException {
        Path contacts = contacts("c1,Anna,Berg,,,,yes,de\n");
        Path orders = orders("c1,2025-13-01,10.00\n");

        CliRun run = CliRun.crm("campaigns", "preview", "--contacts", contacts.toString(), "--orders",
                orders.toString(), "--as-of", "2026-03-03");

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains(orders + " line 2, column date"), run.err());
    }

    @Test
    void campaigns_withoutACommand_isABadArgument() {
        CliRun run = CliRun.crm("campaigns");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("a command is required: preview"), run.err());
    }
}
