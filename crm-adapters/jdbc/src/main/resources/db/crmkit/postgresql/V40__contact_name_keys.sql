-- crmkit schema, PostgreSQL 13+: the phonetic keys of a contact's name (NameKeys), the indexed candidate query of
-- duplicate rules at capture (Contacts.findBySoundOfName), so that a typo in both names is still found.
-- ${prefix} is the configured table prefix (default crm_).
--
-- name_key: the Double Metaphone code of the family name and the given name's initial ("SM0|k");
-- nickname_key: the given name's nickname group and the family name's code ("#12|SM0"). Empty when a part of the name
-- is empty; NULL only for rows written before this script, which CrmSchema.migrate fills right after it (the codes
-- cannot be computed in SQL).

ALTER TABLE ${prefix}contact ADD COLUMN name_key varchar(200);
ALTER TABLE ${prefix}contact ADD COLUMN nickname_key varchar(200);
CREATE INDEX ${prefix}contact_name_key ON ${prefix}contact (name_key, seq);
CREATE INDEX ${prefix}contact_nickname_key ON ${prefix}contact (nickname_key, seq);
