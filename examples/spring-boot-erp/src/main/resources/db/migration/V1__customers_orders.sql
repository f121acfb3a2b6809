-- The ERP's own tables, migrated by the ERP's Flyway (history: flyway_schema_history). crmkit's tables (crm_*) are
-- migrated by the starter afterwards, with their own history table (crm_schema_history), in the same schema.
CREATE TABLE erp_customer (
    id          uuid         NOT NULL PRIMARY KEY,
    number      varchar(20)  NOT NULL UNIQUE,
    name        varchar(200) NOT NULL,
    email       varchar(254) NOT NULL,
    crm_lead_id uuid         NOT NULL
);

CREATE TABLE erp_order (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id uuid          NOT NULL REFERENCES erp_customer (id),
    ordered_on  date          NOT NULL,
    amount      numeric(19,2) NOT NULL CHECK (amount > 0),
    currency    char(3)       NOT NULL
);
CREATE INDEX erp_order_customer ON erp_order (customer_id);
