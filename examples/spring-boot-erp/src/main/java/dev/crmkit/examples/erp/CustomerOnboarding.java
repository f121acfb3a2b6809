package dev.crmkit.examples.erp;

import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * Onboards a customer: captures the person as a crmkit lead and writes the ERP's customer row, in one transaction of
 * the ERP. If either fails (a taken customer number, an invalid e-mail), neither is kept, and nobody hears of the lead.
 */
@Service
public class CustomerOnboarding {

    private final JdbcTemplate jdbc;
    private final Crm crm;

    CustomerOnboarding(JdbcTemplate jdbc, Crm crm) {
        this.jdbc = jdbc;
        this.crm = crm;
    }

    /**
     * Onboards one customer.
     *
     * @throws IllegalArgumentException if crmkit refuses the submission, naming the fields
     * @throws org.springframework.dao.DuplicateKeyException if the customer number is taken
     */
    @Transactional
    public Customer onboard(String number, String firstName, String lastName, String email, String phone) {
        LeadSubmission.Builder submission = LeadSubmission.from(Channel.WEB_FORM).name(firstName, lastName)
                .email(email).externalId("erp-customer-" + number);
        if (phone != null) {
            submission.phone(phone);
        }
        Lead lead = leadOf(crm.capture().capture(submission.build()));
        Customer customer = new Customer(UUID.randomUUID(), number, firstName + " " + lastName, email, lead.id());
        jdbc.update("INSERT INTO erp_customer (id, number, name, email, crm_lead_id) VALUES (?, ?, ?, ?, ?)",
                customer.id(), customer.number(), customer.name(), customer.email(), lead.id().value());
        return customer;
    }

    private static Lead leadOf(CaptureOutcome outcome) {
        if (outcome instanceof CaptureOutcome.NewLeadNewContact created) {
            return created.capturedLead();
        }
        if (outcome instanceof CaptureOutcome.NewLeadExistingContact created) {
            return created.capturedLead();
        }
        if (outcome instanceof CaptureOutcome.DuplicateFolded folded) {
            return folded.existingLead();
        }
        if (outcome instanceof CaptureOutcome.AlreadyCaptured already) {
            return already.existingLead();
        }
        if (outcome instanceof CaptureOutcome.Blocked blocked) {
            throw new IllegalArgumentException("crmkit refused the customer: " + blocked.reason());
        }
        throw new IllegalArgumentException("crmkit refused the customer: "
                + ((CaptureOutcome.Rejected) outcome).violations());
    }
}
