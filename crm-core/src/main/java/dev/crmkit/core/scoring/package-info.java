/**
 * Lead scoring. Rule-based: a {@link dev.crmkit.core.scoring.ScoringModel} of
 * {@link dev.crmkit.core.scoring.ScoringRule}s in {@link dev.crmkit.core.scoring.ScoreGroup}s, each group capped,
 * behaviour decaying with a half-life, turns a lead's facts into a 0-100 {@link dev.crmkit.core.scoring.Score} with
 * its explanation, a {@link dev.crmkit.core.scoring.Temperature} and a forward-only
 * {@link dev.crmkit.core.scoring.LifecycleStage}; {@link dev.crmkit.core.scoring.LeadScoring} is the use case (one lead
 * on a relevant event, or all leads in batches) and {@link dev.crmkit.core.scoring.LeadScores} its storage port.
 * Predictive: {@link dev.crmkit.core.scoring.NaiveBayes} trains a {@link dev.crmkit.core.scoring.WinModel} from closed
 * history, {@link dev.crmkit.core.scoring.ModelQuality} measures it on held-out history, and
 * {@link dev.crmkit.core.scoring.WinProbabilities} lets a hand-typed probability override the model.
 */
package dev.crmkit.core.scoring;
