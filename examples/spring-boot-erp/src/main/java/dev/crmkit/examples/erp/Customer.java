package dev.crmkit.examples.erp;

import dev.crmkit.core.lead.LeadId;

import java.util.UUID;

/**
 * A customer of the ERP, with the crmkit lead it was captured as.
 *
 * @param id     the ERP's id
 * @param number the ERP's customer number, unique
 * @param name   the display name
 * @param email  the e-mail address
 * @param lead   the crmkit lead
 */
public record Customer(UUID id, String number, String name, String email, LeadId lead) {
}
