-- crmkit schema, H2 2.x: the erased people (PersonalData.isErased).
-- ${prefix} is the configured table prefix (default crm_). A row marks a contact whose data an erasure (or the
-- retention job, through the erasure's body) anonymized, written in the erasure's unit of work under the contact's
-- lock. A contact edit reads it after taking the contact's row lock and is refused (rule "erased"), so an edit that
-- waited for an erasure does not write new values onto the anonymous row (a lead edit knows an erased lead by its
-- stand-in e-mail). It holds the contact id only, no personal value.

CREATE TABLE ${prefix}erased_contact (
    contact_id UUID                        NOT NULL PRIMARY KEY,
    erased_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
