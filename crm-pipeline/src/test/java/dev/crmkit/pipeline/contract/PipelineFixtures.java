package dev.crmkit.pipeline.contract;

import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.deal.StageHistoryEntry;
import dev.crmkit.pipeline.definition.Actions;
import dev.crmkit.pipeline.definition.ForecastCategory;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.PipelineDefinition;
import dev.crmkit.pipeline.definition.PipelineId;
import dev.crmkit.pipeline.definition.Rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Valid pipelines, deals and history entries for the contract suite, from {@link Fixtures}' fixed clock and seeded
 * ids. One instance per test.
 */
public final class PipelineFixtures {

    private final Fixtures fx;

    /** Fixtures with the default seed. */
    public PipelineFixtures() {
        this.fx = new Fixtures(4_2026L);
    }

    /** The core fixtures underneath. */
    public Fixtures core() {
        return fx;
    }

    /** A definition using every built-in rule and action, with text that breaks naive storage. */
    public static PipelineDefinition everyRuleDefinition(String name) {
        return PipelineDefinition.builder(name)
                .stage("New", s -> s.probability(10).rottingDays(3))
                .stage("Qualified \"Z\" O'Brien 😀", s -> s.probability(30)
                        .category(ForecastCategory.BEST_CASE)
                        .rule(Rules.requiredFields("amount", "owner"), Rules.amountPositive(),
                                Rules.requiredActivity(ActivityType.MEETING))
                        .action(Actions.ownerTask("Call \"them\" 😀", 24), Actions.setProbability(35),
                                Actions.publish("qualified")))
                .stage("Negotiation", s -> s.probability(70).category(ForecastCategory.COMMIT)
                        .rule(Rules.requiredDocuments(Map.of("offer", "approved", "nda", "signed")),
                                Rules.allowedMovers(Set.of("manager"), true), Rules.approvalRequired()))
                .won("Won")
                .lost("Lost")
                .skippingAllowed(false)
                .backwardsAllowed(false)
                .reopenAllowed(false)
                .requireLostReason("price", "timing")
                .build();
    }

    /** A new pipeline at version 0, created at the given time. */
    public Pipeline pipeline(String name, Instant createdAt) {
        return new Pipeline(new PipelineId(fx.nextId()), 0, everyRuleDefinition(name), createdAt, createdAt);
    }

    /** A new deal at version 0 in stage "New" of the pipeline, created at the given time. */
    public Deal deal(PipelineId pipeline, Instant createdAt) {
        return Deal.builder(new DealId(fx.nextId()), pipeline, "Seats for Q3", "New", createdAt)
                .stageProbability(10)
                .terms(Optional.of(Money.of("1200.00", "EUR")), Optional.of(LocalDate.of(2026, 6, 30)), Optional.empty())
                .parties(Optional.of(Fixtures.ALICE), Optional.empty(), Optional.empty(), Optional.empty())
                .source("web_form")
                .build();
    }

    /** A deal with every field set, including text that breaks naive storage. */
    public Deal fullDeal(PipelineId pipeline) {
        Instant t = Fixtures.at(60);
        return new Deal(new DealId(fx.nextId()), 0, pipeline, Fixtures.TRICKY_TEXT, "Negotiation", Fixtures.at(90),
                70, Optional.of(65), Optional.of(Money.of("1234567.89", "EUR")),
                Optional.of(LocalDate.of(2026, 12, 31)), Optional.of(Money.of("1500", "JPY")),
                Optional.of(UserId.of("zoë 😀")), Optional.of(new ContactId(fx.nextId())),
                Optional.of(new CompanyId(fx.nextId())), Optional.of(new LeadId(fx.nextId())), "referral 'x'",
                Fixtures.everyFieldValue(), Map.of("offer", "approved", "contract", "signed \"v2\""),
                Set.of("Negotiation", "Won"), Optional.empty(), Optional.empty(), Optional.empty(), t,
                Fixtures.at(120));
    }

    /** A history entry of a deal, for the deal version it produced, at a time. */
    public StageHistoryEntry entry(DealId deal, long dealVersion, PipelineId pipeline, Optional<String> from,
                                   String to, Instant at) {
        return new StageHistoryEntry(fx.nextId(), deal, dealVersion, pipeline, from, to, Fixtures.BOB, at,
                Duration.ofMillis(at.toEpochMilli() % 100_000));
    }

    /** The next seeded id. */
    public UUID nextId() {
        return fx.nextId();
    }
}
