package dev.crmkit.service;

import dev.crmkit.core.kernel.Transactions;
import dev.crmkit.service.commitment.Commitments;
import dev.crmkit.service.equipment.InstalledEquipment;
import dev.crmkit.service.plan.ServicePlans;
import dev.crmkit.service.reminder.ServiceReminders;
import dev.crmkit.service.request.ServiceRequests;
import dev.crmkit.service.visit.Visits;

/**
 * The storage of crm-service's own ports. It sits beside a {@link dev.crmkit.core.CrmStore} and shares its units of
 * work: {@link #transactions()} must be the very same units of work as the CrmStore's, so that a completion writes
 * the visit, the plan and the timeline entry atomically; {@link ServiceDesk.Builder#build()} refuses two stores
 * whose units of work differ. Implementations are thread-safe.
 */
public interface ServiceStore {

    /** The installed equipment. */
    InstalledEquipment installedEquipment();

    /** The service plans. */
    ServicePlans servicePlans();

    /** The service requests. */
    ServiceRequests serviceRequests();

    /** The visits: the engineers' calendars. */
    Visits visits();

    /** The recorded commitments. */
    Commitments commitments();

    /** The marks of the occurrences whose customers were reminded. */
    ServiceReminders serviceReminders();

    /** Units of work over all of the above, the same as the CrmStore's. */
    Transactions transactions();
}
