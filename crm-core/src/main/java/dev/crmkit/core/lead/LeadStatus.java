package dev.crmkit.core.lead;

import java.util.EnumSet;
import java.util.Set;

/**
 * How far a lead got. The allowed moves:
 * <pre>
 *   NEW ---------&gt; WORKING ------&gt; QUALIFIED ------&gt; CONVERTED (final)
 *    |  \____________________________^  |  ^
 *    |                                  v  |
 *    +-----&gt; DISQUALIFIED (with a reason) &lt;-+    DISQUALIFIED -&gt; WORKING reopens
 * </pre>
 * {@code QUALIFIED -> WORKING} is allowed (back to work); {@code CONVERTED} is final.
 */
public enum LeadStatus {
    /** Captured, nobody has worked on it yet. */
    NEW,
    /** Someone is working on it. */
    WORKING,
    /** Judged worth a deal. */
    QUALIFIED,
    /** Judged not worth pursuing, with a reason. */
    DISQUALIFIED,
    /** Turned into a deal. */
    CONVERTED;

    /** Whether the lead is still open: new, working or qualified. Duplicates fold into open leads only. */
    public boolean isOpen() {
        return this == NEW || this == WORKING || this == QUALIFIED;
    }

    /** The statuses a lead in this status may move to. */
    public Set<LeadStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(WORKING, QUALIFIED, DISQUALIFIED);
            case WORKING -> EnumSet.of(QUALIFIED, DISQUALIFIED);
            case QUALIFIED -> EnumSet.of(WORKING, DISQUALIFIED, CONVERTED);
            case DISQUALIFIED -> EnumSet.of(WORKING);
            case CONVERTED -> EnumSet.noneOf(LeadStatus.class);
        };
    }
}
