package dev.crmkit.metrics.ltv;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * The closed-form customer lifetime value models, each on its own. Every model multiplies and divides with
 * {@link MathContext#DECIMAL128} (34 significant digits) and rounds the result once, {@link RoundingMode#HALF_EVEN}
 * to the scale of the input currency. Stateless and thread-safe.
 *
 * <p>Worked examples (the seed examples of the issue):
 * <ul>
 *   <li>ARPU x lifetime: 30 a month for 24 months = 720</li>
 *   <li>AOV x purchase frequency x lifespan: 80 x 4 a year x 3 years = 960</li>
 *   <li>ARPU x gross margin / churn: 15 x 0.60 / 0.04 = 225</li>
 *   <li>discounted: revenues 200, 240, 300 at margin 0.5 and rate 0.10, minus CAC 100 = 202.78</li>
 *   <li>net of cost-to-serve: 12,000 a year of revenue minus 12,000 a year of service = 0</li>
 * </ul>
 */
public final class Ltv {

    /** The precision of intermediate results. */
    public static final MathContext PRECISION = MathContext.DECIMAL128;

    private Ltv() {
    }

    /**
     * {@code LTV = ARPU x lifetime}, with ARPU and lifetime in the same period (a month, a year).
     * Example: 30 a month x 24 months = 720.
     *
     * @param arpu            average revenue per user per period, not negative
     * @param lifetimePeriods the expected customer lifetime in periods, not negative
     * @throws ValidationException naming {@code arpu} or {@code lifetimePeriods}
     */
    public static Money arpuTimesLifetime(Money arpu, BigDecimal lifetimePeriods) {
        Checks.notNegative(arpu, "arpu");
        Checks.notNegative(lifetimePeriods, "lifetimePeriods");
        return rounded(arpu, arpuTimesLifetime(arpu.amount(), lifetimePeriods));
    }

    static BigDecimal arpuTimesLifetime(BigDecimal arpu, BigDecimal lifetimePeriods) {
        return arpu.multiply(lifetimePeriods, PRECISION);
    }

    /**
     * {@code LTV = AOV x purchase frequency x lifespan}. Example: 80 per order x 4 orders a year x 3 years = 960.
     *
     * @param aov              average order value, not negative
     * @param purchasesPerYear purchases per customer per year, not negative
     * @param lifespanYears    customer lifespan in years, not negative
     * @throws ValidationException naming {@code aov}, {@code purchasesPerYear} or {@code lifespanYears}
     */
    public static Money aovTimesFrequencyTimesLifespan(Money aov, BigDecimal purchasesPerYear,
            BigDecimal lifespanYears) {
        Checks.notNegative(aov, "aov");
        Checks.notNegative(purchasesPerYear, "purchasesPerYear");
        Checks.notNegative(lifespanYears, "lifespanYears");
        return rounded(aov, aovTimesFrequencyTimesLifespan(aov.amount(), purchasesPerYear, lifespanYears));
    }

    static BigDecimal aovTimesFrequencyTimesLifespan(BigDecimal aov, BigDecimal purchasesPerYear,
            BigDecimal lifespanYears) {
        return aov.multiply(purchasesPerYear, PRECISION).multiply(lifespanYears, PRECISION);
    }

    /**
     * {@code LTV = ARPU x gross margin / churn rate}, with ARPU and churn over the same period (1 / churn is the
     * expected lifetime in periods). Example: 15 a month x 0.60 / 0.04 a month = 225.
     *
     * @param arpu        average revenue per user per period, not negative
     * @param grossMargin a fraction from 0 to 1
     * @param churnRate   the share of customers lost per period, above 0 and at most 1
     * @throws ValidationException naming {@code arpu}, {@code grossMargin} or {@code churnRate}
     */
    public static Money marginOverChurn(Money arpu, BigDecimal grossMargin, BigDecimal churnRate) {
        Checks.notNegative(arpu, "arpu");
        Checks.fraction(grossMargin, "grossMargin");
        Checks.positiveFraction(churnRate, "churnRate");
        return rounded(arpu, marginOverChurn(arpu.amount(), grossMargin, churnRate));
    }

    static BigDecimal marginOverChurn(BigDecimal arpu, BigDecimal grossMargin, BigDecimal churnRate) {
        return arpu.multiply(grossMargin, PRECISION).divide(churnRate, PRECISION);
    }

    /**
     * Discounted lifetime value, a net present value: {@code sum over t = 1..n of revenue_t x margin / (1 + r)^t,
     * minus CAC}. The first period is discounted once (t starts at 1). Example: revenues 200, 240, 300, margin 0.5,
     * r = 0.10, CAC 100: 90.909 + 99.174 + 112.697 - 100 = 202.78.
     *
     * @param revenues     revenue per period, first period first, none negative, all in CAC's currency; may be empty
     * @param grossMargin  a fraction from 0 to 1
     * @param discountRate the discount rate per period, a fraction from 0 to 1 (0.10 = 10%; above 100% a period is
     *                     not a discount rate but a typo)
     * @param cac          the customer acquisition cost, not negative
     * @throws ValidationException naming {@code revenues[i]}, {@code grossMargin}, {@code discountRate} or {@code cac}
     */
    public static Money discounted(List<Money> revenues, BigDecimal grossMargin, BigDecimal discountRate, Money cac) {
        Objects.requireNonNull(revenues, "revenues");
        Checks.fraction(grossMargin, "grossMargin");
        Checks.fraction(discountRate, "discountRate");
        Checks.notNegative(cac, "cac");
        BigDecimal growth = BigDecimal.ONE.add(discountRate);
        BigDecimal factor = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ZERO;
        for (int t = 0; t < revenues.size(); t++) {
            String field = "revenues[" + t + "]";
            Money revenue = Checks.notNegative(revenues.get(t), field);
            Checks.sameCurrency(cac.currency(), revenue, field);
            factor = factor.multiply(growth, PRECISION);
            sum = sum.add(revenue.amount().multiply(grossMargin, PRECISION).divide(factor, PRECISION), PRECISION);
        }
        return rounded(cac, sum.subtract(cac.amount(), PRECISION));
    }

    /**
     * Lifetime value over segments: {@code sum over segments of revenue x retention probability x margin}.
     * Example: (1,000 x 0.8 x 0.5) + (500 x 0.4 x 0.6) = 400 + 120 = 520.
     *
     * @param segments at least one segment, all in one currency
     * @throws ValidationException naming {@code segments} when empty or {@code segments[i].revenue} for a currency
     *         other than the first segment's
     */
    public static Money bySegment(List<SegmentValue> segments) {
        Objects.requireNonNull(segments, "segments");
        if (segments.isEmpty()) {
            throw ValidationException.of("segments", "required", "needs at least one segment");
        }
        Money first = segments.get(0).revenue();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < segments.size(); i++) {
            SegmentValue segment = Objects.requireNonNull(segments.get(i), "segments[" + i + "]");
            Checks.sameCurrency(first.currency(), segment.revenue(), "segments[" + i + "].revenue");
            sum = sum.add(segment.revenue().amount().multiply(segment.retentionProbability(), PRECISION)
                    .multiply(segment.grossMargin(), PRECISION), PRECISION);
        }
        return rounded(first, sum);
    }

    /**
     * Lifetime value net of the cost to serve, over one period: {@code revenue - cost to serve}. Example: 12,000 a
     * year of revenue and 12,000 a year of service time = 0. The result is negative when serving costs more.
     *
     * @throws ValidationException naming {@code revenue} or {@code costToServe}
     */
    public static Money netOfCostToServe(Money revenue, Money costToServe) {
        return netOfCostToServe(revenue, costToServe, BigDecimal.ONE);
    }

    /**
     * Lifetime value net of the cost to serve over a lifetime: {@code (revenue per period - cost to serve per period)
     * x lifetime in periods}. Example: (12,000 - 9,000) a year x 3 years = 9,000.
     *
     * @throws ValidationException naming {@code revenue}, {@code costToServe} or {@code lifetimePeriods}
     */
    public static Money netOfCostToServe(Money revenue, Money costToServe, BigDecimal lifetimePeriods) {
        Checks.notNegative(revenue, "revenue");
        Checks.notNegative(costToServe, "costToServe");
        Checks.sameCurrency(revenue.currency(), costToServe, "costToServe");
        Checks.notNegative(lifetimePeriods, "lifetimePeriods");
        return rounded(revenue, revenue.amount().subtract(costToServe.amount()).multiply(lifetimePeriods, PRECISION));
    }

    static Money rounded(Money currencyOf, BigDecimal amount) {
        return Money.of(amount, currencyOf.currency(), RoundingMode.HALF_EVEN);
    }
}
