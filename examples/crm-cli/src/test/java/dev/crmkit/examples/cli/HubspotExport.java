package dev.crmkit.examples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A small seeded export in the shape docs/migration/hubspot-mapping.json maps: five CSV files with good rows and a
 * known set of bad ones (each with the line, field and rule the migration must reject it with), hostile text
 * included. Written by the tests, never committed.
 */
final class HubspotExport {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final String[] STAGES = {"Appointment Scheduled", "Qualified To Buy", "Presentation Scheduled",
        "Decision Maker Bought-In", "Contract Sent", "Closed Won", "Closed Lost"};

    /** A row the migration must reject. */
    record Bad(String file, long line, String sourceId, String field, String rule) {
    }

    final List<Bad> bad = new ArrayList<>();
    /** Good rows per file (what a first run creates, merges included). */
    final Map<String, Integer> good = new LinkedHashMap<>();
    /** Source id of a row to its creation time, as written (New York local time). */
    final Map<String, LocalDateTime> created = new LinkedHashMap<>();
    /** The e-mail of a contact the store holds before the migration; one contact row carries it. */
    static final String EXISTING_EMAIL = "existing.person@example.com";
    /** The source id of the contact row that is merged into the existing contact. */
    static final String MERGED_CONTACT = "2099";

    private final SplittableRandom random;
    private final LocalDateTime start = LocalDateTime.of(2023, 1, 2, 9, 0);

