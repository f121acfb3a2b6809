package dev.crmkit.kit.archive;

import dev.crmkit.campaigns.abtest.AbTest;
import dev.crmkit.campaigns.abtest.AbTestPlan;
import dev.crmkit.campaigns.abtest.Variant;
import dev.crmkit.campaigns.abtest.WinnerRule;

import java.util.List;
import java.util.Objects;

/**
 * One of crm-campaigns' A/B test plans ({@link AbTestPlan}) as the store export holds it, keyed by its id
 * ({@link Archives#campaignAbTests()}): the plan's parts as plain values, the variants in the plan's order. Only used
 * with crm-campaigns on the class path.
 *
 * @param id          the test's id
 * @param campaign    the campaign it varies
 * @param metric      the metric its winner is chosen by
 * @param alpha       the winner rule's significance level
 * @param minExposed  the contacts every variant needs before a decision
 * @param testPercent the share of contacts in the test group
 * @param variants    the variants, in the plan's order
 */
public record AbTestEntry(String id, String campaign, AbTestPlan.AbMetric metric, double alpha, long minExposed,
                          int testPercent, List<Variant> variants) {

    /** Checks the parts are there. */
    public AbTestEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(metric, "metric");
        variants = List.copyOf(Objects.requireNonNull(variants, "variants"));
    }

    /** The entry of a plan. */
    public static AbTestEntry of(AbTestPlan plan) {
        return new AbTestEntry(plan.id(), plan.campaign(), plan.metric(), plan.rule().alpha(),
                plan.rule().minExposed(), plan.testPercent(), plan.test().variants());
    }

    /**
     * The plan this entry holds.
     *
     * @throws dev.crmkit.core.kernel.ValidationException if a part is not valid (naming it)
     */
    public AbTestPlan plan() {
        return new AbTestPlan(AbTest.of(id, variants), campaign, metric, new WinnerRule(alpha, minExposed),
                testPercent);
    }
}
