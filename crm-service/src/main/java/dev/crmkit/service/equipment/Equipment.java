package dev.crmkit.service.equipment;

import dev.crmkit.core.contact.ContactId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A piece of equipment installed for a customer (a customer asset): a water-filter system, its cartridge, a boiler.
 * It is installed once at a site, may be part of a parent (a cartridge of a filter system), and moves between
 * {@link EquipmentStatus statuses} until it is removed; its service history is the visits and plans that name it.
 * Invariants: the warranty does not end before the installation day; equipment is not its own parent. Immutable and
 * thread-safe; changes return a copy.
 *
 * @param id           its id
 * @param version      its optimistic-locking version, 1 when first stored
 * @param customer     the customer who owns (and pays for) it
 * @param product      what it is, as the seller names it
 * @param serialNumber its serial number, possibly empty
 * @param site         where it is installed
 * @param installedOn  the day it was installed
 * @param warrantyEnd  the last day of its warranty, if any
 * @param parent       the equipment it is part of, if any
 * @param status       whether it is in service
 * @param createdAt    when it was recorded
 */
public record Equipment(EquipmentId id, long version, ContactId customer, String product, String serialNumber,
                        Site site, LocalDate installedOn, Optional<LocalDate> warrantyEnd,
                        Optional<EquipmentId> parent, EquipmentStatus status, Instant createdAt) {

    /** Checks the invariants. */
    public Equipment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(installedOn, "installedOn");
        Objects.requireNonNull(warrantyEnd, "warrantyEnd");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        if (warrantyEnd.isPresent() && warrantyEnd.get().isBefore(installedOn)) {
            throw new IllegalArgumentException("the warranty ends before the installation day");
        }
        if (parent.isPresent() && parent.get().equals(id)) {
            throw new IllegalArgumentException("equipment cannot be its own parent");
        }
    }

    /** Whether it is under warranty on a day. */
    public boolean underWarrantyOn(LocalDate day) {
        return warrantyEnd.isPresent() && !day.isBefore(installedOn) && !day.isAfter(warrantyEnd.get());
    }

    /** A copy in another status. */
    public Equipment withStatus(EquipmentStatus newStatus) {
        return new Equipment(id, version, customer, product, serialNumber, site, installedOn, warrantyEnd, parent,
                newStatus, createdAt);
    }

    /**
     * The same record for another customer, nothing else changed (not even its version): a merge of contacts
     * re-points the records of a merged-away contact to the survivor with it; for stores only.
     */
    public Equipment withCustomerRef(ContactId newCustomer) {
        return new Equipment(id, version, newCustomer, product, serialNumber, site, installedOn, warrantyEnd, parent,
                status, createdAt);
    }

    /** A copy at another version, for stores. */
    public Equipment atVersion(long newVersion) {
        return new Equipment(id, newVersion, customer, product, serialNumber, site, installedOn, warrantyEnd, parent,
                status, createdAt);
    }
}
