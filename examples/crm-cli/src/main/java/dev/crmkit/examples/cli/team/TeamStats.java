package dev.crmkit.examples.cli.team;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.examples.cli.JsonOutput;
import dev.crmkit.metrics.team.Attainment;
import dev.crmkit.metrics.team.CallStats;
import dev.crmkit.metrics.team.CountAttainment;
import dev.crmkit.metrics.team.LeadResponse;
import dev.crmkit.metrics.team.Measure;
import dev.crmkit.metrics.team.PersonActivity;
import dev.crmkit.metrics.team.Performers;
import dev.crmkit.metrics.team.ResponseFigures;
import dev.crmkit.metrics.team.Window;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * The team statistics of a window, per person: activity and target attainment, as JSON for scripts, as lines for
 * people, and as the team page of the report. Immutable.
 *
 * @param window      the days covered
 * @param asOf        the day the targets are pro-rated to
 * @param people      each person's activity (people with none are absent)
 * @param attainments  each person's attainments of targets in money, sorted by person, period and currency
 * @param counts       each person's attainments of targets in counts, sorted by person, period and measure
 * @param leadResponse lead response of the leads captured in the window, when the source has leads (a store)
 */
public record TeamStats(Window window, LocalDate asOf, SortedMap<String, PersonActivity> people,
                        List<Attainment> attainments, List<CountAttainment> counts,
                        Optional<LeadResponse> leadResponse) {

    /** How many people the text lists at the top and the bottom. */
    static final int PERFORMERS = 3;

    /** Every person with activity, a target or a won deal, by name. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>(people.keySet());
        attainments.forEach(a -> names.add(a.owner()));
        counts.forEach(a -> names.add(a.target().owner()));
        return names;
    }

    /** The activity of a person, none when absent. */
    public PersonActivity activityOf(String owner) {
        return people.getOrDefault(owner, PersonActivity.NONE);
    }

    /** The JSON object: {@code people} keyed by owner, and {@code leadResponse} when known. */
    public Map<String, Object> json() {
        Map<String, Object> people = new LinkedHashMap<>();
        for (String owner : names()) {
            PersonActivity a = activityOf(owner);
            CallStats c = a.calls();
            List<Object> targets = new ArrayList<>();
            attainments.stream().filter(t -> t.owner().equals(owner)).forEach(t -> targets.add(JsonOutput.object(
                    "period", t.period().toString(), "measure", "won_amount",
                    "currency", t.currency().getCurrencyCode(),
                    "target", t.target().map(TeamStats::amount).orElse(null), "achieved", amount(t.achieved()),
                    "attainment", t.attainment().map(Number::doubleValue).orElse(null),
                    "expectedToDate", t.expectedToDate().map(TeamStats::amount).orElse(null),
                    "gap", amount(t.gap()), "dailyRunRate", t.dailyRunRate().map(TeamStats::amount).orElse(null))));
            counts.stream().filter(t -> t.target().owner().equals(owner)).forEach(t -> targets.add(JsonOutput.object(
                    "period", t.target().period().toString(), "measure", measure(t), "currency", null,
                    "target", t.target().count(), "achieved", t.achieved(),
                    "attainment", t.attainment().doubleValue(), "expectedToDate", t.expectedToDate(),
                    "gap", t.gap(), "dailyRunRate", t.dailyRunRate().orElse(null))));
            people.put(owner, JsonOutput.object(
                    "calls", JsonOutput.object("total", c.total(), "inbound", c.inbound(), "outbound", c.outbound(),
                            "answered", c.answered(), "missed", c.missed(), "talkSeconds", c.talkSeconds(),
                            "averageTalkSeconds", c.averageTalkSeconds().orElse(null)),
                    "emails", JsonOutput.object("sent", a.emailsSent(), "received", a.emailsReceived()),
                    "meetings", a.meetings(),
                    "tasks", JsonOutput.object("done", a.tasksDone(), "overdue", a.tasksOverdue()),
                    "targets", targets));
        }
        Map<String, Object> json = JsonOutput.object("people", people);
        leadResponse.ifPresent(r -> json.put("leadResponse", json(r)));
        return json;
    }

    private static Map<String, Object> json(LeadResponse r) {
        Map<String, Object> byOwner = new LinkedHashMap<>();
        r.byOwner().forEach((owner, f) -> byOwner.put(owner, json(f)));
        Map<String, Object> byChannel = new LinkedHashMap<>();
        r.byChannel().forEach((channel, f) -> byChannel.put(channel, json(f)));
        return JsonOutput.object("overall", json(r.overall()), "byOwner", byOwner, "byChannel", byChannel);
    }

    private static Map<String, Object> json(ResponseFigures f) {
        return JsonOutput.object("leads", f.leads(), "contacted", f.contacted(),
                "averageFirstResponseSeconds", f.averageFirstResponse().map(Duration::toSeconds).orElse(null),
                "medianFirstResponseSeconds", f.medianFirstResponse().map(Duration::toSeconds).orElse(null),
                "lostAfterFirstContact", f.lostAfterFirstContact().isDefined()
                        ? f.lostAfterFirstContact().doubleValue() : null);
    }

    /** Lead response in words: overall, then per owner and per channel. */
    static List<String> lines(LeadResponse r) {
        List<String> out = new ArrayList<>();
        out.add("Lead response: " + line(r.overall()));
        r.byOwner().forEach((owner, f) -> out.add("  owner " + owner + ": " + line(f)));
        r.byChannel().forEach((channel, f) -> out.add("  channel " + channel + ": " + line(f)));
        return out;
    }

    private static String line(ResponseFigures f) {
        return String.format(Locale.ROOT, "%d leads, %d contacted, first contact after %s on average (median %s), "
                + "%s lost after the first contact", f.leads(), f.contacted(),
                f.averageFirstResponse().map(TeamStats::duration).orElse("-"),
                f.medianFirstResponse().map(TeamStats::duration).orElse("-"),
                f.lostAfterFirstContact().isDefined() ? String.format(Locale.ROOT, "%.1f%%",
                        f.lostAfterFirstContact().doubleValue() * 100) : "none");
    }

    /** A duration as hours and minutes: {@code 2 h 05 min}. */
    static String duration(Duration d) {
        return String.format(Locale.ROOT, "%d h %02d min", d.toHours(), d.toMinutesPart());
    }

    /** Lines for people: one block per person, then the top and bottom performers by calls and meetings. */
    public void print(PrintWriter out) {
        out.printf(Locale.ROOT, "Team statistics %s to %s (%s), targets as of %s%n", window.from(), window.to(),
                window.zone(), asOf);
        if (names().isEmpty()) {
            out.println("No activity, target or won deal in the window.");
        }
        for (String owner : names()) {
            PersonActivity a = activityOf(owner);
            CallStats c = a.calls();
            out.printf(Locale.ROOT, "%s%n  calls %d (in %d, out %d; answered %d, missed %d; talk %d s, average %s)%n",
                    owner, c.total(), c.inbound(), c.outbound(), c.answered(), c.missed(), c.talkSeconds(),
                    c.averageTalkSeconds().map(s -> s.toPlainString() + " s").orElse("-"));
            out.printf(Locale.ROOT, "  e-mails sent %d, received %d; meetings %d; tasks done %d, overdue %d%s%n",
                    a.emailsSent(), a.emailsReceived(), a.meetings(), a.tasksDone(), a.tasksOverdue(),
                    a.dealsMoved() > 0 ? "; deals moved " + a.dealsMoved() : "");
            attainments.stream().filter(t -> t.owner().equals(owner)).forEach(t -> out.println("  " + line(t)));
            counts.stream().filter(t -> t.target().owner().equals(owner)).forEach(t -> out.println("  " + line(t)));
        }
        if (people.size() > 1) {
            for (Measure m : List.of(Measure.CALLS, Measure.MEETINGS)) {
                Performers p = Performers.rank(people, m, PERFORMERS);
                out.printf(Locale.ROOT, "%s: top %s; bottom %s%n", m.name().toLowerCase(Locale.ROOT),
                        ranked(p.top()), ranked(p.bottom()));
            }
        }
        leadResponse.ifPresent(r -> lines(r).forEach(out::println));
        out.flush();
    }

    /** One attainment in words. */
    static String line(Attainment t) {
        String code = t.currency().getCurrencyCode();
        if (t.target().isEmpty()) {
            return String.format(Locale.ROOT, "%s %s: won %s %s, no target in %s", t.period(), code,
                    amount(t.achieved()), code, code);
        }
        return String.format(Locale.ROOT, "%s target %s %s: won %s (%.1f%%), expected by now %s, gap %s%s",
                t.period(), code, amount(t.target().get()), amount(t.achieved()),
                t.attainment().orElseThrow().doubleValue() * 100, amount(t.expectedToDate().orElseThrow()),
                amount(t.gap()), t.dailyRunRate().map(r -> ", needs " + amount(r) + " a day for " + t.daysLeft()
                        + " days").orElse(""));
    }

    /** One count attainment in words. */
    static String line(CountAttainment t) {
        return String.format(Locale.ROOT, "%s target %d %s: %d (%.1f%%), expected by now %s, gap %d%s",
                t.target().period(), t.target().count(), measure(t).replace('_', ' '), t.achieved(),
                t.attainment().doubleValue() * 100, t.expectedToDate().toPlainString(), t.gap(),
                t.dailyRunRate().map(r -> ", needs " + r.toPlainString() + " a day for " + t.daysLeft() + " days")
                        .orElse(""));
    }

    /** The measure of a count target as the targets file names it: {@code calls_made}. */
    static String measure(CountAttainment t) {
        return t.target().counted().name().toLowerCase(Locale.ROOT);
    }

    private static String ranked(List<Performers.Ranked> list) {
        List<String> parts = new ArrayList<>();
        list.forEach(r -> parts.add(r.owner() + " " + r.value()));
        return String.join(", ", parts);
    }

    /** An amount as a decimal string at its currency's scale. */
    static String amount(Money money) {
        return money.amount().toPlainString();
    }
}