    private HubspotExport(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Writes the export into the folder. */
    static HubspotExport write(Path dir, long seed) throws IOException {
        HubspotExport e = new HubspotExport(seed);
        e.companies(dir);
        e.contacts(dir);
        e.deals(dir);
        e.activities(dir);
        e.tasks(dir);
        return e;
    }

    private String time(String id) {
        LocalDateTime t = start.plusMinutes(random.nextInt(600 * 24 * 60));
        created.put(id, t);
        return TIME.format(t);
    }

    private void companies(Path dir) throws IOException {
        Csv csv = new Csv("companies.csv", "Record ID", "Company name", "Company Domain Name", "Create Date");
        for (int i = 1; i <= 5; i++) {
            String id = "10" + i;
            csv.row(id, "Company " + i + (i == 3 ? " \"Quoted\"; Ünïcode 😀" : ""), "company" + i + ".example",
                    time(id));
        }
        bad.add(new Bad(csv.name, csv.row("106", "", "nameless.example", time("106")), "106", "name", "required"));
        good.put(csv.name, 5);
        csv.write(dir);
    }

    private void contacts(Path dir) throws IOException {
        Csv csv = new Csv("contacts.csv", "Record ID", "First Name", "Last Name", "Email", "Phone Number",
                "Associated Company ID", "Contact owner", "Create Date");
        for (int i = 1; i <= 10; i++) {
            String id = "20" + (10 + i);
            csv.row(id, "First" + i, "Last" + i, "person" + i + "@example.com", i <= 3 ? "+1 212 555 01" + (10 + i)
                    : "", "10" + (1 + i % 5), i % 2 == 0 ? "ann" : "", time(id));
        }
        csv.row(MERGED_CONTACT, "Existing", "Person", EXISTING_EMAIL, "", "101", "", time(MERGED_CONTACT));
        bad.add(new Bad(csv.name, csv.row("2090", "Bad", "Mail", "not-an-email", "", "", "", time("2090")), "2090",
                "email", "format"));
        bad.add(new Bad(csv.name, csv.row("2091", "No", "Company", "nocompany@example.com", "", "106", "",
                time("2091")), "2091", "company", "reference"));
        bad.add(new Bad(csv.name, csv.row("2011", "Twice", "Listed", "twice@example.com", "", "", "", time("2011x")),
                "2011", "id", "unique"));
        good.put(csv.name, 11);
        csv.write(dir);
    }

    private void deals(Path dir) throws IOException {
        Csv csv = new Csv("deals.csv", "Record ID", "Deal Name", "Deal Stage", "Amount", "Close Date",
                "Associated Contact ID", "Associated Company ID", "Deal owner", "Create Date",
                "Last Stage Change Date");
        for (int i = 1; i <= 8; i++) {
            String id = "30" + i;
            String createdAt = time(id);
            String entered = TIME.format(created.get(id).plusDays(1 + random.nextInt(30)));
            csv.row(id, "Deal " + i, STAGES[i % STAGES.length], random.nextInt(100_000) + "." + (10 + i),
                    "2025-0" + (1 + i % 9) + "-15", "20" + (10 + i), "10" + (1 + i % 5), "bob", createdAt, entered);
        }
        bad.add(new Bad(csv.name, csv.row("390", "Odd stage", "Negotiating Hard", "10", "", "2011", "", "", time("390"),
                ""), "390", "stage", "value-map"));
        bad.add(new Bad(csv.name, csv.row("391", "Comma amount", "Closed Won", "12,50", "", "", "101", "",
                time("391"), ""), "391", "amount", "format"));
        bad.add(new Bad(csv.name, csv.row("392", "Slashed date", "Closed Won", "", "", "", "101", "", "2024/01/02",
                ""), "392", "createdAt", "date-format"));
        good.put(csv.name, 8);
        csv.write(dir);
    }

    private void activities(Path dir) throws IOException {
        Csv csv = new Csv("activities.csv", "Activity ID", "Activity Type", "Subject", "Body", "Direction",
                "Activity Date", "Create Date", "Associated Contact ID", "Associated Company ID",
                "Associated Deal ID", "Activity assigned to");
        String[] types = {"Call", "Meeting", "Email", "Note"};
        for (int i = 1; i <= 12; i++) {
            String id = "40" + (10 + i);
            String occurred = time(id);
            csv.row(id, types[i % 4], "Subject " + i, i == 5 ? "line 1\nline 2 \"quoted\", comma" : "body " + i,
                    i % 4 == 0 ? "" : (i % 2 == 0 ? "Inbound" : "Outbound"), occurred,
                    TIME.format(created.get(id).plusMinutes(5)), "20" + (10 + i % 10 + 1),
                    i % 3 == 0 ? "10" + (1 + i % 5) : "", i % 4 == 1 ? "30" + (1 + i % 8) : "", "ann");
        }
        bad.add(new Bad(csv.name, csv.row("4090", "Fax", "Faxed", "", "", time("4090"), "", "2011", "", "", ""),
                "4090", "type", "value-map"));
        bad.add(new Bad(csv.name, csv.row("4091", "Note", "About nothing", "", "", time("4091"), "", "", "", "", ""),
                "4091", "about", "required"));
        good.put(csv.name, 12);
        csv.write(dir);
    }

    private void tasks(Path dir) throws IOException {
        Csv csv = new Csv("tasks.csv", "Task ID", "Task Title", "Due Date", "Assigned to", "Task Status",
                "Completed at", "Create Date", "Associated Contact ID", "Associated Deal ID");
        String[] statuses = {"NOT_STARTED", "COMPLETED", "IN_PROGRESS", "DEFERRED"};
        for (int i = 1; i <= 6; i++) {
            String id = "50" + i;
            String createdAt = time(id);
            LocalDateTime due = created.get(id).plusDays(3);
            String status = statuses[i % 4];
            csv.row(id, "Follow up " + i, TIME.format(due), i % 2 == 0 ? "carol" : "", status,
                    status.equals("COMPLETED") ? TIME.format(due.minusHours(2)) : "", createdAt,
                    "20" + (10 + i), i % 2 == 1 ? "30" + i : "");
        }
        bad.add(new Bad(csv.name, csv.row("590", "No due date", "", "", "NOT_STARTED", "", time("590"), "2011", ""),
                "590", "due", "required"));
        good.put(csv.name, 6);
        csv.write(dir);
    }

    /** A CSV file being written: every value quoted, and the physical line each row starts on counted. */
    private static final class Csv {
        private final String name;
        private final StringBuilder text = new StringBuilder();
        private long nextLine = 1;

        Csv(String name, String... header) {
            this.name = name;
            row(header);
        }

        /** Appends a row and answers the line it starts on. */
        long row(String... values) {
            long line = nextLine;
            for (int i = 0; i < values.length; i++) {
                text.append(i == 0 ? "" : ",").append('"').append(values[i].replace("\"", "\"\"")).append('"');
                nextLine += values[i].chars().filter(c -> c == '\n').count();
            }
            text.append("\r\n");
            nextLine++;
            return line;
        }

        void write(Path dir) throws IOException {
            Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        }
    }
}
