package dev.crmkit.examples.cli;

import dev.crmkit.core.Crm;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.activity.LogActivity;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.scoring.LeadScoring;
import dev.crmkit.core.scoring.Temperature;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The scoring and assignment part of {@code crm demo}: the bundled behaviour of two leads (site visits, a price-list
 * download, a demo sign-up, a chat question, a call; {@code demo-activities.csv}) goes on their timelines, every open
 * lead is scored by the standard model, the hottest is shown with its explanation, and the leads without an owner are
 * assigned to the {@link DemoTeam} by routing on language and region, then round robin. On a store kept between runs
 * the behaviour is logged once and leads assigned in an earlier run keep their owner.
 */
final class DemoScoring {

    private static final String ACTIVITIES = "demo-activities.csv";

    private DemoScoring() {
    }

    /**
     * What the demo scored and assigned.
     *
     * @param logged     behaviour entries logged in this run
     * @param scored     the open leads' scores, hottest first
     * @param names      the contact name of each scored lead, in the same order
     * @param assignment the assignment of the unassigned leads
     */
    record Result(int logged, List<LeadScoring.Rescored> scored, List<String> names, AssignmentRun assignment) {

        Map<Temperature, Long> temperatures() {
            Map<Temperature, Long> counts = new EnumMap<>(Temperature.class);
            for (Temperature t : Temperature.values()) {
                counts.put(t, scored.stream().filter(r -> r.score().temperature() == t).count());
            }
            return counts;
        }

        Map<String, Object> scoringJson() {
            return JsonOutput.object("behaviourLogged", logged, "scored", scored.size(),
                    "temperatures", ScoreView.json(temperatures()),
                    "top", scored.isEmpty() ? null : ScoreView.json(scored.get(0).stored().leadId(), names.get(0),
                            scored.get(0)));
        }

        void print(PrintWriter out) {
            out.println();
            Map<Temperature, Long> counts = temperatures();
            out.printf("Scoring (standard model): %s: %d hot, %d warm, %d cold%n", Counted.of(scored.size(),
                    "open lead"),
                    counts.get(Temperature.HOT), counts.get(Temperature.WARM), counts.get(Temperature.COLD));
            if (!scored.isEmpty()) {
                LeadScoring.Rescored top = scored.get(0);
                out.println("  the " + (top.score().temperature() == Temperature.HOT ? "hot" : "highest") + " lead, "
                        + "and why:");
                ScoreView.print(out, top.stored().leadId(), names.get(0), top);
            }
            out.println();
            assignment.print(out);
        }
    }

    /** Runs the scoring and assignment part on the demo's Crm. */
    static Result run(Crm crm) {
        int logged = logBehaviour(crm);
        List<LeadScoring.Rescored> scored = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Lead> open = new ArrayList<>();
        Optional<PageRequest> request = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
        while (request.isPresent()) {
            Page<Lead> page = crm.store().leads().findAll(request.get());
            page.items().stream().filter(Lead::isOpen).forEach(open::add);
            request = request.get().next(page);
        }
        open.stream().map(l -> new Scored(crm.scoring().rescore(l.id()), ScoreView.name(crm, l)))
                // equal scores and names keep the store's order (created, then stored), not the order of the ids
                .sorted(Comparator.comparingInt((Scored s) -> -s.rescored().score().value())
                        .thenComparing(Scored::name))
                .forEach(s -> {
                    scored.add(s.rescored());
                    names.add(s.name());
                });
        AssignmentRun assignment = AssignmentRun.run(crm, DemoTeam.team(), PolicyChoice.ROUND_ROBIN);
        return new Result(logged, List.copyOf(scored), List.copyOf(names), assignment);
    }

    private record Scored(LeadScoring.Rescored rescored, String name) {
    }

    /** Logs the bundled behaviour on the open leads of its e-mail addresses, skipping entries already there. */
    private static int logBehaviour(Crm crm) {
        int logged = 0;
        for (String[] row : rows()) {
            Optional<Lead> lead = crm.store().leads().findOpenByEmail(EmailAddress.parse(row[0]));
            if (lead.isEmpty()) {
                continue;
            }
            RecordRef about = new RecordRef(RecordType.LEAD, lead.get().id().value());
            Instant at = Instant.parse(row[1]);
            ActivityType type = ActivityType.valueOf(row[2].toUpperCase(Locale.ROOT));
            String subject = row[4].strip();
            List<Activity> timeline = crm.timeline().of(about, TimelineFilter.everything(),
                    PageRequest.first(LeadScoring.TIMELINE_WINDOW)).items();
            boolean there = timeline.stream().anyMatch(a -> a.type() == type && a.subject().equals(subject)
                    && a.occurredAt().equals(at));
            if (!there) {
                crm.timeline().log(LogActivity.interaction(type, Direction.valueOf(row[3].toUpperCase(Locale.ROOT)),
                        subject, at, about));
                logged++;
            }
        }
        return logged;
    }

    /** The rows of the activities file: e-mail, time, type, direction, subject (which may hold commas). */
    private static List<String[]> rows() {
        try (InputStream in = DemoScoring.class.getResourceAsStream(ACTIVITIES)) {
            if (in == null) {
                throw new IllegalStateException(ACTIVITIES + " is missing from the crm jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", 5)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ACTIVITIES + ": " + e.getMessage(), e);
        }
    }
}
