package dev.crmkit.service.visit;

import java.util.List;
import java.util.Objects;

/** The outcome of putting a visit in an engineer's calendar: scheduled, or refused with the visits it clashes with. */
public sealed interface Scheduling {

    /**
     * The visit is in the calendar.
     *
     * @param visit the stored visit
     */
    record Scheduled(Visit visit) implements Scheduling {
        /** Checks the visit is present. */
        public Scheduled {
            Objects.requireNonNull(visit, "visit");
        }
    }

    /**
     * The engineer is busy then: the visits it would overlap, travel time included. Nothing was stored.
     *
     * @param clashes the visits in the way
     */
    record Clash(List<Visit> clashes) implements Scheduling {
        /** Copies the list. */
        public Clash {
            clashes = List.copyOf(clashes);
        }
    }
}
