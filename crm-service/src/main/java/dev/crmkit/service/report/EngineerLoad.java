package dev.crmkit.service.report;

import dev.crmkit.core.kernel.UserId;

import java.time.Duration;
import java.util.Objects;

/**
 * One engineer's visits in a period. Immutable and thread-safe.
 *
 * @param engineer   the engineer
 * @param visits     visits in the calendar (cancelled ones left out)
 * @param completed  how many of them are completed
 * @param booked     the time the visits hold in the calendar
 * @param timeOnSite the time on site the completion reports give
 */
public record EngineerLoad(UserId engineer, int visits, int completed, Duration booked, Duration timeOnSite) {

    /** Checks every part is present. */
    public EngineerLoad {
        Objects.requireNonNull(engineer, "engineer");
        Objects.requireNonNull(booked, "booked");
        Objects.requireNonNull(timeOnSite, "timeOnSite");
    }
}
