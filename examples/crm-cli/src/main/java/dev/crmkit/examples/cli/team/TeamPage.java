package dev.crmkit.examples.cli.team;

import dev.crmkit.adapters.jdbc.JdbcCrmStore;
import dev.crmkit.adapters.metrics.QualityRecords;
import dev.crmkit.core.CrmStore;
import dev.crmkit.examples.cli.quality.StoreQuality;
import dev.crmkit.metrics.quality.FieldFill;
import dev.crmkit.metrics.quality.FillReport;
import dev.crmkit.metrics.team.Attainment;
import dev.crmkit.metrics.team.CallStats;
import dev.crmkit.metrics.team.CountAttainment;
import dev.crmkit.metrics.team.LeadResponse;
import dev.crmkit.metrics.team.Measure;
import dev.crmkit.metrics.team.PersonActivity;
import dev.crmkit.metrics.team.Performers;
import dev.crmkit.metrics.team.ResponseFigures;
import dev.crmkit.metrics.team.Window;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The team page of the report ({@code team.html}): each person's activity and target attainment for the month to
 * date of the as-of day, the top and bottom performers, lead response, and the fill rates of the store's fields.
 * Immutable.
 *
 * @param stats   the team statistics, lead response included
 * @param quality the fill rates
 */
public record TeamPage(TeamStats stats, FillReport quality) {

    /** The file name of the page. */
    public static final String FILE = "team.html";

    /**
     * The page of a store: the month of {@code asOf} up to that day, in UTC. Only a JDBC store counts team activity
     * (in its database); for another store there is no page.
     *
     * @param targets the sales targets to measure against, possibly none
     */
    public static Optional<TeamPage> of(CrmStore store, LocalDate asOf, Plans targets) {
        if (!(store instanceof JdbcCrmStore)) {
            return Optional.empty();
        }
        Window window = new Window(asOf.withDayOfMonth(1), asOf, ZoneOffset.UTC);
        TeamStats stats = StoreTeam.stats(store, window, AsOf.endOf(asOf, ZoneOffset.UTC), targets);
        FillReport quality = StoreQuality.fillRates(store, QualityRecords.required(QualityRecords.DEFAULT_REQUIRED,
                StoreQuality.schemas(store)));
        return Optional.of(new TeamPage(stats, quality));
    }

    /** Writes {@value #FILE} into the folder and returns its path. */
    public Path write(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(FILE), html(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the team page to " + dir + ": " + e.getMessage(), e);
        }
    }

    String html() {
        Window w = stats.window();
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>crmkit team page</title>\n<style>\nbody{font-family:sans-serif;max-width:1000px;"
                + "margin:2em auto;color:#222}\ntable{border-collapse:collapse;margin:1em 0}td,th{border:1px solid "
                + "#ccc;padding:4px 8px;text-align:right}th:first-child,td:first-child{text-align:left}\n"
                + ".source{color:#555;font-size:0.9em}\n</style>\n</head>\n<body>\n<h1>Team</h1>\n<p><a href=\""
                + "index.html\">Metrics report</a></p>\n");
        h.append(String.format(Locale.ROOT, "<p class=\"source\">From %s to %s (%s), targets as of %s. Calls, "
                + "e-mails and meetings are the store's timeline entries by who recorded them; answered, missed and "
                + "talk time are the calls' logged outcomes and durations (a call logged without them counts in the "
                + "total only; the average is over answered calls with a duration).</p>%n", w.from(), w.to(),
                w.zone(), stats.asOf()));
        activity(h);
        targets(h);
        leadResponse(h);
        quality(h);
        return h.append("</body>\n</html>\n").toString();
    }

    private void activity(StringBuilder h) {
        h.append("<h2>Activity</h2>\n<table>\n").append(header("person", "calls", "inbound", "outbound",
                "answered", "missed", "talk time", "average talk", "e-mails sent", "e-mails received", "meetings",
                "tasks done", "tasks overdue", "deals moved"));
        for (String owner : stats.names()) {
            PersonActivity a = stats.activityOf(owner);
            CallStats c = a.calls();
            h.append(row(owner, n(c.total()), n(c.inbound()), n(c.outbound()), n(c.answered()), n(c.missed()),
                    n(c.talkSeconds()) + " s", c.averageTalkSeconds().map(x -> x.toPlainString() + " s").orElse("-"),
                    n(a.emailsSent()),
                    n(a.emailsReceived()), n(a.meetings()), n(a.tasksDone()), n(a.tasksOverdue()),
                    n(a.dealsMoved())));
        }
        h.append("</table>\n");
        if (stats.people().size() > 1) {
            h.append("<ul>\n");
            for (Measure m : List.of(Measure.CALLS, Measure.EMAILS_SENT, Measure.MEETINGS, Measure.TASKS_DONE,
                    Measure.DEALS_MOVED)) {
                Performers p = Performers.rank(stats.people(), m, TeamStats.PERFORMERS);
                h.append("<li>").append(esc(m.name().toLowerCase(Locale.ROOT).replace('_', ' '))).append(": top ")
                        .append(esc(ranked(p.top()))).append("; bottom ").append(esc(ranked(p.bottom())))
                        .append("</li>\n");
            }
            h.append("</ul>\n");
        }
    }

