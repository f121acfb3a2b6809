-- crmkit schema, H2 2.x: the keys of company names (V70, CompanyNameKeys) are now taken from the name as the matcher
-- compares it, with German umlauts transliterated and the connectors "&", "+", "and", "und", "et" left out, so that
-- "Mueller und Soehne" is looked up from a stored "Müller & Söhne KG" (and "Schmidt & Partner" from "Schmidt und
-- Partner"). The keys written before are cleared here; CrmSchema.migrate computes them again right after the scripts
-- (CompanyNameKeyFill: a Double Metaphone code cannot be computed in SQL), as it filled them after V70. A host that
-- runs the scripts with its own tool calls CrmSchema.fillCompanyNameKeys afterwards. Until then the cleared companies
-- are not found by a typo or an acronym (by their name key and web domain they still are).
-- ${prefix} is the configured table prefix (default crm_).

UPDATE ${prefix}company SET name_sound = NULL, name_acronym = NULL WHERE name_sound IS NOT NULL;
