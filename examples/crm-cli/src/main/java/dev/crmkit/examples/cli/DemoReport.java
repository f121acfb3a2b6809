package dev.crmkit.examples.cli;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.task.Agenda;
import dev.crmkit.core.task.Task;
import dev.crmkit.examples.cli.leadimport.ImportTally;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What {@code crm demo} shows, as text for people or as one JSON object. */
final class DemoReport {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    /** More rows recognized by their external id than this are summarized in one line. */
    private static final int LISTED_REPLAYS = 5;

    private final Instant now;
    private final ZoneId zone;
    private final ImportTally tally;
    private final DemoLog log;
    private final StoreState store;
    private final Optional<Contact> contact;
    private final Optional<Lead> lead;
    private final List<Activity> timeline;
    private final String owner;
    private final Agenda agenda;

    /**
     * The store the demo ran on, and what it held before and after.
     *
     * @param description what and where it is
     * @param persistent  whether it keeps data between runs
     * @param before      what it held before the demo's leads
     * @param after       what it holds after them
     */
    record StoreState(String description, boolean persistent, Totals before, Totals after) {
    }

    DemoReport(Instant now, ZoneId zone, ImportTally tally, DemoLog log, StoreState store, Optional<Contact> contact,
               Optional<Lead> lead, List<Activity> timeline, String owner, Agenda agenda) {
        this.now = now;
        this.zone = zone;
        this.tally = tally;
        this.log = log;
        this.store = store;
        this.contact = contact;
        this.lead = lead;
        this.timeline = timeline;
        this.owner = owner;
        this.agenda = agenda;
    }

    void print(PrintWriter out) {
        out.printf("crm demo: %s submitted %s via %s%n", Counted.of(tally.rows(), "lead"),
                log.first().map(f -> "from " + at(f) + " to " + at(log.last().orElseThrow()) + " (" + zone + ")")
                        .orElse(""),
                String.join(", ", log.channels()));
        out.printf("Now it is %s, %s (%s).%n%n", DAY.format(now.atZone(zone)),
                DateTimeFormatter.ofPattern("HH:mm").format(now.atZone(zone)), zone);
        out.printf("Store: %s%n", store.description());
        out.printf("  before  %s%s%n", store.before().text(), store.before().isEmpty() ? ""
                : " (from earlier runs: rows with an external id seen before are \"captured before\", repeats "
                + "fold into those leads)");
        out.printf("  after   %s%n%n", store.after().text());
        out.println("Captured");
        Reports.printCounts(out, tally, Optional.empty());
        out.printf("  companies   %8d  (in the store, from company names and business e-mail domains)%n",
                store.after().companies());
        section(out, "Duplicates");
        for (DemoLog.Folded f : log.folded()) {
            out.printf("  line %3d  %-12s  %-38s -> folded into %s's lead (%s, now %d submissions)%n",
                    f.line(), f.channel(), '"' + f.typed() + '"', f.contact(), f.leadChannel(), f.submissions());
        }
        if (log.recognized().size() > LISTED_REPLAYS) { // a rerun on a kept store: every external id is known
            out.printf("  %s with an external id captured before (lines %s): their leads unchanged%n",
                    Counted.of(log.recognized().size(), "row"), lineRanges(log.recognized().stream().map(DemoLog.Recognized::line)
                            .toList()));
        } else {
            for (DemoLog.Recognized r : log.recognized()) {
                out.printf("  line %3d  %-12s  %-38s -> captured before: %s's lead, unchanged%n", r.line(),
                        r.channel(), "external id " + r.externalId(), r.lead());
            }
        }
        section(out, "Rejected");
        for (DemoLog.Rejection r : log.rejections()) {
            out.printf("  line %3d  %s%n", r.line(), r.reason());
        }
        contact.ifPresent(c -> printTimeline(out, c));
        printAgenda(out);
        out.flush();
    }

