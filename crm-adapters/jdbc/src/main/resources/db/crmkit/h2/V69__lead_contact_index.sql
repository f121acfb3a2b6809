-- crmkit schema, H2: the open leads of a contact are one index seek (Leads.findOpenByContacts),
-- the bounded candidate query of duplicate rules for leads at capture: the open leads of the contacts whose name
-- sounds like the new lead's. ${prefix} is the configured table prefix (default crm_).

CREATE INDEX ${prefix}lead_contact_open ON ${prefix}lead (contact_id, is_open, seq);
