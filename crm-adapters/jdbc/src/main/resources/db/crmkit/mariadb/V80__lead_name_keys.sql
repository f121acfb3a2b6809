-- crmkit schema, MariaDB 10.6+: the phonetic keys of a lead's own submitted name (NameKeys), the indexed candidate query of
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
    lead_id      CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    name_key     VARCHAR(200) NOT NULL,
    nickname_key VARCHAR(200) NOT NULL,
    INDEX ${prefix}lead_name_key_name (name_key),
    INDEX ${prefix}lead_name_key_nickname (nickname_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ${prefix}lead_name_key_fill (
    lead_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
INSERT INTO ${prefix}lead_name_key_fill (lead_id) SELECT id FROM ${prefix}lead;
