package dev.crmkit.core.duplicate;

import dev.crmkit.core.lead.Channel;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DuplicateRulesTest {

    @Test
    void defaultAllowsEveryChannel() {
        for (Channel channel : Channel.values()) {
            assertEquals(DuplicateAction.ALLOW, DuplicateRules.allowAll().forChannel(channel));
        }
        assertEquals(DuplicateScan.DEFAULT_THRESHOLD, DuplicateRules.allowAll().threshold());
    }

    @Test
    void aChannelRuleOverridesOnlyThatChannel() {
        DuplicateRules rules = DuplicateRules.everywhere(DuplicateAction.ALERT)
                .withChannel(Channel.CALL, DuplicateAction.BLOCK);
        assertEquals(DuplicateAction.BLOCK, rules.forChannel(Channel.CALL));
        assertEquals(DuplicateAction.ALERT, rules.forChannel(Channel.WEB_FORM));
    }

    @Test
    void thresholdOutsideZeroToOneIsRefusedNamingIt() {
        for (double bad : new double[] {0, -0.1, 1.01, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new DuplicateRules(Map.of(), DuplicateAction.ALLOW, bad));
            assertTrue(e.getMessage().startsWith("threshold"), e.getMessage());
        }
    }
}
