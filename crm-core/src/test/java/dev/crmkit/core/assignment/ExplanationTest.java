package dev.crmkit.core.assignment;

import dev.crmkit.core.kernel.UserId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExplanationTest {

    @Test
    void describe_fallbackTeamWithoutSkips_isTwoSentences() {
        Explanation why = new Explanation(Optional.empty(), "sales", List.of(), "round-robin",
                "ana picked by round robin ticket 12 of team sales");

        assertEquals("No routing rule matched: default team sales. round-robin: ana picked by round robin ticket 12 "
                + "of team sales.", why.describe());
    }

    @Test
    void describe_ruleAndSkips_namesTheRuleAndEverySkipInOrder() {
        Explanation why = new Explanation(Optional.of("'german speakers' (language in [de])"), "dach",
                List.of(new Skip(UserId.of("anna"), "away", "anna is away"),
                        new Skip(UserId.of("bernd"), "excluded", "bernd may not get this lead")),
                "round-robin", "carl picked by round robin ticket 3 of team dach");

        assertEquals("Routing rule 'german speakers' (language in [de]) matched: team dach. anna skipped (away): "
                + "anna is away; bernd skipped (excluded): bernd may not get this lead. round-robin: carl picked by "
                + "round robin ticket 3 of team dach.", why.describe());
    }

    @Test
    void describe_oneSkip_endsItsSentence() {
        Explanation why = new Explanation(Optional.empty(), "t", List.of(new Skip(UserId.of("a"), "away",
                "a is away")), "s", "nobody in team t can take the lead");

        assertEquals("No routing rule matched: default team t. a skipped (away): a is away. s: nobody in team t can "
                + "take the lead.", why.describe());
    }
}
