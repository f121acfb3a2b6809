package dev.crmkit.metrics.rfm;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static dev.crmkit.metrics.MetricsAssertions.assertRejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StandardSegmentMappingTest {

    private final SegmentMapping mapping = SegmentMapping.standard();

    @Test
    void segmentOf_documentedCells_giveTheirSegments() {
        assertEquals(Segment.CHAMPIONS, mapping.segmentOf(5, 5, 5));
        assertEquals(Segment.CHAMPIONS, mapping.segmentOf(5, 4, 3)); // FM = ceil(3.5) = 4
        assertEquals(Segment.LOYAL_CUSTOMERS, mapping.segmentOf(4, 5, 4));
        assertEquals(Segment.LOYAL_CUSTOMERS, mapping.segmentOf(3, 4, 4));
        assertEquals(Segment.POTENTIAL_LOYALISTS, mapping.segmentOf(5, 2, 3));
        assertEquals(Segment.NEW_CUSTOMERS, mapping.segmentOf(5, 1, 1));
        assertEquals(Segment.PROMISING, mapping.segmentOf(4, 1, 1));
        assertEquals(Segment.NEED_ATTENTION, mapping.segmentOf(3, 3, 3));
        assertEquals(Segment.ABOUT_TO_SLEEP, mapping.segmentOf(3, 1, 2));
        assertEquals(Segment.AT_RISK, mapping.segmentOf(2, 4, 4));
        assertEquals(Segment.CANT_LOSE_THEM, mapping.segmentOf(1, 5, 5));
        assertEquals(Segment.HIBERNATING, mapping.segmentOf(2, 1, 2));
        assertEquals(Segment.LOST, mapping.segmentOf(1, 1, 1));
    }

    @Test
    void segmentOf_everyScoreCombination_reachesAllElevenSegments() {
        Set<Segment> seen = EnumSet.noneOf(Segment.class);
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    seen.add(mapping.segmentOf(r, f, m));
                }
            }
        }
        assertEquals(EnumSet.allOf(Segment.class), seen);
    }

    @Test
    void segmentOf_scoreOutOfRange_isRejectedNamingTheScore() {
        assertRejects("frequency", () -> mapping.segmentOf(3, 6, 3));
        assertRejects("recency", () -> mapping.segmentOf(0, 3, 3));
    }

    @Test
    void label_cantLoseThem_readsAsPublished() {
        assertEquals("can't lose them", Segment.CANT_LOSE_THEM.label());
    }
}
