package dev.crmkit.core.contact;

import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.PhoneNumber;

import java.util.List;
import java.util.Optional;

/**
 * The storage port for contacts. A store keeps every normalized e-mail address and phone number unique across
 * contacts; that is the guarantee lead de-duplication rests on, also when several application nodes share a store.
 */
public interface Contacts {

    /**
     * The contact with this id; for the id of a contact merged away ({@link dev.crmkit.core.merge.ContactMerging}),
     * its survivor, so ids held elsewhere keep working. Merged-away contacts are not listed or counted.
     */
    Optional<Contact> findById(ContactId id);

    /**
     * The contact with this id, held for the running unit of work: another unit of work that locks the same contact
     * waits until this one ends, and then reads what it committed. Lead capture locks the person before it decides
     * between a new lead and a repeat, so two nodes capturing the same person at once cannot both open a lead. A store
     * whose units of work run one at a time already holds everything; outside a unit of work it is a plain read.
     * <p>
     * Like {@link #findById}, it follows merges: for the id of a contact merged away it locks and returns the
     * survivor, so the edits of {@link dev.crmkit.core.customer.CustomerBase} that lock through it keep working with ids held
     * elsewhere. A host store must not lock by the exact id only.
     */
    Optional<Contact> lockById(ContactId id);

    /** The contact that holds this e-mail address. */
    Optional<Contact> findByEmail(EmailAddress email);

    /** The contact that holds this phone number. */
    Optional<Contact> findByPhone(PhoneNumber phone);

    /**
     * Stores a new contact unless another contact already holds one of its e-mail addresses or phone numbers, in
     * which case nothing is written and that contact is returned. The check and the write are one atomic step.
     *
     * @param candidate a contact at version 0
     * @return the stored candidate at version 1, or the existing contact that holds one of its contact points
     * @throws IllegalArgumentException if the candidate's version is not 0 or its id is taken
     */
    Contact insertOrGet(Contact candidate);

    /**
     * Stores a change of a contact read at {@code contact.version()}.
     *
     * @return the contact at its new version
     * @throws dev.crmkit.core.kernel.StaleVersionException if the stored version is another one
     * @throws dev.crmkit.core.kernel.ValidationException   if an e-mail or phone belongs to another contact
     * @throws java.util.NoSuchElementException             if no such contact is stored
     */
    Contact update(Contact contact);

    /** The contacts affiliated with a company, in the order they were created. */
    Page<Contact> findByCompany(CompanyId companyId, PageRequest page);

    /** All contacts, in the order they were created. */
    Page<Contact> findAll(PageRequest page);

    /** How many contacts are stored. */
    long count();

    /**
     * At most {@code limit} contacts whose given name or family name equals one of {@code name}'s non-empty parts,
     * ignoring case: the bounded candidate query of duplicate rules. Merged-away contacts are left out. Stores that
     * do not implement it refuse duplicate rules other than allow.
     */
    default List<Contact> findByNameParts(PersonName name, int limit) {
        throw new UnsupportedOperationException(getClass().getName() + " does not look contacts up by name");
    }

    /**
     * At most {@code limit} contacts, in the order they were stored, whose name sounds like {@code name}: their
     * stored {@link dev.crmkit.core.duplicate.NameKeys#nameKey name key} is one of
     * {@link dev.crmkit.core.duplicate.NameKeys#nameKeysToFind name's keys}, or their nickname key is
     * {@code name}'s. An index lookup, the candidate query of duplicate rules: a typo in both names is still found.
     * Merged-away contacts are left out; none for a name without both parts. Stores that do not implement it are
     * asked {@link #findByNameParts} instead.
     */
    default List<Contact> findBySoundOfName(PersonName name, int limit) {
        throw new UnsupportedOperationException(getClass().getName() + " does not look contacts up by name keys");
    }
}
