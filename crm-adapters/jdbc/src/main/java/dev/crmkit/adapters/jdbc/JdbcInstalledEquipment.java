package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.service.equipment.Equipment;
import dev.crmkit.service.equipment.EquipmentId;
import dev.crmkit.service.equipment.EquipmentStatus;
import dev.crmkit.service.equipment.InstalledEquipment;
import dev.crmkit.service.equipment.Site;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Installed equipment in a relational database, one row each with a version for optimistic locking; the site is
 * JSON. A customer's equipment lists in the order recorded. Thread-safe.
 */
final class JdbcInstalledEquipment implements InstalledEquipment {

    private final Jdbc jdbc;
    private final ServiceRowSql sql;
    private final String ofCustomer;

    JdbcInstalledEquipment(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.sql = new ServiceRowSql(jdbc, "service_equipment", "equipment", List.of("customer_id", "product",
                "serial_number", "site", "installed_on", "warranty_end", "parent_id", "status", "created_at"),
                Set.of("site"));
        this.ofCustomer = jdbc.sql("SELECT * FROM {service_equipment} WHERE customer_id = ? ORDER BY created_at, seq");
    }

    @Override
    public Equipment insert(Equipment equipment) {
        Objects.requireNonNull(equipment, "equipment");
        return jdbc.tx.write(c -> {
            sql.insert(c, equipment.id(), equipment.version(), values(equipment, true));
            return equipment.atVersion(1);
        });
    }

    @Override
    public Equipment update(Equipment equipment) {
        Objects.requireNonNull(equipment, "equipment");
        return jdbc.tx.write(c -> {
            sql.update(c, equipment.id(), equipment.id().value(), equipment.version(), values(equipment, false));
            return equipment.atVersion(equipment.version() + 1);
        });
    }

    @Override
    public Optional<Equipment> findById(EquipmentId id) {
        Objects.requireNonNull(id, "id");
        return jdbc.tx.read(c -> jdbc.one(c, sql.selectById, this::map, id.value()));
    }

    @Override
    public List<Equipment> ofCustomer(ContactId customer) {
        Objects.requireNonNull(customer, "customer");
        return jdbc.tx.read(c -> jdbc.list(c, ofCustomer, this::map, customer.value()));
    }

    private Object[] values(Equipment e, boolean insert) {
        List<Object> v = new java.util.ArrayList<>(12);
        if (insert) {
            v.add(e.id().value());
        }
        v.add(e.customer().value());
        v.add(e.product());
        v.add(e.serialNumber());
        v.add(jdbc.json.write(e.site()));
        v.add(e.installedOn());
        v.add(e.warrantyEnd().map(Object.class::cast).orElse(Jdbc.Null.DATE));
        v.add(e.parent().map(p -> (Object) p.value()).orElse(Jdbc.Null.UUID));
        v.add(e.status().name());
        v.add(e.createdAt());
        if (!insert) {
            v.add(e.id().value());
            v.add(e.version());
        }
        return v.toArray();
    }

    private Equipment map(ResultSet rs) throws SQLException {
        Dialect d = jdbc.dialect;
        return new Equipment(new EquipmentId(d.getUuid(rs, "id")), rs.getLong("version"),
                new ContactId(d.getUuid(rs, "customer_id")), rs.getString("product"), rs.getString("serial_number"),
                jdbc.json.read(d.getJson(rs, "site"), Site.class), rs.getObject("installed_on", LocalDate.class),
                Optional.ofNullable(rs.getObject("warranty_end", LocalDate.class)),
                Optional.ofNullable(d.getUuid(rs, "parent_id")).map(EquipmentId::new),
                EquipmentStatus.valueOf(rs.getString("status")), d.getInstant(rs, "created_at"));
    }

    /** The archive of the rows, keyed by id, restored at their versions: export and restore only. */
    JdbcArchive<Equipment> archive() {
        return JdbcArchive.versioned(jdbc, "service_equipment", this::map, Equipment::id, Equipment::version,
                r -> insert(r.atVersion(0)));
    }
}
