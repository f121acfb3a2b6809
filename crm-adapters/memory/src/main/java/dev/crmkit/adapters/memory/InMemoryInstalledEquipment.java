package dev.crmkit.adapters.memory;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.service.equipment.Equipment;
import dev.crmkit.service.equipment.EquipmentId;
import dev.crmkit.service.equipment.InstalledEquipment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Installed equipment in memory, indexed by customer in the order recorded. Thread-safe. */
final class InMemoryInstalledEquipment implements InstalledEquipment {

    private static final String CUSTOMER = "customer";

    private final InMemoryTransactions tx;
    private final Table<EquipmentId, Equipment> table;

    InMemoryInstalledEquipment(InMemoryTransactions tx) {
        this.tx = tx;
        this.table = new Table<EquipmentId, Equipment>("equipment", tx, Equipment::id, Equipment::version,
                Equipment::atVersion, Equipment::createdAt)
                .group(CUSTOMER, e -> List.of(e.customer()), Equipment::createdAt);
    }

    @Override
    public Equipment insert(Equipment equipment) {
        return table.insert(Objects.requireNonNull(equipment, "equipment"));
    }

    @Override
    public Equipment update(Equipment equipment) {
        return table.update(Objects.requireNonNull(equipment, "equipment"));
    }

    @Override
    public Optional<Equipment> findById(EquipmentId id) {
        return table.get(id);
    }

    @Override
    public List<Equipment> ofCustomer(ContactId customer) {
        return table.all(CUSTOMER, Objects.requireNonNull(customer, "customer"));
    }

    /** The archive of the equipments, keyed by id: export and restore only. */
    MemoryArchive<Equipment> archive() {
        return MemoryArchive.of(tx, "equipment", table, Equipment::id,
                k -> new EquipmentId(java.util.UUID.fromString(k)));
    }

    /** The table, for a person's erasure. */
    Table<EquipmentId, Equipment> rows() {
        return table;
    }
}
