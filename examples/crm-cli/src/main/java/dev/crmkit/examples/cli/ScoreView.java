package dev.crmkit.examples.cli;

import dev.crmkit.core.Crm;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.scoring.LeadScore;
import dev.crmkit.core.scoring.LeadScoring;
import dev.crmkit.core.scoring.ScoreLine;
import dev.crmkit.core.scoring.Temperature;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** How {@code crm score} and {@code crm demo} show scores: one lead's with its explanation, and counts. */
final class ScoreView {

    private ScoreView() {
    }

    /** A rescored lead as JSON: lead, name, score, temperature, stage, changed, explanation and lines. */
    static Map<String, Object> json(LeadId lead, String name, LeadScoring.Rescored rescored) {
        return JsonOutput.object("lead", lead.toString(), "name", name, "score", rescored.score().value(),
                "temperature", label(rescored.score().temperature()),
                "stage", rescored.stored().stage().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                "changed", rescored.changed(), "explanation", rescored.score().explanation(),
                "lines", rescored.score().lines().stream().map(ScoreView::line).toList());
    }

    private static Map<String, Object> line(ScoreLine l) {
        return JsonOutput.object("rule", l.rule(), "group", l.group().name().toLowerCase(Locale.ROOT),
                "points", l.points(), "counted", l.counted(), "detail", l.detail());
    }

    /** A rescored lead as lines: the score, temperature and stage, then the explanation. */
    static void print(PrintWriter out, LeadId lead, String name, LeadScoring.Rescored rescored) {
        out.printf("  %s (%s): score %d, %s, %s%n", name, lead, rescored.score().value(),
                label(rescored.score().temperature()),
                rescored.stored().stage().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        rescored.score().explanation().forEach(line -> out.println("    " + line));
    }

    /** The name of the lead's contact, or {@code ?}. */
    static String name(Crm crm, Lead lead) {
        return crm.store().contacts().findById(lead.contactId()).map(Contact::displayName).orElse("?");
    }

    /** The temperature as a word: cold, warm or hot. */
    static String label(Temperature temperature) {
        return temperature.name().toLowerCase(Locale.ROOT);
    }

    /** How many open leads have a stored score of each temperature, reading leads a page at a time. */
    static Map<Temperature, Long> temperatures(Crm crm) {
        Map<Temperature, Long> counts = new EnumMap<>(Temperature.class);
        for (Temperature t : Temperature.values()) {
            counts.put(t, 0L);
        }
        Optional<PageRequest> request = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
        while (request.isPresent()) {
            Page<Lead> page = crm.store().leads().findAll(request.get());
            List<LeadId> open = page.items().stream().filter(Lead::isOpen).map(Lead::id).toList();
            crm.store().leadScores().findAll(open).values().stream().map(LeadScore::temperature)
                    .forEach(t -> counts.merge(t, 1L, Long::sum));
            request = request.get().next(page);
        }
        return counts;
    }

    /** Counts by temperature as JSON keys cold, warm, hot. */
    static Map<String, Object> json(Map<Temperature, Long> counts) {
        return JsonOutput.object("cold", counts.get(Temperature.COLD), "warm", counts.get(Temperature.WARM),
                "hot", counts.get(Temperature.HOT));
    }
}
