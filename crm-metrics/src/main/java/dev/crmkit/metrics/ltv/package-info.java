/**
 * Customer lifetime value by the classic closed-form models ({@link dev.crmkit.metrics.ltv.Ltv}): ARPU x lifetime,
 * AOV x purchase frequency x lifespan, ARPU x margin / churn, discounted NPV, by segment and net of cost-to-serve; and
 * the same models fed from raw order history ({@link dev.crmkit.metrics.ltv.OrderHistoryLtv}). Intermediate results
 * are exact or kept to 34 significant digits; money is rounded HALF_EVEN to the currency's scale only at the end.
 */
package dev.crmkit.metrics.ltv;