    /** {@code 2-3, 5-10, 12} for lines 2, 3, 5, 6, 7, 8, 9, 10, 12. */
    static String lineRanges(List<Long> lines) {
        List<Long> sorted = lines.stream().sorted().distinct().toList();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < sorted.size(); ) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            parts.add(i == j ? sorted.get(i).toString() : sorted.get(i) + "-" + sorted.get(j));
            i = j + 1;
        }
        return String.join(", ", parts);
    }

    private void printTimeline(PrintWriter out, Contact c) {
        section(out, "Timeline of " + c.displayName() + ", newest first");
        lead.ifPresent(l -> out.printf("  (lead from %s, %d submissions, %s)%n", l.source().channel().label(),
                l.submissions(), customFields(l)));
        for (Activity a : timeline) {
            out.printf("  %s  %s%n", at(a.occurredAt()), a.subject());
            for (String line : a.body().split("\\R")) {
                if (!line.isBlank()) {
                    out.printf("  %16s  | %s%n", "", line);
                }
            }
        }
    }

    private static String customFields(Lead l) {
        List<String> parts = new ArrayList<>();
        l.customFields().values().forEach((key, value) -> parts.add(key + " " + value.asText()));
        return parts.isEmpty() ? "no custom fields" : String.join(", ", parts);
    }

    private void printAgenda(PrintWriter out) {
        section(out, "Agenda of " + owner + " on " + DAY.format(now.atZone(zone)) + " (" + zone + ")");
        bucket(out, "Overdue", agenda.overdue());
        bucket(out, "Today", agenda.today());
        bucket(out, "Tomorrow", agenda.tomorrow());
    }

    private void bucket(PrintWriter out, String name, List<Task> tasks) {
        out.printf("  %s (%d)%n", name, tasks.size());
        for (Task t : tasks) {
            out.printf("    due %s  %s%n", at(t.due()), t.title());
        }
    }

    private static void section(PrintWriter out, String title) {
        out.println();
        out.println(title);
    }

    private String at(Instant instant) {
        return DAY_TIME.format(instant.atZone(zone));
    }

    /** The same content as one JSON object. */
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("now", now.toString());
        json.put("zone", zone.toString());
        json.put("store", JsonOutput.object("description", store.description(), "persistent", store.persistent(),
                "before", store.before().json(), "after", store.after().json()));
        json.putAll(Reports.countsJson(tally));
        json.put("companies", store.after().companies());
        json.put("duplicatesFolded", log.folded().stream().map(f -> JsonOutput.object("line", f.line(),
                "channel", f.channel(), "typed", f.typed(), "into", f.contact(), "submissions", f.submissions()))
                .toList());
        json.put("alreadyCapturedRows", log.recognized().stream().map(r -> JsonOutput.object("line", r.line(),
                "channel", r.channel(), "externalId", r.externalId(), "lead", r.lead())).toList());
        json.put("rejections", log.rejections().stream()
                .map(r -> JsonOutput.object("line", r.line(), "reason", r.reason())).toList());
        Map<String, Object> timelineJson = new LinkedHashMap<>();
        timelineJson.put("contact", contact.map(Contact::displayName).orElse(null));
        lead.ifPresent(l -> {
            Map<String, String> fields = new LinkedHashMap<>();
            l.customFields().values().forEach((key, value) -> fields.put(key, value.asText()));
            timelineJson.put("leadCustomFields", fields);
        });
        timelineJson.put("entries", timeline.stream().map(a -> JsonOutput.object("at", a.occurredAt().toString(),
                "subject", a.subject(), "body", a.body())).toList());
        json.put("timeline", timelineJson);
        Map<String, Object> agendaJson = new LinkedHashMap<>();
        agendaJson.put("owner", owner);
        agendaJson.put("overdue", tasks(agenda.overdue()));
        agendaJson.put("today", tasks(agenda.today()));
        agendaJson.put("tomorrow", tasks(agenda.tomorrow()));
        json.put("agenda", agendaJson);
        return json;
    }

    private static List<Map<String, Object>> tasks(List<Task> tasks) {
        return tasks.stream().map(t -> JsonOutput.object("due", t.due().toString(), "title", t.title())).toList();
    }
}
