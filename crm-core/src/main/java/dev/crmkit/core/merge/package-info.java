/**
 * Merging duplicate contacts into one survivor, and undoing a merge: the survivor rule, field survivorship, the merge
 * record with its snapshots, the outcomes, the events and the storage port that re-points related records.
 */
package dev.crmkit.core.merge;
