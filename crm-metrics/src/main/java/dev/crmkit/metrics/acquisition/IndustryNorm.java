package dev.crmkit.metrics.acquisition;

import java.math.BigDecimal;

/**
 * Typical LTV:CAC ratios by industry, as a reference to compare a ratio against. Most industries have one figure
 * ({@link #low()} equals {@link #high()}); industrial and pharma have a range of 3 to 4.
 */
public enum IndustryNorm {

    /** B2B SaaS: 4. */
    B2B_SAAS("B2B SaaS", "4", "4"),
    /** B2C SaaS: 2.5. */
    B2C_SAAS("B2C SaaS", "2.5", "2.5"),
    /** Ad tech: 7. */
    AD_TECH("ad tech", "7", "7"),
    /** Fintech: 5. */
    FINTECH("fintech", "5", "5"),
    /** Edtech: 5. */
    EDTECH("edtech", "5", "5"),
    /** Cybersecurity: 5. */
    CYBERSECURITY("cybersecurity", "5", "5"),
    /** Design: 6. */
    DESIGN("design", "6", "6"),
    /** Business services: 3. */
    BUSINESS_SERVICES("business services", "3", "3"),
    /** Industrial: 3 to 4. */
    INDUSTRIAL("industrial", "3", "4"),
    /** Pharma: 3 to 4. */
    PHARMA("pharma", "3", "4"),
    /** Consulting: 4. */
    CONSULTING("consulting", "4", "4"),
    /** Construction: 4. */
    CONSTRUCTION("construction", "4", "4"),
    /** Biotech: 4. */
    BIOTECH("biotech", "4", "4"),
    /** Financial services: 4. */
    FINANCIAL_SERVICES("financial services", "4", "4"),
    /** Real estate: 4. */
    REAL_ESTATE("real estate", "4", "4");

    private final String label;
    private final BigDecimal low;
    private final BigDecimal high;

    IndustryNorm(String label, String low, String high) {
        this.label = label;
        this.low = new BigDecimal(low);
        this.high = new BigDecimal(high);
    }

    /** The industry's name for people. */
    public String label() {
        return label;
    }

    /** The lower end of the typical ratio. */
    public BigDecimal low() {
        return low;
    }

    /** The upper end of the typical ratio (equal to {@link #low()} for a single figure). */
    public BigDecimal high() {
        return high;
    }

    /** Whether the norm is a range rather than one figure. */
    public boolean isRange() {
        return low.compareTo(high) != 0;
    }
}
