package dev.crmkit.core;

import dev.crmkit.core.access.AccessDirectory;
import dev.crmkit.core.access.Shares;
import dev.crmkit.core.activity.Activities;
import dev.crmkit.core.audit.AuditTrail;
import dev.crmkit.core.assignment.AssignmentState;
import dev.crmkit.core.company.Companies;
import dev.crmkit.core.contact.Contacts;
import dev.crmkit.core.customfield.CustomFieldSchemas;
import dev.crmkit.core.idempotency.IdempotencyKeys;
import dev.crmkit.core.kernel.DomainEvents;
import dev.crmkit.core.kernel.Transactions;
import dev.crmkit.core.lead.Leads;
import dev.crmkit.core.merge.ContactMerges;
import dev.crmkit.core.scoring.LeadScores;
import dev.crmkit.core.scoring.ProbabilityOverrides;
import dev.crmkit.core.task.Tasks;

/**
 * One storage for every crmkit port, sharing one notion of a unit of work. crm-adapters provides the in-memory
 * store and the JDBC store. Implementations are thread-safe.
 */
public interface CrmStore {

    /** The contacts. */
    Contacts contacts();

    /** The companies. */
    Companies companies();

    /** The leads. */
    Leads leads();

    /** The timeline. */
    Activities activities();

    /** The tasks. */
    Tasks tasks();

    /** The custom field schemas. */
    CustomFieldSchemas customFieldSchemas();

    /** The lead scores, one per scored lead. */
    LeadScores leadScores();

    /** The hand-typed win probabilities, at most one per lead. */
    ProbabilityOverrides probabilityOverrides();

    /**
     * What assignment policies remember (rotation cursors, daily quota use, lead claims), shared by every node that
     * uses this storage.
     */
    AssignmentState assignmentState();

    /**
     * The outcomes of keyed calls (an {@link dev.crmkit.core.idempotency.IdempotencyKey} per call), written in the
     * units of work of those calls, so a retry returns the first outcome instead of doing the work again. The default
     * is a store that keeps none: keyed calls on it fail with an {@link UnsupportedOperationException}; crmkit's
     * stores keep them.
     */
    default IdempotencyKeys idempotencyKeys() {
        return IdempotencyKeys.unsupported();
    }

    /**
     * The merges of contacts, re-pointing every record of this store that refers to a contact. The default is a store
     * that keeps none: merges on it fail with an {@link UnsupportedOperationException}; crmkit's stores keep them.
     */
    default ContactMerges contactMerges() {
        return ContactMerges.unsupported();
    }

    /**
     * The merges of companies, re-pointing every record of this store that refers to a company. The default is a
     * store that keeps none: merges on it fail with an {@link UnsupportedOperationException}.
     */
    default dev.crmkit.core.merge.CompanyMerges companyMerges() {
        return dev.crmkit.core.merge.CompanyMerges.unsupported();
    }

    /**
     * The merges of leads, re-pointing every record of this store that refers to a lead. The default is a store that
     * keeps none: merges on it fail with an {@link UnsupportedOperationException}.
     */
    default dev.crmkit.core.merge.LeadMerges leadMerges() {
        return dev.crmkit.core.merge.LeadMerges.unsupported();
    }

    /**
     * The audit trail, written in the units of work of the changes it records. The default is a store that keeps
     * none ({@link AuditTrail#none()}); crmkit's stores keep one.
     */
    default AuditTrail auditTrail() {
        return AuditTrail.none();
    }

    /**
     * The users, teams, roles and default accesses. The default is a store that keeps none: its calls fail with an
     * {@link UnsupportedOperationException}; crmkit's stores keep them.
     */
    default AccessDirectory accessDirectory() {
        throw new UnsupportedOperationException("this store keeps no access directory");
    }

    /** The explicit shares of records; the default fails like {@link #accessDirectory()}. */
    default Shares shares() {
        throw new UnsupportedOperationException("this store keeps no shares");
    }

    /**
     * The batches of {@link dev.crmkit.core.capture.BulkCapture}: reads and writes of a chunk of captures at once. The
     * default answers through this store's ports, one record at a time.
     */
    default dev.crmkit.core.capture.CaptureBatches captureBatches() {
        return dev.crmkit.core.capture.CaptureBatches.over(contacts(), companies(), leads(), activities(), tasks());
    }

    /**
     * A person's data across every table of the store, for their export and erasure. The default is a store that
     * keeps none ({@link dev.crmkit.core.privacy.PersonalData#unsupported()}); crmkit's stores keep it.
     */
    default dev.crmkit.core.privacy.PersonalData personalData() {
        return dev.crmkit.core.privacy.PersonalData.unsupported();
    }

    /**
     * The salted hashes of erased people's e-mails and phones. The default is a store that keeps none
     * ({@link dev.crmkit.core.privacy.SuppressionList#unsupported()}); crmkit's stores keep one.
     */
    default dev.crmkit.core.privacy.SuppressionList suppressionList() {
        return dev.crmkit.core.privacy.SuppressionList.unsupported();
    }

    /** What the retention job asks and changes ({@link dev.crmkit.core.privacy.RetentionJob}). */
    default dev.crmkit.core.privacy.RetentionStore retentionStore() {
        return dev.crmkit.core.privacy.RetentionStore.unsupported();
    }

    /** The consent history ({@link dev.crmkit.core.privacy.Consents}). */
    default dev.crmkit.core.privacy.ConsentHistory consentHistory() {
        return dev.crmkit.core.privacy.ConsentHistory.unsupported();
    }

    /**
     * The list queries restricted by an actor's access, which {@link Crm#as} reads through. The default fails like
     * {@link #accessDirectory()}; crmkit's stores push the restriction into their queries.
     */
    default dev.crmkit.core.access.VisibleRecords visibleRecords() {
        throw new UnsupportedOperationException("this store does not restrict its lists by access");
    }

    /** Units of work over all of the above. */
    Transactions transactions();

    /**
     * A publisher bound to this store's units of work: events published inside a unit of work reach the subscriber
     * after it commits, in order, and are dropped if it rolls back; events published outside one are delivered at
     * once.
     */
    DomainEvents events(DomainEvents subscriber);
}
