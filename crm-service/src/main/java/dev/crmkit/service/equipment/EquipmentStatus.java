package dev.crmkit.service.equipment;

/** Whether installed equipment is in service. */
public enum EquipmentStatus {
    /** Installed and working. */
    IN_SERVICE,
    /** Installed and out of order, waiting for a repair. */
    OUT_OF_ORDER,
    /** Taken out; kept for its history. */
    REMOVED
}
