package dev.crmkit.pipeline.definition;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.activity.Visibility;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulesTest {

    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
    private static final PipelineDefinition LEADS = Presets.classicLead();
    private static final Actor ANNA = Actor.of("anna", "sales");

    private static Deal deal(String stage) {
        return Deal.open(new DealId(new UUID(0, 7)), new PipelineId(new UUID(0, 1)), "Seats",
                LEADS.stage(stage).orElseThrow(), T);
    }

    private static Transition move(Deal deal, String to, Actor actor, Optional<String> reason,
                                   List<Activity> activities) {
        return new Transition(deal, LEADS, LEADS.stage(deal.stage()).orElseThrow(), LEADS.stage(to).orElseThrow(),
                actor, reason, T.plusSeconds(60), () -> activities);
    }

    private static Transition move(Deal deal, String to) {
        return move(deal, to, ANNA, Optional.empty(), List.of());
    }

    private static Optional<String> refusedBy(StageRule rule, Transition t) {
        return rule.check(t).map(r -> {
            assertEquals(rule.name(), r.rule());
            return r.message();
        });
    }

    @Test
    void requiredFields_allPresent_passes() {
        Deal d = deal("New").withTerms(Optional.of(Money.of("10.00", "EUR")), Optional.of(LocalDate.of(2026, 5, 1)),
                Optional.empty(), T).withCustomFields(CustomFields.empty()
                .with("budget", new FieldValue.Number(BigDecimal.TEN)), T);

        assertEquals(Optional.empty(), refusedBy(Rules.requiredFields("amount", "expectedCloseDate",
                "customFields.budget"), move(d, "Contacted")));
    }

    @Test
    void requiredFields_missingStandardAndCustom_namesEveryMissingField() {
        Optional<String> why = refusedBy(Rules.requiredFields("amount", "owner", "customFields.budget"),
                move(deal("New"), "Contacted"));

        assertTrue(why.orElseThrow().contains("amount, owner, customFields.budget"), why.toString());
    }

    @Test
    void requiredFields_validate_unknownFieldIsAViolation() {
        List<Violation> found = Rules.requiredFields("amount", "colour", "customFields.budget", "customFields.x")
                .validate(LEADS, Set.of("budget"), "stages[1].rules[0]");

        assertEquals(List.of("'colour' is not a deal field", "'customFields.x' is not a deal field"),
                found.stream().map(Violation::message).toList());
        assertTrue(found.stream().allMatch(v -> v.rule().equals("known-field")));
    }

    @Test
    void requiredDocuments_rightStatus_passesAndWrongStatusRefuses() {
        StageRule rule = Rules.requiredDocuments(Map.of("offer", "approved", "contract", "signed"));
        Deal draft = deal("New").withDocument("offer", "draft", T).withDocument("contract", "signed", T);
        Deal ready = draft.withDocument("offer", "approved", T);

        assertEquals(Optional.of("entering Contacted needs the documents offer: approved"),
                refusedBy(rule, move(draft, "Contacted")));
        assertEquals(Optional.empty(), refusedBy(rule, move(ready, "Contacted")));
    }

    @Test
    void requiredActivity_meetingLoggedInStage_passes() {
        Activity meeting = new Activity(new ActivityId(new UUID(0, 9)), ActivityType.MEETING, "Demo", "",
                Direction.OUTBOUND, T, List.of(), Set.of(new RecordRef(RecordType.DEAL, new UUID(0, 7))),
                Optional.empty(), Visibility.PUBLIC, T);
        StageRule rule = Rules.requiredActivity(ActivityType.MEETING);

        assertEquals(Optional.empty(), refusedBy(rule, move(deal("New"), "Contacted", ANNA, Optional.empty(),
                List.of(meeting))));
        assertEquals(Optional.of("entering Contacted needs a meeting logged in stage New"),
                refusedBy(rule, move(deal("New"), "Contacted")));
    }

    @Test
    void amountPositive_missingZeroAndPositive() {
        StageRule rule = Rules.amountPositive();
        Deal none = deal("New");
        Deal zero = none.withTerms(Optional.of(Money.of("0.00", "EUR")), Optional.empty(), Optional.empty(), T);
        Deal some = none.withTerms(Optional.of(Money.of("0.01", "EUR")), Optional.empty(), Optional.empty(), T);

        assertEquals(Optional.of("entering Contacted needs an amount"), refusedBy(rule, move(none, "Contacted")));
        assertTrue(refusedBy(rule, move(zero, "Contacted")).orElseThrow().contains("above zero"));
        assertEquals(Optional.empty(), refusedBy(rule, move(some, "Contacted")));
    }

    @Test
    void allowedMovers_roleOrOwner() {
        StageRule rule = Rules.allowedMovers(Set.of("manager"), true);
        Deal owned = deal("New").withParties(Optional.of(UserId.of("anna")), Optional.empty(), Optional.empty(),
                Optional.empty(), "", T);

        assertEquals(Optional.empty(), refusedBy(rule, move(owned, "Contacted", ANNA, Optional.empty(), List.of())));
        assertEquals(Optional.empty(), refusedBy(rule, move(deal("New"), "Contacted", Actor.of("mara", "manager"),
                Optional.empty(), List.of())));
        assertEquals(Optional.of("anna may not move deals into Contacted; allowed: the owner or roles [manager]"),
                refusedBy(rule, move(deal("New"), "Contacted")));
    }

    @Test
    void noSkipping_nextStagePassesJumpRefusesLosingNeverSkips() {
        StageRule rule = Rules.noSkipping();

        assertEquals(Optional.empty(), refusedBy(rule, move(deal("New"), "Contacted")));
        assertEquals(Optional.of("moving from New to Proposal sent skips 2 stage(s)"),
                refusedBy(rule, move(deal("New"), "Proposal sent")));
        assertEquals(Optional.empty(), refusedBy(rule, move(deal("Negotiation"), "Won")));
        assertEquals(Optional.empty(), refusedBy(rule, move(deal("New"), "Lost")));
    }

    @Test
    void noMovingBackwards_earlierRefusedLaterAndLostPass() {
        StageRule rule = Rules.noMovingBackwards();

        assertTrue(refusedBy(rule, move(deal("Qualified"), "Contacted")).isPresent());
        assertEquals(Optional.empty(), refusedBy(rule, move(deal("Qualified"), "Negotiation")));
        assertEquals(Optional.empty(), refusedBy(rule, move(deal("Qualified"), "Lost")));
    }

    @Test
    void noReopening_closedToOpenRefusedClosedToClosedPasses() {
        StageRule rule = Rules.noReopening();

        assertEquals(Optional.of("a lost deal cannot be reopened in Lead pipeline"),
                refusedBy(rule, move(deal("Lost"), "New")));
        assertEquals(Optional.empty(), refusedBy(rule, move(deal("Lost"), "Won")));
        assertEquals(Optional.empty(), refusedBy(rule, move(deal("New"), "Contacted")));
    }

    @Test
    void approvalRequired_approvedForTheStageOnly() {
        StageRule rule = Rules.approvalRequired();
        Deal approved = deal("New").withApproval("contacted", T);

        assertEquals(Optional.empty(), refusedBy(rule, move(approved, "Contacted")));
        assertTrue(refusedBy(rule, move(approved, "Lost")).isPresent());
    }

    @Test
    void lostReason_missingUnknownAndListed() {
        StageRule rule = Rules.lostReasonFrom(List.of("price", "timing"));

        assertTrue(refusedBy(rule, move(deal("New"), "Lost")).orElseThrow().contains("needs a reason"));
        assertTrue(refusedBy(rule, move(deal("New"), "Lost", ANNA, Optional.of("weather"), List.of()))
                .orElseThrow().contains("'weather' is not a lost reason"));
        assertEquals(Optional.empty(), refusedBy(rule, move(deal("New"), "Lost", ANNA, Optional.of(" price "),
                List.of())));
    }
}
