-- crmkit schema, MariaDB 10.6+: the detail of a lead's source, phone numbers with extensions, and the content
-- fingerprint of every submission that carried an external id.
-- ${prefix} is the configured table prefix (default crm_).

-- The source label as the sender wrote it ("facebook", "trade fair 2026"), when it said more than the channel.
-- E.164 (at most 16 characters) plus ";ext=" and an extension of up to 20 digits.
-- {"<external id>": "<SHA-256 hex of the normalized submission>"}; NULL for leads captured before this version,
-- whose external ids then count as the same submission.
ALTER TABLE ${prefix}lead
    ADD COLUMN source_detail TEXT,
    MODIFY COLUMN phone VARCHAR(64),
    ADD COLUMN external_id_fingerprints JSON;
