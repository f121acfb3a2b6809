-- crmkit schema, H2 2.x: companies and leads.
-- ${prefix} is the configured table prefix (default crm_).

CREATE TABLE ${prefix}company (
    id                  UUID                        NOT NULL PRIMARY KEY,
    version             BIGINT                      NOT NULL,
    name                CHARACTER VARYING           NOT NULL,
    name_key            CHARACTER VARYING           NOT NULL,
    name_hash           CHARACTER VARYING(64)       NOT NULL,
    legal_name          CHARACTER VARYING           NOT NULL,
    registration_number CHARACTER VARYING           NOT NULL,
    tax_number          CHARACTER VARYING           NOT NULL,
    legal_address       JSON,
    web_domain          CHARACTER VARYING(253),
    industry            CHARACTER VARYING           NOT NULL,
    size                CHARACTER VARYING(16)       NOT NULL,
    custom_fields       JSON                        NOT NULL,
    created_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX ${prefix}company_created ON ${prefix}company (created_at, id);
CREATE INDEX ${prefix}company_name ON ${prefix}company (name_hash, created_at, id);

CREATE TABLE ${prefix}company_domain (
    domain     CHARACTER VARYING(253) NOT NULL PRIMARY KEY,
    company_id UUID                   NOT NULL
);
CREATE INDEX ${prefix}company_domain_company ON ${prefix}company_domain (company_id);

CREATE TABLE ${prefix}lead (
    id                      UUID                        NOT NULL PRIMARY KEY,
    version                 BIGINT                      NOT NULL,
    contact_id              UUID                        NOT NULL,
    company_id              UUID,
    channel                 CHARACTER VARYING(32)       NOT NULL,
    campaign                CHARACTER VARYING           NOT NULL,
    utm_source              CHARACTER VARYING           NOT NULL,
    utm_medium              CHARACTER VARYING           NOT NULL,
    utm_campaign            CHARACTER VARYING           NOT NULL,
    utm_term                CHARACTER VARYING           NOT NULL,
    utm_content             CHARACTER VARYING           NOT NULL,
    referrer                CHARACTER VARYING           NOT NULL,
    external_ids            JSON                        NOT NULL,
    request                 CHARACTER VARYING           NOT NULL,
    first_name              CHARACTER VARYING           NOT NULL,
    last_name               CHARACTER VARYING           NOT NULL,
    email                   CHARACTER VARYING(254),
    phone                   CHARACTER VARYING(32),
    company_name            CHARACTER VARYING           NOT NULL,
    owner_id                CHARACTER VARYING(200),
    status                  CHARACTER VARYING(16)       NOT NULL,
    is_open                 BOOLEAN                     NOT NULL,
    disqualification_reason CHARACTER VARYING,
    submissions             INTEGER                     NOT NULL,
    custom_fields           JSON                        NOT NULL,
    created_at              TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX ${prefix}lead_created ON ${prefix}lead (created_at, id);
CREATE INDEX ${prefix}lead_status ON ${prefix}lead (status, created_at, id);
CREATE INDEX ${prefix}lead_owner ON ${prefix}lead (owner_id, created_at, id);
CREATE INDEX ${prefix}lead_open_email ON ${prefix}lead (email, is_open, created_at, id);
CREATE INDEX ${prefix}lead_open_phone ON ${prefix}lead (phone, is_open, created_at, id);

CREATE TABLE ${prefix}lead_external_id (
    external_id CHARACTER VARYING(400) NOT NULL PRIMARY KEY,
    lead_id     UUID                   NOT NULL
);
CREATE INDEX ${prefix}lead_external_id_lead ON ${prefix}lead_external_id (lead_id);
