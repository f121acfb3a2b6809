package dev.crmkit.examples.cli.bench;

import dev.crmkit.examples.cli.bench.PipelineBenchmark.Pass;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PipelineRoundsTest {

    @Test
    void median_ofThreeRounds_isTheMiddleTime_whateverTheOrder() {
        RoundTimes times = new RoundTimes(List.of(900L, 300L, 500L));

        assertEquals(500L, times.median());
        assertEquals(300L, times.min());
        assertEquals(900L, times.max());
        assertEquals(3, times.rounds());
        assertEquals(List.of(900L, 300L, 500L), times.nanos(), "kept in round order");
    }

    @Test
    void median_ofAnEvenCount_isTheMeanOfTheTwoMiddleTimes() {
        assertEquals(400L, new RoundTimes(List.of(700L, 300L, 100L, 500L)).median());
        assertEquals(7L, new RoundTimes(List.of(7L)).median());
    }

    @Test
    void median_oneSlowRound_doesNotMoveIt() {
        assertEquals(210L, new RoundTimes(List.of(200L, 210L, 5_000L, 220L, 205L)).median());
    }

    @Test
    void noRounds_refused() {
        assertThrows(IllegalArgumentException.class, () -> new RoundTimes(List.of()));
    }

    @Test
    void order_rotatesOnePlaceARound_soEachPassRunsFirstOnceInThree() {
        assertEquals(List.of(Pass.CRMKIT, Pass.HELD, Pass.BASELINE), PipelineBenchmark.order(0));
        assertEquals(List.of(Pass.HELD, Pass.BASELINE, Pass.CRMKIT), PipelineBenchmark.order(1));
        assertEquals(List.of(Pass.BASELINE, Pass.CRMKIT, Pass.HELD), PipelineBenchmark.order(2));
        assertEquals(PipelineBenchmark.order(0), PipelineBenchmark.order(3));
        assertEquals(PipelineBenchmark.order(2), PipelineBenchmark.order(5));
        assertThrows(IllegalArgumentException.class, () -> PipelineBenchmark.order(-1));
    }

    @Test
    void order_withTheWriteSet_rotatesAllFour_soEachPassRunsFirstOnceInFour() {
        assertEquals(List.of(Pass.CRMKIT, Pass.HELD, Pass.BASELINE, Pass.WRITE_SET), PipelineBenchmark.order(0, true));
        assertEquals(List.of(Pass.HELD, Pass.BASELINE, Pass.WRITE_SET, Pass.CRMKIT), PipelineBenchmark.order(1, true));
        assertEquals(List.of(Pass.WRITE_SET, Pass.CRMKIT, Pass.HELD, Pass.BASELINE), PipelineBenchmark.order(3, true));
        assertEquals(PipelineBenchmark.order(0, true), PipelineBenchmark.order(4, true));
        assertEquals(PipelineBenchmark.order(1), PipelineBenchmark.order(1, false));
    }
}
