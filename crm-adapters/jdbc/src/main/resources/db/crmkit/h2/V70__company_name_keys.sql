-- crmkit schema, H2 2.x: the keys of a company's name (CompanyNameKeys), the indexed candidate query of duplicate
-- rules for companies (Companies.findBySoundOfName), so that a typo ("Acmee GmbH" for "Acme Gmbh") or an acronym
-- ("IBM" for "International Business Machines") is still found.
-- ${prefix} is the configured table prefix (default crm_).
--
-- name_sound: the Double Metaphone code of the first three words of the name without legal forms ("AKM");
-- name_acronym: the initials of a name of two words or more, or a short one-word name itself ("ibm"). Empty when the
-- name gives none; name_sound is NULL only for rows written before this script, which CrmSchema.migrate fills right
-- after it (the codes cannot be computed in SQL). Company names are not personal data: an erasure leaves them.

ALTER TABLE ${prefix}company ADD COLUMN name_sound CHARACTER VARYING(16);
ALTER TABLE ${prefix}company ADD COLUMN name_acronym CHARACTER VARYING(16);
CREATE INDEX ${prefix}company_name_sound ON ${prefix}company (name_sound, created_at, seq);
CREATE INDEX ${prefix}company_name_acronym ON ${prefix}company (name_acronym, created_at, seq);
