-- crmkit schema, PostgreSQL 13+: companies and leads.
-- ${prefix} is the configured table prefix (default crm_).

CREATE TABLE ${prefix}company (
    id                  uuid         NOT NULL PRIMARY KEY,
    version             bigint       NOT NULL,
    name                text         NOT NULL,
    name_key            text         NOT NULL,
    name_hash           varchar(64)  NOT NULL,
    legal_name          text         NOT NULL,
    registration_number text         NOT NULL,
    tax_number          text         NOT NULL,
    legal_address       jsonb,
    web_domain          varchar(253),
    industry            text         NOT NULL,
    size                varchar(16)  NOT NULL,
    custom_fields       jsonb        NOT NULL,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL
);
CREATE INDEX ${prefix}company_created ON ${prefix}company (created_at, id);
-- name_hash is the SHA-256 (hex) of name_key, which is unbounded; the oldest company of a name key is one index seek.
CREATE INDEX ${prefix}company_name ON ${prefix}company (name_hash, created_at, id);

-- Every web domain belongs to one company: de-duplication across nodes.
CREATE TABLE ${prefix}company_domain (
    domain     varchar(253) NOT NULL PRIMARY KEY,
    company_id uuid         NOT NULL
);
CREATE INDEX ${prefix}company_domain_company ON ${prefix}company_domain (company_id);

CREATE TABLE ${prefix}lead (
    id                      uuid         NOT NULL PRIMARY KEY,
    version                 bigint       NOT NULL,
    contact_id              uuid         NOT NULL,
    company_id              uuid,
    channel                 varchar(32)  NOT NULL,
    campaign                text         NOT NULL,
    utm_source              text         NOT NULL,
    utm_medium              text         NOT NULL,
    utm_campaign            text         NOT NULL,
    utm_term                text         NOT NULL,
    utm_content             text         NOT NULL,
    referrer                text         NOT NULL,
    external_ids            jsonb        NOT NULL,
    request                 text         NOT NULL,
    first_name              text         NOT NULL,
    last_name               text         NOT NULL,
    email                   varchar(254),
    phone                   varchar(32),
    company_name            text         NOT NULL,
    owner_id                varchar(200),
    status                  varchar(16)  NOT NULL,
    is_open                 boolean      NOT NULL,
    disqualification_reason text,
    submissions             integer      NOT NULL,
    custom_fields           jsonb        NOT NULL,
    created_at              timestamptz  NOT NULL,
    updated_at              timestamptz  NOT NULL
);
CREATE INDEX ${prefix}lead_created ON ${prefix}lead (created_at, id);
CREATE INDEX ${prefix}lead_status ON ${prefix}lead (status, created_at, id);
CREATE INDEX ${prefix}lead_owner ON ${prefix}lead (owner_id, created_at, id);
CREATE INDEX ${prefix}lead_open_email ON ${prefix}lead (email, is_open, created_at, id);
CREATE INDEX ${prefix}lead_open_phone ON ${prefix}lead (phone, is_open, created_at, id);

-- Every external submission id belongs to one lead: a replayed submission is recognized across nodes.
CREATE TABLE ${prefix}lead_external_id (
    external_id varchar(400) NOT NULL PRIMARY KEY,
    lead_id     uuid         NOT NULL
);
CREATE INDEX ${prefix}lead_external_id_lead ON ${prefix}lead_external_id (lead_id);
