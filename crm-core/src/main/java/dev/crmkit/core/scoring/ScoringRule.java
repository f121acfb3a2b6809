package dev.crmkit.core.scoring;

import java.util.List;

/**
 * One scoring rule: looks at a lead's facts and fires zero or more times, each {@link Hit} adding or subtracting
 * points in the rule's group. A plain function object; the built-ins are in {@link ScoringRules}, an embedder can
 * write their own. Implementations are immutable and thread-safe.
 */
public interface ScoringRule {

    /** The rule's name, shown in explanations: {@code demo sign-up}. */
    String name();

    /** The group whose cap the rule's points count against. */
    ScoreGroup group();

    /** The rule's hits for the lead, empty when it does not fire. */
    List<Hit> evaluate(LeadFacts facts);
}
