package dev.crmkit.core.scoring;

import dev.crmkit.core.kernel.Context;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.LeadId;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The win-probability use case: a lead's probability is the one a user typed, while set, or else the model's.
 * Thread-safe.
 */
public final class WinProbabilities {

    private final ProbabilityOverrides overrides;
    private final Context context;

    /** Wires the use case. */
    public WinProbabilities(ProbabilityOverrides overrides, Context context) {
        this.overrides = Objects.requireNonNull(overrides, "overrides");
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * The lead's win probability: the hand-typed one if set, else the model's for the lead's field values.
     *
     * @param features the lead's values of the model's fields (see {@link WinFields})
     */
    public WinEstimate estimate(LeadId lead, WinModel model, Map<String, Set<String>> features) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(features, "features");
        return overrides.find(Objects.requireNonNull(lead, "lead")).<WinEstimate>map(WinEstimate.Manual::new)
                .orElseGet(() -> new WinEstimate.Predicted(model.predict(features)));
    }

    /**
     * Sets a hand-typed probability that overrides the model until cleared.
     *
     * @throws dev.crmkit.core.kernel.ValidationException if it is not 0 to 1 with at most four decimals
     */
    public ManualProbability setManual(LeadId lead, BigDecimal probability, UserId by) {
        ManualProbability manual = new ManualProbability(lead, probability, by, context.clock().instant());
        context.transactions().run(() -> overrides.set(manual));
        return manual;
    }

    /** Clears the hand-typed probability, so the model's applies again. */
    public void clearManual(LeadId lead) {
        Objects.requireNonNull(lead, "lead");
        context.transactions().run(() -> overrides.clear(lead));
    }
}
