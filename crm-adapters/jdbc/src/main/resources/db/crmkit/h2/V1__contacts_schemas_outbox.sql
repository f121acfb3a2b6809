-- crmkit schema, H2 2.x: contacts, custom field schemas and the transactional outbox.
-- ${prefix} is the configured table prefix (default crm_).

CREATE TABLE ${prefix}contact (
    id             UUID                     NOT NULL PRIMARY KEY,
    version        BIGINT                   NOT NULL,
    first_name     CHARACTER VARYING        NOT NULL,
    last_name      CHARACTER VARYING        NOT NULL,
    emails         JSON                     NOT NULL,
    phones         JSON                     NOT NULL,
    addresses      JSON                     NOT NULL,
    language       CHARACTER VARYING(100),
    birthday       DATE,
    consent_status CHARACTER VARYING(16)    NOT NULL,
    consent_since  TIMESTAMP(6) WITH TIME ZONE,
    consent_source CHARACTER VARYING        NOT NULL,
    affiliations   JSON                     NOT NULL,
    custom_fields  JSON                     NOT NULL,
    owner_id       CHARACTER VARYING(200),
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX ${prefix}contact_created ON ${prefix}contact (created_at, id);

CREATE TABLE ${prefix}contact_point (
    point      CHARACTER VARYING(400) NOT NULL PRIMARY KEY,
    contact_id UUID                   NOT NULL
);
CREATE INDEX ${prefix}contact_point_contact ON ${prefix}contact_point (contact_id);

CREATE TABLE ${prefix}contact_company (
    company_id UUID                        NOT NULL,
    contact_id UUID                        NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (company_id, contact_id)
);
CREATE INDEX ${prefix}contact_company_order ON ${prefix}contact_company (company_id, created_at, contact_id);
CREATE INDEX ${prefix}contact_company_contact ON ${prefix}contact_company (contact_id);

CREATE TABLE ${prefix}custom_field_schema (
    record_type CHARACTER VARYING(32) NOT NULL PRIMARY KEY,
    fields      JSON                  NOT NULL
);

CREATE TABLE ${prefix}outbox (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    aggregate_id CHARACTER VARYING(200)      NOT NULL,
    event_type   CHARACTER VARYING(300)      NOT NULL,
    occurred_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    payload      JSON                        NOT NULL,
    delivered_at TIMESTAMP(6) WITH TIME ZONE
);
CREATE INDEX ${prefix}outbox_pending ON ${prefix}outbox (delivered_at, seq);
