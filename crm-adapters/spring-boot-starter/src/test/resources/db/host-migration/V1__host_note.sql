-- the host application's own table, migrated by the host's Flyway (its own history table, flyway_schema_history)
CREATE TABLE host_note (
    id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    text varchar(200) NOT NULL
);
