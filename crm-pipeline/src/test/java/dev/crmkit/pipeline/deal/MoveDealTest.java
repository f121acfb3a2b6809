package dev.crmkit.pipeline.deal;

import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.pipeline.definition.Actor;
import dev.crmkit.pipeline.definition.PipelineId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MoveDealTest {

    private static final DealId ID = new DealId(new UUID(0, 1));
    private static final Actor ANNA = Actor.of("anna", "sales");
    private static final Deal SEEN = Deal.builder(ID, new PipelineId(new UUID(0, 2)), "50 seats", "New",
            Instant.parse("2026-11-23T09:00:00Z")).version(3).build();

    @Test
    void atVersionOf_withoutVersion_isTheMoveAtTheHeldVersion() {
        MoveDeal move = MoveDeal.to(ID, "Proposal", ANNA);
        assertEquals(move.atVersion(3), move.atVersionOf(SEEN));
        assertEquals(OptionalLong.of(3), move.atVersionOf(SEEN).expectedVersion());
    }

    @Test
    void atVersionOf_atTheHeldVersionAlready_isTheSameMove() {
        MoveDeal move = MoveDeal.to(ID, "Proposal", ANNA).atVersion(3);
        assertSame(move, move.atVersionOf(SEEN));
    }

    @Test
    void requireSeen_refusesAnotherDealAndAnotherVersion_asAtVersionOfDoes() {
        assertDoesNotThrow(() -> MoveDeal.to(ID, "Proposal", ANNA).requireSeen(SEEN));
        ValidationException otherDeal = assertThrows(ValidationException.class,
                () -> MoveDeal.to(new DealId(new UUID(0, 9)), "Proposal", ANNA).requireSeen(SEEN));
        assertEquals("seen-deal", otherDeal.violations().get(0).rule());
        ValidationException otherVersion = assertThrows(ValidationException.class,
                () -> MoveDeal.to(ID, "Proposal", ANNA).atVersion(2).requireSeen(SEEN));
        assertEquals("seen-version", otherVersion.violations().get(0).rule());
    }
}
