package dev.crmkit.core.lead;

import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.UserId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An enquiry from a person, on the way to becoming a deal or being set aside.
 *
 * <p><b>Lifecycle.</b> Captured (see {@link dev.crmkit.core.capture.LeadCapture}) in status {@link LeadStatus#NEW}
 * and always linked to a contact, created for it when the person was not known. Repeat submissions by the same
 * person while the lead is open fold into it: {@link #submissions()} counts them and empty fields gain the new
 * values. It then moves through the statuses {@link LeadStatus} allows, each move returning a
 * {@link LeadStatusChange} outcome, until it is disqualified (with a reason) or converted.
 *
 * <p><b>Invariants.</b> A disqualified lead has a reason, no other has one. It carries an e-mail or a phone, or both,
 * as normalized at capture. An external submission id belongs to one lead only within a store, so a replayed
 * submission is recognized.
 *
 * <p>Immutable and thread-safe; every change returns a copy.
 *
 * @param id                     the identity
 * @param version                the stored version, 0 before the first save
 * @param contactId              the person
 * @param companyId              the company, when one was found or created
 * @param source                 where it came from
 * @param externalIds            the submission ids of the systems that sent it (form, ad platform), oldest first;
 *                               one per submission that carried one
 * @param fingerprints           the content fingerprint of the submission that carried each external id, by external
 *                               id (see {@link dev.crmkit.core.capture.SubmissionFingerprint}); an id without one was
 *                               stored before fingerprints were kept
 * @param request                what was asked for, possibly empty
 * @param name                   the name as submitted
 * @param email                  the normalized e-mail, if given
 * @param phone                  the normalized phone, if given
 * @param companyName            the company name as submitted, possibly empty
 * @param owner                  the user working it, if assigned
 * @param status                 how far it got
 * @param disqualificationReason why it was disqualified, present exactly when it is
 * @param submissions            how many submissions folded into it, at least 1
 * @param customFields           custom field values
 * @param createdAt              when it was captured
 * @param updatedAt              when it last changed
 */
public record Lead(LeadId id, long version, ContactId contactId, Optional<CompanyId> companyId, LeadSource source,
                   List<String> externalIds, Map<String, String> fingerprints, String request, PersonName name, Optional<EmailAddress> email,
                   Optional<PhoneNumber> phone, String companyName, Optional<UserId> owner, LeadStatus status,
                   Optional<String> disqualificationReason, int submissions, CustomFields customFields,
                   Instant createdAt, Instant updatedAt) {

    /** Checks the invariants. */
    public Lead {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(source, "source");
        externalIds = List.copyOf(externalIds);
        // no set for none or one (most leads): every copy of a lead (each version, each change) runs this check
        if (externalIds.size() > 1 && new java.util.HashSet<>(externalIds).size() != externalIds.size()) {
            throw new IllegalArgumentException("an external id is listed twice");
        }
        fingerprints = Map.copyOf(fingerprints);
        if (!externalIds.containsAll(fingerprints.keySet())) {
            throw new IllegalArgumentException("a fingerprint belongs to an external id the lead does not have");
        }
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(companyName, "companyName");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(disqualificationReason, "disqualificationReason");
        Objects.requireNonNull(customFields, "customFields");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (email.isEmpty() && phone.isEmpty()) {
            throw new IllegalArgumentException("a lead needs an e-mail or a phone");
        }
        if ((status == LeadStatus.DISQUALIFIED) != disqualificationReason.isPresent()) {
            throw new IllegalArgumentException("a lead has a disqualification reason exactly when it is disqualified");
        }
        if (submissions < 1) {
            throw new IllegalArgumentException("submissions must be at least 1: " + submissions);
        }
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative: " + version);
        }
    }

    /** A lead without submission fingerprints (as stored before they were kept, or without external ids). */
    public Lead(LeadId id, long version, ContactId contactId, Optional<CompanyId> companyId, LeadSource source,
                List<String> externalIds, String request, PersonName name, Optional<EmailAddress> email,
                Optional<PhoneNumber> phone, String companyName, Optional<UserId> owner, LeadStatus status,
                Optional<String> disqualificationReason, int submissions, CustomFields customFields,
                Instant createdAt, Instant updatedAt) {
        this(id, version, contactId, companyId, source, externalIds, Map.of(), request, name, email, phone,
                companyName, owner, status, disqualificationReason, submissions, customFields, createdAt, updatedAt);
    }

    /**
     * Whether a submission with this external id and content fingerprint repeats the one captured into this lead
     * under that id: the fingerprints are equal, or the id was stored before fingerprints were kept (taken as the
     * same, as crmkit did then).
     */
    public boolean isRepeatOf(String externalId, String fingerprint) {
        String kept = fingerprints.get(externalId);
        return kept == null || kept.equals(fingerprint);
    }

    /**
     * Starts a new lead with every field but the required ones empty, for capture, imports and fixtures: a field
     * added to leads later does not break such callers. Version 0, status new, one submission.
     */
    public static Builder builder(LeadId id, ContactId contactId, LeadSource source, PersonName name, Instant createdAt) {
        return new Builder(id, contactId, source, name, createdAt);
    }

    /** Builds a {@link Lead}; {@link #build()} checks the invariants. Not thread-safe. */
    public static final class Builder {
        private final LeadId id;
        private final ContactId contactId;
        private final LeadSource source;
        private final PersonName name;
        private final Instant createdAt;
        private Optional<CompanyId> companyId = Optional.empty();
        private List<String> externalIds = List.of();
        private Map<String, String> fingerprints = Map.of();
        private String request = "";
        private Optional<EmailAddress> email = Optional.empty();
        private Optional<PhoneNumber> phone = Optional.empty();
        private String companyName = "";
        private Optional<UserId> owner = Optional.empty();
        private CustomFields customFields = CustomFields.empty();

        private Builder(LeadId id, ContactId contactId, LeadSource source, PersonName name, Instant createdAt) {
            this.id = id;
            this.contactId = contactId;
            this.source = source;
            this.name = name;
            this.createdAt = createdAt;
        }

        /** The company, if known. */
        public Builder company(Optional<CompanyId> value) {
            companyId = value;
            return this;
        }

        /** The submission's external id, kept with its content fingerprint. */
        public Builder externalId(String value, String fingerprint) {
            externalIds = List.of(value);
            fingerprints = Map.of(value, fingerprint);
            return this;
        }

        /** What was asked for. */
        public Builder request(String value) {
            request = value;
            return this;
        }

        /** The normalized e-mail and phone, each if given. */
        public Builder reachableAt(Optional<EmailAddress> newEmail, Optional<PhoneNumber> newPhone) {
            email = newEmail;
            phone = newPhone;
            return this;
        }

        /** The company name as submitted. */
        public Builder companyName(String value) {
            companyName = value;
            return this;
        }

        /** Who owns it, if anyone yet. */
        public Builder owner(Optional<UserId> value) {
            owner = value;
            return this;
        }

        /** Its custom field values. */
        public Builder customFields(CustomFields value) {
            customFields = value;
            return this;
        }

        /**
         * The lead.
         *
         * @throws NullPointerException if a value is missing
         */
        public Lead build() {
            return new Lead(id, 0, contactId, companyId, source, externalIds, fingerprints, request, name, email, phone,
                    companyName, owner, LeadStatus.NEW, Optional.empty(), 1, customFields, createdAt, createdAt);
        }
    }

    /** Whether the lead is open (new, working or qualified). */
    public boolean isOpen() {
        return status.isOpen();
    }

    /**
     * A repeat submission folded in: the count grows, and empty fields (e-mail, phone, company, request, owner, custom
     * values) gain the new values; values already present stay. A new external id is kept with the submission's
     * content fingerprint.
     */
    public Lead foldRepeat(Optional<String> newExternalId, String fingerprint, PersonName newName, Optional<EmailAddress> newEmail,
                           Optional<PhoneNumber> newPhone, String newCompanyName, String newRequest,
                           Optional<UserId> newOwner, CustomFields newFields, Instant now) {
        // every repeat folds: without a new external id the stored (immutable) ids and fingerprints are kept as they
        // are, and an absent value is taken by a plain choice, not a lambda per field
        List<String> ids = externalIds;
        Map<String, String> prints = fingerprints;
        if (newExternalId.isPresent() && !externalIds.contains(newExternalId.get())) {
            ids = new ArrayList<>(externalIds);
            ids.add(newExternalId.get());
            prints = new java.util.HashMap<>(fingerprints);
            prints.put(newExternalId.get(), Objects.requireNonNull(fingerprint, "fingerprint"));
        }
        return new Lead(id, version, contactId, companyId, source, ids, prints,
                request.isEmpty() ? newRequest : request, name.isEmpty() ? newName : name,
                email.isPresent() ? email : newEmail, phone.isPresent() ? phone : newPhone,
                companyName.isEmpty() ? newCompanyName : companyName, owner.isPresent() ? owner : newOwner, status,
                disqualificationReason, submissions + 1, customFields.fillEmptyFrom(newFields), createdAt, now);
    }

    /**
     * Moves the lead to another status. Refused, with the rule named, when {@link LeadStatus#next()} does not allow
     * the move or a disqualification comes without a reason.
     *
     * @param target the status to move to
     * @param reason why; required for {@link LeadStatus#DISQUALIFIED}, ignored otherwise
     * @param by     who moves it, if known
     * @param now    the time of the move
     */
    public LeadStatusChange changeStatus(LeadStatus target, String reason, Optional<UserId> by, Instant now) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(reason, "reason");
        if (!status.next().contains(target)) {
            return new LeadStatusChange.Refused(id, status, target, "allowed-transitions",
                    "a " + status + " lead cannot move to " + target + "; allowed: " + status.next());
        }
        String why = reason.strip();
        if (target == LeadStatus.DISQUALIFIED && why.isEmpty()) {
            return new LeadStatusChange.Refused(id, status, target, "disqualification-reason",
                    "disqualifying a lead needs a reason");
        }
        Optional<String> kept = target == LeadStatus.DISQUALIFIED ? Optional.of(why) : Optional.empty();
        Lead moved = new Lead(id, version, contactId, companyId, source, externalIds, fingerprints, request, name, email,
                phone, companyName, owner, target, kept, submissions, customFields, createdAt, now);
        return new LeadStatusChange.Changed(moved,
                new LeadEvent.LeadStatusChanged(id, status, target, why, by, now));
    }

    /**
     * A copy with other submitted data (name, e-mail, phone, company name as typed), edited by hand; everything else
     * stays.
     *
     * @throws IllegalArgumentException if neither an e-mail nor a phone is left
     */
    public Lead withSubmittedData(PersonName newName, Optional<EmailAddress> newEmail, Optional<PhoneNumber> newPhone,
                                  String newCompanyName, Instant now) {
        return new Lead(id, version, contactId, companyId, source, externalIds, fingerprints, request, newName,
                newEmail, newPhone, newCompanyName, owner, status, disqualificationReason, submissions, customFields,
                createdAt, now);
    }

    /** A copy with another owner. */
    public Lead withOwner(Optional<UserId> newOwner, Instant now) {
        return new Lead(id, version, contactId, companyId, source, externalIds, fingerprints, request, name, email,
                phone, companyName, newOwner, status, disqualificationReason, submissions, customFields, createdAt, now);
    }

    /** A copy linked to a company. */
    public Lead withCompany(Optional<CompanyId> newCompany, Instant now) {
        return new Lead(id, version, contactId, newCompany, source, externalIds, fingerprints, request, name, email,
                phone, companyName, owner, status, disqualificationReason, submissions, customFields, createdAt, now);
    }

    /** A copy with other custom field values (validate them against the schema first). */
    public Lead withCustomFields(CustomFields values, Instant now) {
        return new Lead(id, version, contactId, companyId, source, externalIds, fingerprints, request, name, email,
                phone, companyName, owner, status, disqualificationReason, submissions, values, createdAt, now);
    }

    /** A copy at another stored version; for stores only. */
    public Lead atVersion(long newVersion) {
        return new Lead(id, newVersion, contactId, companyId, source, externalIds, fingerprints, request, name, email,
                phone, companyName, owner, status, disqualificationReason, submissions, customFields, createdAt, updatedAt);
    }

    /**
     * The same lead about another contact, nothing else changed (not even the time of the last change): a merge
     * re-points a merged-away contact's leads to the survivor with it; for stores only.
     */
    public Lead aboutContact(ContactId newContact) {
        return new Lead(id, version, newContact, companyId, source, externalIds, fingerprints, request, name, email,
                phone, companyName, owner, status, disqualificationReason, submissions, customFields, createdAt,
                updatedAt);
    }

    /** A copy referring to another company and nothing else changed; for stores re-pointing a merge only. */
    public Lead aboutCompany(Optional<CompanyId> newCompany) {
        return new Lead(id, version, contactId, newCompany, source, externalIds, fingerprints, request, name, email,
                phone, companyName, owner, status, disqualificationReason, submissions, customFields, createdAt,
                updatedAt);
    }
}
