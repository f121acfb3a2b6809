package dev.crmkit.service.equipment;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.Checks;
import dev.crmkit.core.kernel.SelfChecking;
import dev.crmkit.core.kernel.StoreLimits;
import dev.crmkit.core.kernel.Violation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The command to record installed equipment, validated at the edge.
 *
 * @param customer     the customer who owns it
 * @param product      what it is, at most 200 characters
 * @param serialNumber its serial number, possibly empty, at most 100 characters
 * @param site         where it is installed
 * @param installedOn  the day it was installed
 * @param warrantyEnd  the last day of its warranty, if any; not before {@code installedOn}
 * @param parent       the equipment it is part of, if any
 */
public record InstallEquipment(ContactId customer, String product, String serialNumber, Site site,
                               LocalDate installedOn, Optional<LocalDate> warrantyEnd,
                               Optional<EquipmentId> parent) implements SelfChecking {

    /** Equipment with no warranty and no parent. */
    public static InstallEquipment of(ContactId customer, String product, String serialNumber, Site site,
                                      LocalDate installedOn) {
        return new InstallEquipment(customer, product, serialNumber, site, installedOn, Optional.empty(),
                Optional.empty());
    }

    /** A copy with a warranty ending on this day. */
    public InstallEquipment withWarrantyEnd(LocalDate last) {
        return new InstallEquipment(customer, product, serialNumber, site, installedOn, Optional.of(last), parent);
    }

    /** A copy that is part of this equipment. */
    public InstallEquipment partOf(EquipmentId whole) {
        return new InstallEquipment(customer, product, serialNumber, site, installedOn, warrantyEnd,
                Optional.of(whole));
    }

    @Override
    public List<Violation> violations() {
        Checks c = Checks.of();
        c.notNull("customer", customer);
        c.notBlank("product", product);
        c.notNull("serialNumber", serialNumber);
        c.notNull("site", site).notNull("installedOn", installedOn);
        c.notNull("warrantyEnd", warrantyEnd).notNull("parent", parent);
        List<Violation> out = new java.util.ArrayList<>(c.violations());
        out.addAll(StoreLimits.text("product", product, 200));
        out.addAll(StoreLimits.text("serialNumber", serialNumber, 100));
        if (installedOn != null && warrantyEnd != null && warrantyEnd.isPresent()
                && warrantyEnd.get().isBefore(installedOn)) {
            out.add(new Violation("warrantyEnd", "not-before-installed",
                    "must not be before the installation day " + installedOn));
        }
        return out;
    }
}
