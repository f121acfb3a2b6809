package dev.crmkit.metrics.team;

import dev.crmkit.metrics.funnel.Ratio;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Lead response: how long leads wait from capture to their first contact, per owner, per channel and overall, and
 * how many are lost after the first contact (contacted once and never again). Immutable and thread-safe.
 *
 * @param overall   every lead
 * @param byOwner   per owner, in natural order
 * @param byChannel per channel, in natural order
 */
public record LeadResponse(ResponseFigures overall, SortedMap<String, ResponseFigures> byOwner,
                           SortedMap<String, ResponseFigures> byChannel) {

    /** Copies the maps. */
    public LeadResponse {
        byOwner = Collections.unmodifiableSortedMap(new TreeMap<>(byOwner));
        byChannel = Collections.unmodifiableSortedMap(new TreeMap<>(byChannel));
    }

    /** The figures of the leads captured in the window (by their capture day in the window's zone). */
    public static LeadResponse of(List<LeadTouches> leads, Window window) {
        List<LeadTouches> in = leads.stream().filter(l -> window.contains(l.capturedAt())).toList();
        return new LeadResponse(figures(in), grouped(in, LeadTouches::owner), grouped(in, LeadTouches::channel));
    }

    private static SortedMap<String, ResponseFigures> grouped(List<LeadTouches> leads,
                                                              Function<LeadTouches, String> key) {
        Map<String, List<LeadTouches>> groups = new TreeMap<>();
        leads.forEach(l -> groups.computeIfAbsent(key.apply(l), k -> new ArrayList<>()).add(l));
        SortedMap<String, ResponseFigures> out = new TreeMap<>();
        groups.forEach((k, group) -> out.put(k, figures(group)));
        return out;
    }

    private static ResponseFigures figures(List<LeadTouches> leads) {
        List<Duration> firsts = new ArrayList<>();
        long once = 0;
        for (LeadTouches lead : leads) {
            List<Instant> responses = lead.responses();
            if (!responses.isEmpty()) {
                firsts.add(Duration.between(lead.capturedAt(), responses.get(0)));
                if (responses.size() == 1) {
                    once++;
                }
            }
        }
        Collections.sort(firsts);
        Duration sum = firsts.stream().reduce(Duration.ZERO, Duration::plus);
        return new ResponseFigures(leads.size(), firsts.size(),
                firsts.isEmpty() ? Optional.empty()
                        : Optional.of(Duration.ofSeconds(sum.getSeconds() / firsts.size())),
                firsts.isEmpty() ? Optional.empty()
                        : Optional.of(firsts.get((firsts.size() - 1) / 2)),
                Ratio.of(once, firsts.size()));
    }
}
