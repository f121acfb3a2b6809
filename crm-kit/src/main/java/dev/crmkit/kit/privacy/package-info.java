/**
 * The export of a person's data across every module (crm-core's records, crm-pipeline's deals, crm-service's
 * records), composed here because crm-core cannot see the other modules. The JSON document is written by
 * crm-adapters-json ({@code PersonalDataJson}); its schema is {@code docs/privacy-export.md}.
 */
package dev.crmkit.kit.privacy;
