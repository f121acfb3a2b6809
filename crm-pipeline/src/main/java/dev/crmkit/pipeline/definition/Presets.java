package dev.crmkit.pipeline.definition;

/** Ready-to-use pipeline definitions. Each call returns the same, validated definition. */
public final class Presets {

    private Presets() {
    }

    /** B2C: attention, interest, desire, action (won), lost. */
    public static PipelineDefinition b2c() {
        return PipelineDefinition.builder("B2C")
                .stage("Attention", s -> s.probability(10).rottingDays(7))
                .stage("Interest", s -> s.probability(30).rottingDays(7))
                .stage("Desire", s -> s.probability(60).category(ForecastCategory.BEST_CASE).rottingDays(5))
                .won("Action")
                .lost("Lost")
                .build();
    }

    /**
     * B2B: need identified, solution search, options evaluated, agreement, deal (won), post-sale support (won),
     * lost; no skipping, a lost reason required.
     */
    public static PipelineDefinition b2b() {
        return PipelineDefinition.builder("B2B")
                .stage("Need identified", s -> s.probability(10).rottingDays(14))
                .stage("Solution search", s -> s.probability(25).rottingDays(14))
                .stage("Options evaluated", s -> s.probability(50).category(ForecastCategory.BEST_CASE)
                        .rottingDays(14).rule(Rules.amountPositive()))
                .stage("Agreement", s -> s.probability(80).category(ForecastCategory.COMMIT).rottingDays(7)
                        .rule(Rules.requiredFields("amount", "expectedCloseDate", "contact"))
                        .rule(Rules.requiredDocument("offer", "approved"))
                        .action(Actions.ownerTask("Call about the agreement", 24)))
                .won("Deal", s -> s.rule(Rules.requiredDocument("contract", "signed")))
                .won("Post-sale support")
                .lost("Lost")
                .skippingAllowed(false)
                .requireLostReason("price", "timing", "competitor", "no decision")
                .build();
    }

    /** The classic lead pipeline: new, contacted, qualified, proposal sent, negotiation, won, lost. */
    public static PipelineDefinition classicLead() {
        return PipelineDefinition.builder("Lead pipeline")
                .stage("New", s -> s.probability(5).rottingDays(3))
                .stage("Contacted", s -> s.probability(10).rottingDays(7))
                .stage("Qualified", s -> s.probability(25).rottingDays(14))
                .stage("Proposal sent", s -> s.probability(50).category(ForecastCategory.BEST_CASE).rottingDays(14)
                        .rule(Rules.amountPositive()).action(Actions.ownerTask("Follow up on the proposal", 48)))
                .stage("Negotiation", s -> s.probability(75).category(ForecastCategory.COMMIT).rottingDays(7))
                .won("Won")
                .lost("Lost")
                .build();
    }
}
