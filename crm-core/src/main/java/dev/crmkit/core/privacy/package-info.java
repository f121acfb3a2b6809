/**
 * A person's data: the export of everything crmkit holds about a person (right of access), their erasure in every
 * table of the store (right to erasure), and the suppression list of salted hashes that flags a later capture of an
 * erased person. {@link dev.crmkit.core.privacy.PersonalDataRights} is the use case; {@link
 * dev.crmkit.core.privacy.PersonalData} and {@link dev.crmkit.core.privacy.SuppressionList} are the store ports.
 */
package dev.crmkit.core.privacy;
