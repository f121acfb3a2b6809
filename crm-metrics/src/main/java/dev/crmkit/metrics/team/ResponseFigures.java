package dev.crmkit.metrics.team;

import dev.crmkit.metrics.funnel.Ratio;

import java.time.Duration;
import java.util.Optional;

/**
 * Lead response of a group of leads (one owner's, one channel's, or all). Immutable and thread-safe.
 *
 * @param leads                 the leads
 * @param contacted             the leads contacted at least once after capture
 * @param averageFirstResponse  the mean time from capture to first contact of the contacted leads, to the second
 *                              (rounded down); absent when none was contacted
 * @param medianFirstResponse   the median of those times (the lower middle for an even count); absent likewise
 * @param lostAfterFirstContact of the contacted leads, the share with no second contact
 */
public record ResponseFigures(long leads, long contacted, Optional<Duration> averageFirstResponse,
                              Optional<Duration> medianFirstResponse, Ratio lostAfterFirstContact) {
}
