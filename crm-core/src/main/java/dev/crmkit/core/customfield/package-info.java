/**
 * Custom fields: a {@link dev.crmkit.core.customfield.CustomFieldSchema} per record type lists the fields a business
 * adds to contacts, companies, leads and deals; {@link dev.crmkit.core.customfield.CustomFields} holds a record's
 * values, validated against it. {@link dev.crmkit.core.customfield.CustomFieldSchemas} is the storage port.
 */
package dev.crmkit.core.customfield;
