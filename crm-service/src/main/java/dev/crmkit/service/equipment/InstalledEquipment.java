package dev.crmkit.service.equipment;

import dev.crmkit.core.contact.ContactId;

import java.util.List;
import java.util.Optional;

/** The repository port of installed equipment. Implementations are thread-safe. */
public interface InstalledEquipment {

    /**
     * Stores new equipment at version 1.
     *
     * @throws IllegalArgumentException if its id is taken
     */
    Equipment insert(Equipment equipment);

    /**
     * Replaces the equipment read at {@code equipment.version()} with the copy at the next version.
     *
     * @throws dev.crmkit.core.kernel.StaleVersionException if it changed since it was read
     */
    Equipment update(Equipment equipment);

    /** The equipment with this id. */
    Optional<Equipment> findById(EquipmentId id);

    /** A customer's equipment, in the order it was recorded. */
    List<Equipment> ofCustomer(ContactId customer);
}