    private void targets(StringBuilder h) {
        h.append("<h2>Sales targets</h2>\n");
        if (stats.attainments().isEmpty() && stats.counts().isEmpty()) {
            h.append("<p class=\"source\">No targets given (crm report --targets FILE with owner, period, amount, "
                    + "currency).</p>\n");
            return;
        }
        h.append("<table>\n").append(header("person", "period", "currency or measure", "target", "achieved",
                "attainment", "expected by now", "gap", "needed per day"));
        for (Attainment a : stats.attainments()) {
            h.append(row(a.owner(), a.period().toString(), a.currency().getCurrencyCode(),
                    a.target().map(TeamStats::amount).orElse("none"), TeamStats.amount(a.achieved()),
                    a.attainment().map(r -> percent(r.doubleValue())).orElse(""),
                    a.expectedToDate().map(TeamStats::amount).orElse(""), TeamStats.amount(a.gap()),
                    a.dailyRunRate().map(TeamStats::amount).orElse("")));
        }
        for (CountAttainment a : stats.counts()) {
            h.append(row(a.target().owner(), a.target().period().toString(), TeamStats.measure(a).replace('_', ' '),
                    n(a.target().count()), n(a.achieved()), percent(a.attainment().doubleValue()),
                    a.expectedToDate().toPlainString(), n(a.gap()),
                    a.dailyRunRate().map(r -> r.toPlainString()).orElse("")));
        }
        h.append("</table>\n");
    }

    private void leadResponse(StringBuilder h) {
        Optional<LeadResponse> response = stats.leadResponse();
        if (response.isEmpty()) {
            return;
        }
        h.append("<h2>Lead response</h2>\n<p class=\"source\">Leads captured in the window; a contact is a call, "
                + "e-mail, chat message or meeting on the lead's timeline that did not come in from it.</p>\n"
                + "<table>\n").append(header("", "leads", "contacted", "first contact (mean)", "(median)",
                "lost after the first contact"));
        h.append(response("all leads", response.get().overall()));
        response.get().byOwner().forEach((owner, f) -> h.append(response("owner " + owner, f)));
        response.get().byChannel().forEach((channel, f) -> h.append(response("channel " + channel, f)));
        h.append("</table>\n");
    }

    private static String response(String label, ResponseFigures f) {
        return row(label, n(f.leads()), n(f.contacted()),
                f.averageFirstResponse().map(TeamStats::duration).orElse(""),
                f.medianFirstResponse().map(TeamStats::duration).orElse(""),
                f.lostAfterFirstContact().isDefined() ? percent(f.lostAfterFirstContact().doubleValue()) : "");
    }

    private void quality(StringBuilder h) {
        h.append("<h2>Data quality</h2>\n<p class=\"source\">How often each field holds a value, over every lead, "
                + "contact, company and deal of the store.</p>\n<table>\n")
                .append(header("record", "field", "filled", "records", "fill rate", "required"));
        for (FieldFill f : quality.fields()) {
            h.append(row(f.recordType(), f.field(), n(f.filled()), n(f.records()), percent(f.rate().doubleValue()),
                    f.required() ? "yes" : ""));
        }
        h.append("</table>\n");
        List<FieldFill> empty = quality.mostOftenEmptyRequired(5);
        if (!empty.isEmpty()) {
            h.append("<p>Required fields most often empty: ");
            h.append(esc(String.join(", ", empty.stream().map(f -> f.recordType() + "." + f.field() + " ("
                    + f.empty() + " of " + f.records() + ")").toList()))).append(".</p>\n");
        }
    }

    private static String ranked(List<Performers.Ranked> list) {
        return String.join(", ", list.stream().map(r -> r.owner() + " " + r.value()).toList());
    }

    private static String header(String... names) {
        StringBuilder r = new StringBuilder("<tr>");
        for (String name : names) {
            r.append("<th>").append(esc(name)).append("</th>");
        }
        return r.append("</tr>\n").toString();
    }

    private static String row(String... cells) {
        StringBuilder r = new StringBuilder("<tr>");
        for (String cell : cells) {
            r.append("<td>").append(esc(cell)).append("</td>");
        }
        return r.append("</tr>\n").toString();
    }

    private static String n(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    private static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
