package dev.crmkit.core.duplicate;

import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.lead.Channel;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

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

    @Test
    void recordTypes_contactsKeepTheChannelRules_companiesAndLeadsAllowUnlessNamed() {
        DuplicateRules rules = DuplicateRules.everywhere(DuplicateAction.ALERT)
                .withChannel(Channel.CALL, DuplicateAction.BLOCK);
        assertEquals(DuplicateAction.BLOCK, rules.forRecord(RecordType.CONTACT, Optional.of(Channel.CALL)));
        assertEquals(DuplicateAction.ALERT, rules.forRecord(RecordType.CONTACT, Optional.of(Channel.CHAT)));
        assertEquals(DuplicateAction.ALERT, rules.forRecord(RecordType.CONTACT, Optional.empty()));
        for (RecordType other : new RecordType[] {RecordType.COMPANY, RecordType.LEAD, RecordType.DEAL}) {
            assertEquals(DuplicateAction.ALLOW, rules.forRecord(other, Optional.empty()));
            assertEquals(DuplicateAction.ALLOW, rules.forRecord(other, Optional.of(Channel.CALL)));
        }
    }

    @Test
    void recordTypes_mostSpecificRuleWins() {
        DuplicateRules rules = layeredRules();
        // type + channel, then the contact channel rule, then the type, then (contacts) otherwise
        assertEquals(DuplicateAction.ALLOW, rules.forRecord(RecordType.CONTACT, Optional.of(Channel.WEB_FORM)));
        assertEquals(DuplicateAction.ALERT, rules.forRecord(RecordType.CONTACT, Optional.of(Channel.CALL)));
        assertEquals(DuplicateAction.ALERT, rules.forChannel(Channel.CALL));
        assertEquals(DuplicateAction.BLOCK, rules.forRecord(RecordType.CONTACT, Optional.of(Channel.CHAT)));
        assertEquals(DuplicateAction.BLOCK, rules.forRecord(RecordType.CONTACT, Optional.empty()));
        assertEquals(DuplicateAction.BLOCK, rules.forRecord(RecordType.COMPANY, Optional.of(Channel.IMPORT)));
        assertEquals(DuplicateAction.ALERT, rules.forRecord(RecordType.COMPANY, Optional.empty()));
        assertEquals(DuplicateAction.ALLOW, rules.forRecord(RecordType.LEAD, Optional.of(Channel.IMPORT)));
    }

    @Test
    void theThreeArgumentRulesAreTheContactRulesOfBefore_withTheDefaultCandidateLimit() {
        DuplicateRules old = new DuplicateRules(Map.of(Channel.CALL, DuplicateAction.BLOCK), DuplicateAction.ALERT,
                0.9);
        assertEquals(DuplicateRules.DEFAULT_CANDIDATE_LIMIT, old.candidateLimit());
        assertEquals(DuplicateAction.BLOCK, old.forChannel(Channel.CALL));
        assertEquals(DuplicateAction.ALERT, old.forChannel(Channel.ADS));
        assertEquals(Map.of(), old.byType());
        assertEquals(0.9, old.withCandidateLimit(7).threshold());
        assertEquals(7, old.withCandidateLimit(7).candidateLimit());
        assertEquals(0.5, old.withThreshold(0.5).threshold());
    }

    @Test
    void candidateLimitOutsideItsBoundsIsRefusedNamingIt() {
        for (int bad : new int[] {0, -1, DuplicateRules.MAX_CANDIDATE_LIMIT + 1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DuplicateRules.allowAll().withCandidateLimit(bad));
            assertTrue(e.getMessage().startsWith("candidateLimit"), e.getMessage());
        }
        assertEquals(DuplicateRules.MAX_CANDIDATE_LIMIT,
                DuplicateRules.allowAll().withCandidateLimit(DuplicateRules.MAX_CANDIDATE_LIMIT).candidateLimit());
    }

    @Test
    void rulesAreImmutable_aDerivedRuleLeavesTheOriginalAsItWas() {
        DuplicateRules base = DuplicateRules.allowAll();
        base.withRule(RecordType.LEAD, DuplicateAction.BLOCK).withRule(RecordType.LEAD, Channel.CALL,
                DuplicateAction.ALERT);
        assertEquals(DuplicateAction.ALLOW, base.forRecord(RecordType.LEAD, Optional.of(Channel.CALL)));
        assertEquals(Map.of(), base.byTypeAndChannel());
    }

    /** Rules of every layer: a contact channel rule, type rules, and type-and-channel rules. */
    private static DuplicateRules layeredRules() {
        return DuplicateRules.allowAll()
                .withChannel(Channel.CALL, DuplicateAction.ALERT)
                .withRule(RecordType.CONTACT, DuplicateAction.BLOCK)
                .withRule(RecordType.CONTACT, Channel.WEB_FORM, DuplicateAction.ALLOW)
                .withRule(RecordType.COMPANY, DuplicateAction.ALERT)
                .withRule(RecordType.COMPANY, Channel.IMPORT, DuplicateAction.BLOCK);
    }

    @Test
    void forRecordOfAChannel_isForRecordOfThatChannelPresent_forEveryTypeAndChannel() {
        DuplicateRules rules = layeredRules().withRule(RecordType.LEAD, Channel.IMPORT, DuplicateAction.BLOCK);
        for (RecordType type : RecordType.values()) {
            for (Channel channel : Channel.values()) {
                assertEquals(rules.forRecord(type, Optional.of(channel)), rules.forRecord(type, channel),
                        type + " " + channel);
            }
        }
        assertEquals(DuplicateAction.BLOCK, rules.forRecord(RecordType.LEAD, Channel.IMPORT));
        assertThrows(NullPointerException.class, () -> rules.forRecord(RecordType.LEAD, (Channel) null));
    }
}
