-- crmkit schema, H2 2.x: access control (AccessDirectory, Shares).
-- ${prefix} is the configured table prefix (default crm_). Teams nest (parent_id), roles report to roles
-- (reports_to); a role's scopes, field accesses and administrative permissions are rows of access_role_grant
-- (kind SCOPE: record_type, name = permission, grant_value = scope; FIELD: record_type, name = field, grant_value =
-- access; ADMIN: record_type '', name = permission). A share is one row per record and grantee (kind U for a user,
-- T for a team); access_share_record serves the EXISTS of the access filter of a record list, access_share_grantee
-- the lists of what is shared with someone. contact_owner serves the owner_id IN (...) part of that filter on
-- contacts (leads and deals have owner indexes already).

CREATE TABLE ${prefix}access_team (
    id         CHARACTER VARYING(100) NOT NULL PRIMARY KEY,
    name       CHARACTER VARYING(200) NOT NULL,
    parent_id  CHARACTER VARYING(100)
);

CREATE TABLE ${prefix}access_role (
    id         CHARACTER VARYING(100) NOT NULL PRIMARY KEY,
    name       CHARACTER VARYING(200) NOT NULL,
    reports_to CHARACTER VARYING(100)
);

CREATE TABLE ${prefix}access_role_grant (
    role_id     CHARACTER VARYING(100) NOT NULL,
    kind        CHARACTER VARYING(10)  NOT NULL,
    record_type CHARACTER VARYING(20)  NOT NULL,
    name        CHARACTER VARYING(100) NOT NULL,
    grant_value CHARACTER VARYING(20)  NOT NULL,
    PRIMARY KEY (role_id, kind, record_type, name)
);

CREATE TABLE ${prefix}access_user (
    id         CHARACTER VARYING(200) NOT NULL PRIMARY KEY,
    name       CHARACTER VARYING(200) NOT NULL,
    email      CHARACTER VARYING(320),
    team_id    CHARACTER VARYING(100),
    role_id    CHARACTER VARYING(100) NOT NULL
);

CREATE TABLE ${prefix}access_default (
    record_type    CHARACTER VARYING(20) NOT NULL PRIMARY KEY,
    default_access CHARACTER VARYING(30) NOT NULL
);

CREATE TABLE ${prefix}access_share (
    record_type  CHARACTER VARYING(20)  NOT NULL,
    record_id    UUID NOT NULL,
    grantee_kind CHARACTER VARYING(1)   NOT NULL,
    grantee_id   CHARACTER VARYING(200) NOT NULL,
    share_level  CHARACTER VARYING(20)  NOT NULL,
    PRIMARY KEY (record_type, record_id, grantee_kind, grantee_id)
);

CREATE INDEX ${prefix}access_share_grantee ON ${prefix}access_share (grantee_kind, grantee_id, record_type, record_id);
CREATE INDEX ${prefix}contact_owner ON ${prefix}contact (owner_id, created_at, seq);
