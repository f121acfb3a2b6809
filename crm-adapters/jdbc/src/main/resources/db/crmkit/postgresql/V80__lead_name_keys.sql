-- crmkit schema, PostgreSQL 13+: the phonetic keys of a lead's own submitted name (NameKeys), the indexed candidate query of
-- duplicate rules for leads (Leads.findOpenBySoundOfName), so a lead is found by the name it came with even when its
-- contact's name differs (the contact was edited or merged since). Derived from lead.first_name/last_name and
-- rewritten by every write of a lead row (JdbcLeads: insert, bulk insert, update, bulk update, merge restore and
-- undo, import; the erasure deletes them): one row per lead, name_key the Double Metaphone code of the family name
-- and the given name's initial ("SM0|k"), nickname_key the given name's nickname group and the family name's code
-- ("#12|SM0"), each empty when a part of the name is. Personal data as much as the name is; not exported (a restore
-- writes these rows again). lead_name_key_fill queues the leads stored before this script, which CrmSchema.migrate
-- keys right after it (the codes cannot be computed in SQL).
-- ${prefix} is the configured table prefix (default crm_).

CREATE TABLE ${prefix}lead_name_key (
    lead_id      uuid         NOT NULL PRIMARY KEY,
    name_key     varchar(200) NOT NULL,
    nickname_key varchar(200) NOT NULL
);
CREATE INDEX ${prefix}lead_name_key_name ON ${prefix}lead_name_key (name_key);
CREATE INDEX ${prefix}lead_name_key_nickname ON ${prefix}lead_name_key (nickname_key);

CREATE TABLE ${prefix}lead_name_key_fill (
    lead_id uuid NOT NULL PRIMARY KEY
);
INSERT INTO ${prefix}lead_name_key_fill (lead_id) SELECT id FROM ${prefix}lead;
