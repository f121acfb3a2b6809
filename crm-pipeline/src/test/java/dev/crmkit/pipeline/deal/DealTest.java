package dev.crmkit.pipeline.deal;

import dev.crmkit.pipeline.definition.Actor;
import dev.crmkit.pipeline.definition.PipelineDefinition;
import dev.crmkit.pipeline.definition.PipelineId;
import dev.crmkit.pipeline.definition.Presets;
import dev.crmkit.pipeline.definition.StageActivities;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DealTest {

    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
    private static final PipelineDefinition LEADS = Presets.classicLead();
    private static final Actor ANNA = Actor.of("anna");

    private static Deal deal(String stage) {
        return Deal.open(new DealId(new UUID(0, 1)), new PipelineId(new UUID(0, 2)), " Seats ",
                LEADS.stage(stage).orElseThrow(), T);
    }

    private static StageChange move(Deal deal, String to, Optional<String> reason, Instant at) {
        return deal.move(LEADS, to, ANNA, reason, StageActivities.none(), new UUID(0, 9), at);
    }

    @Test
    void open_takesTheStageProbabilityAndTrimsTheTitle() {
        Deal d = deal("Qualified");

        assertEquals("Seats", d.title());
        assertEquals(25, d.probability());
        assertEquals(0, d.version());
        assertEquals(T, d.stageEnteredAt());
    }

    @Test
    void move_allowed_entersTheStageAndWritesTheHistoryEntry() {
        Deal d = deal("New");

        StageChange.StageChanged c = assertInstanceOf(StageChange.StageChanged.class,
                move(d, "contacted", Optional.empty(), T.plus(Duration.ofHours(3))));

        assertEquals("Contacted", c.deal().stage());
        assertEquals(T.plus(Duration.ofHours(3)), c.deal().stageEnteredAt());
        assertEquals(10, c.deal().probability());
        assertEquals(new StageHistoryEntry(new UUID(0, 9), d.id(), 1, d.pipelineId(), Optional.of("New"),
                "Contacted", ANNA.user(), T.plus(Duration.ofHours(3)), Duration.ofHours(3)), c.entry());
    }

    @Test
    void move_unknownOrSameStage_isRejectedByItsRule() {
        StageChange.StageChangeRejected unknown = assertInstanceOf(StageChange.StageChangeRejected.class,
                move(deal("New"), "Nowhere", Optional.empty(), T));
        StageChange.StageChangeRejected same = assertInstanceOf(StageChange.StageChangeRejected.class,
                move(deal("New"), "new", Optional.empty(), T));

        assertTrue(unknown.refusedBy("known-stage"));
        assertTrue(same.refusedBy("same-stage"));
    }

    @Test
    void move_toLostThenReopen_stampsAndClearsLostFields() {
        Deal lost = ((StageChange.StageChanged) move(deal("Qualified"), "Lost", Optional.of("price"), T)).deal();
        Deal reopened = ((StageChange.StageChanged) move(lost, "Qualified", Optional.empty(), T.plusSeconds(5)))
                .deal();

        assertEquals(Optional.of(T), lost.lostAt());
        assertEquals(Optional.of("price"), lost.lostReason());
        assertEquals(0, lost.probability());
        assertTrue(lost.isClosed());
        assertEquals(Optional.empty(), reopened.lostAt());
        assertEquals(Optional.empty(), reopened.lostReason());
    }

    @Test
    void probability_overrideStaysAcrossMovesUntilClearedButNotWhenClosed() {
        Deal d = deal("New").withProbabilityOverride(Optional.of(33), T);
        Deal moved = ((StageChange.StageChanged) move(d, "Qualified", Optional.empty(), T)).deal();
        Deal won = ((StageChange.StageChanged) move(moved, "Won", Optional.empty(), T)).deal();

        assertEquals(33, moved.probability());
        assertEquals(25, moved.withProbabilityOverride(Optional.empty(), T).probability());
        assertEquals(100, won.probability());
        assertEquals(Optional.of(T), won.wonAt());
    }

    @Test
    void hasValue_unknownField_isAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> deal("New").hasValue("colour"));
        assertTrue(!deal("New").hasValue("customFields.colour"));
    }

    @Test
    void construct_overrideOutOfRange_isRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> deal("New").withProbabilityOverride(Optional.of(101), T));
    }
}
