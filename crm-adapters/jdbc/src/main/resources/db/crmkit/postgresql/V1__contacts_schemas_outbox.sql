-- crmkit schema, PostgreSQL 13+: contacts, custom field schemas and the transactional outbox.
-- ${prefix} is the configured table prefix (default crm_).

CREATE TABLE ${prefix}contact (
    id             uuid         NOT NULL PRIMARY KEY,
    version        bigint       NOT NULL,
    first_name     text         NOT NULL,
    last_name      text         NOT NULL,
    emails         jsonb        NOT NULL,
    phones         jsonb        NOT NULL,
    addresses      jsonb        NOT NULL,
    language       varchar(100),
    birthday       date,
    consent_status varchar(16)  NOT NULL,
    consent_since  timestamptz,
    consent_source text         NOT NULL,
    affiliations   jsonb        NOT NULL,
    custom_fields  jsonb        NOT NULL,
    owner_id       varchar(200),
    created_at     timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL
);
CREATE INDEX ${prefix}contact_created ON ${prefix}contact (created_at, id);

-- Every normalized e-mail ('e:' + address) and phone ('p:' + E.164) belongs to one contact: de-duplication across nodes.
CREATE TABLE ${prefix}contact_point (
    point      varchar(400) NOT NULL PRIMARY KEY,
    contact_id uuid         NOT NULL
);
CREATE INDEX ${prefix}contact_point_contact ON ${prefix}contact_point (contact_id);

CREATE TABLE ${prefix}contact_company (
    company_id uuid        NOT NULL,
    contact_id uuid        NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (company_id, contact_id)
);
CREATE INDEX ${prefix}contact_company_order ON ${prefix}contact_company (company_id, created_at, contact_id);
CREATE INDEX ${prefix}contact_company_contact ON ${prefix}contact_company (contact_id);

CREATE TABLE ${prefix}custom_field_schema (
    record_type varchar(32) NOT NULL PRIMARY KEY,
    fields      jsonb       NOT NULL
);

CREATE TABLE ${prefix}outbox (
    seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    aggregate_id varchar(200) NOT NULL,
    event_type   varchar(300) NOT NULL,
    occurred_at  timestamptz  NOT NULL,
    payload      jsonb        NOT NULL,
    delivered_at timestamptz
);
CREATE INDEX ${prefix}outbox_pending ON ${prefix}outbox (seq) WHERE delivered_at IS NULL;
