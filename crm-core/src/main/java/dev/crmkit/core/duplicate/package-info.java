/**
 * Fuzzy duplicate detection: a pairwise matcher that scores two records of people, companies or leads from 0 to 1
 * and explains the score field by field, a Fellegi-Sunter model whose match and non-match probabilities are
 * estimated by EM from the records being scanned (with term-frequency adjustment for names), blocking that makes
 * candidate pairs from several cheap keys, and clusters guarded against chains of weak links.
 *
 * <p>Entry points: {@link dev.crmkit.core.duplicate.DuplicateMatcher} for one pair and
 * {@link dev.crmkit.core.duplicate.DuplicateScan} for a whole base. The nickname list in the resources beside this
 * package is the Apache-2.0 list of github.com/carltonnorthern/nicknames (see {@code nicknames-NOTICE.md}).
 */
package dev.crmkit.core.duplicate;
