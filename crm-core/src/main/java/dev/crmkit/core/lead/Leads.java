package dev.crmkit.core.lead;

import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The storage port for leads. An external submission id belongs to one lead at most. */
public interface Leads {

    /** The lead with this id. */
    Optional<Lead> findById(LeadId id);

    /**
     * The lead with this id (for a merged-away id, its survivor, as {@link #findById}), held for the running unit of
     * work: another unit of work that locks or changes the same lead waits until this one ends. A change made through
     * an actor's view decides and changes under this lock. A store whose units of work run one at a time already holds
     * everything; outside a unit of work it is a plain read.
     */
    Optional<Lead> lockById(LeadId id);

    /** The lead that a submission with this external id was captured into (as a new lead or a folded repeat). */
    Optional<Lead> findByExternalId(String externalId);

    /** The most recently created open lead with this e-mail. */
    Optional<Lead> findOpenByEmail(EmailAddress email);

    /** The most recently created open lead with this phone. */
    Optional<Lead> findOpenByPhone(PhoneNumber phone);

    /**
     * Stores a new lead unless another lead already has one of its external ids, in which case nothing is written and
     * that lead is returned. The check and the write are one atomic step.
     *
     * @param candidate a lead at version 0
     * @return the stored candidate at version 1, or the lead that has one of its external ids
     */
    Lead insertOrGet(Lead candidate);

    /**
     * Stores a change of a lead read at {@code lead.version()}.
     *
     * @return the lead at its new version
     * @throws dev.crmkit.core.kernel.StaleVersionException if the stored version is another one
     * @throws dev.crmkit.core.kernel.ValidationException   if one of its external ids belongs to another lead
     * @throws java.util.NoSuchElementException             if no such lead is stored
     */
    Lead update(Lead lead);

    /** The leads in a status, in the order they were created. */
    Page<Lead> findByStatus(LeadStatus status, PageRequest page);

    /** The leads of an owner, in the order they were created. */
    Page<Lead> findByOwner(UserId owner, PageRequest page);

    /** All leads, in the order they were created. */
    Page<Lead> findAll(PageRequest page);

    /** How many leads are stored. */
    long count();

    /**
     * At most {@code limit} open leads of these contacts, in the order they were stored: the bounded candidate query
     * of duplicate rules for leads ({@link dev.crmkit.core.duplicate.LeadDuplicates}). Merged-away leads are left
     * out. Stores that do not implement it refuse duplicate rules for leads other than allow.
     *
     * @param contacts the contacts whose open leads are wanted
     * @param limit    how many leads at most (at least 1)
     */
    default java.util.List<Lead> findOpenByContacts(java.util.Collection<dev.crmkit.core.contact.ContactId> contacts,
                                                    int limit) {
        throw new UnsupportedOperationException(getClass().getName() + " does not look leads up by contact");
    }

    /**
     * At most {@code limit} open leads whose own submitted name sounds like {@code name}, in the order they were
     * stored (created, then stored order): the stored phonetic keys of the lead's name
     * ({@link dev.crmkit.core.duplicate.NameKeys}, looked up as contacts are by
     * {@link dev.crmkit.core.contact.Contacts#findBySoundOfName}), so a lead is found by its own name even when its
     * contact's name differs (the contact was edited or merged since). Merged-away leads are left out; none for a
     * name with no key (an empty given or family name). The second candidate query of duplicate rules for leads
     * ({@link dev.crmkit.core.duplicate.LeadDuplicates}); a store that does not implement it is asked only through the
     * contacts' names.
     *
     * @param name  the name to look up
     * @param limit how many leads at most (at least 1)
     */
    default java.util.List<Lead> findOpenBySoundOfName(dev.crmkit.core.contact.PersonName name, int limit) {
        throw new UnsupportedOperationException(getClass().getName() + " keeps no name keys of leads");
    }

    /**
     * Refuses leads to be stored together when two of them hold the same external id: an external id belongs to one
     * lead, so storing both would keep only one of them as its holder and lose the other lead's claim without a word.
     * A batch insert calls it before it writes anything.
     *
     * @param leads the new leads of one batch
     * @throws ValidationException on field {@code externalIds}, rule {@code unique-in-batch}, naming the id and the
     *                             two leads
     */
    static void requireDistinctExternalIds(Collection<Lead> leads) {
        Map<String, LeadId> holders = new HashMap<>();
        for (Lead lead : leads) {
            for (String id : lead.externalIds()) {
                LeadId first = holders.putIfAbsent(id, lead.id());
                if (first != null && !first.equals(lead.id())) {
                    throw ValidationException.of("externalIds", "unique-in-batch", "external id " + id
                            + " is held by two leads of one batch: " + first + " and " + lead.id());
                }
            }
        }
    }
}
