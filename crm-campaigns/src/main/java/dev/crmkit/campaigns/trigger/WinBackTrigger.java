package dev.crmkit.campaigns.trigger;

import dev.crmkit.metrics.rfm.WinBackSchedule;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The win-back steps of crm-metrics' {@link WinBackSchedule} as a trigger: step 1 on the schedule's first offer after
 * the last purchase, step 2 on the next, and so on, none on or after the day the customer counts as lost. Each step is
 * valid until the day before the next one (the last until the day before lost). The caller passes the latest purchase
 * on or before the day asked about, so a step is never due after a newer order. Immutable and thread-safe.
 *
 * @param schedule the win-back schedule ({@link WinBackSchedule#standard()}: 9 months, every 3 months, lost after 3
 *                 years)
 */
public record WinBackTrigger(WinBackSchedule schedule) {

    /** Checks the schedule is there. */
    public WinBackTrigger {
        Objects.requireNonNull(schedule, "schedule");
    }

    /** The trigger over the standard schedule. */
    public static WinBackTrigger standard() {
        return new WinBackTrigger(WinBackSchedule.standard());
    }

    /**
     * The step due on {@code day} for a customer whose latest purchase on or before that day was on
     * {@code lastPurchase}, if any.
     */
    public Optional<WinBackStep> dueOn(LocalDate lastPurchase, LocalDate day) {
        Objects.requireNonNull(day, "day");
        List<LocalDate> offers = schedule.offers(lastPurchase);
        int index = offers.indexOf(day);
        if (index < 0) {
            return Optional.empty();
        }
        LocalDate next = index + 1 < offers.size() ? offers.get(index + 1) : schedule.lostOn(lastPurchase);
        return Optional.of(new WinBackStep(index + 1, lastPurchase, day, next.minusDays(1)));
    }

    /** Whether a customer whose latest purchase was on {@code lastPurchase} counts as lost on {@code day}. */
    public boolean lostOn(LocalDate lastPurchase, LocalDate day) {
        return !day.isBefore(schedule.lostOn(lastPurchase));
    }
}
