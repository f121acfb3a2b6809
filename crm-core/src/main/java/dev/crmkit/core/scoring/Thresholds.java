package dev.crmkit.core.scoring;

import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * The score thresholds of a model: warm and hot for the temperature, MQL and SQL for the lifecycle stage. A score
 * equal to a threshold has crossed it. Immutable and thread-safe.
 *
 * @param warm from this score a lead is warm, 0 to {@code hot}
 * @param hot  from this score a lead is hot, up to 100
 * @param mql  from this score a lead is marketing-qualified, 0 to {@code sql}
 * @param sql  from this score a lead is sales-qualified, up to 100
 */
public record Thresholds(int warm, int hot, int mql, int sql) {

    /** Validates the order, listing every broken rule. */
    public Thresholds {
        List<Violation> violations = new ArrayList<>();
        if (warm < 0 || warm > hot || hot > 100) {
            violations.add(new Violation("thresholds.temperature", "order",
                    "need 0 <= warm <= hot <= 100, got warm " + warm + ", hot " + hot));
        }
        if (mql < 0 || mql > sql || sql > 100) {
            violations.add(new Violation("thresholds.stage", "order",
                    "need 0 <= mql <= sql <= 100, got mql " + mql + ", sql " + sql));
        }
        ValidationException.throwIfAny(violations);
    }

    /** Warm from 40, hot from 70, MQL from 50, SQL from 80. */
    public static Thresholds standard() {
        return new Thresholds(40, 70, 50, 80);
    }

    /** The temperature of a score. */
    public Temperature temperature(int score) {
        return score >= hot ? Temperature.HOT : score >= warm ? Temperature.WARM : Temperature.COLD;
    }

    /** The stage a score reaches by itself. */
    public LifecycleStage stage(int score) {
        return score >= sql ? LifecycleStage.SALES_QUALIFIED
                : score >= mql ? LifecycleStage.MARKETING_QUALIFIED : LifecycleStage.LEAD;
    }
}
