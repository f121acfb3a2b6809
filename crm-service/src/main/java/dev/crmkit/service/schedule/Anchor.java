package dev.crmkit.service.schedule;

import java.util.Locale;

/** What a service plan's occurrences are counted from. */
public enum Anchor {
    /** Occurrences at installed + k x interval (k = 1, 2, ...), whenever the visits were actually made. */
    SCHEDULE,
    /** The next occurrence is the last completion + interval (the first: installed + interval). */
    COMPLETION;

    /** The lower-case name used on command lines and in JSON: {@code schedule}, {@code completion}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
