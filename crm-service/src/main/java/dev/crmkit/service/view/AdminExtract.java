package dev.crmkit.service.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The administrator's short structured extract of a service customer: what is installed and when it is due next,
 * the open requests and this week's visits; no timeline, no commitments, no reports. Immutable and thread-safe.
 *
 * @param customer      the customer's name
 * @param equipment     one line per piece of equipment
 * @param openRequests  the requests not resolved yet
 * @param visitsThisWeek the visits of the week (Monday to Sunday) holding the view's day
 */
public record AdminExtract(String customer, List<EquipmentLine> equipment, List<RequestLine> openRequests,
                           List<VisitLine> visitsThisWeek) {

    /** Copies the lists. */
    public AdminExtract {
        Objects.requireNonNull(customer, "customer");
        equipment = List.copyOf(equipment);
        openRequests = List.copyOf(openRequests);
        visitsThisWeek = List.copyOf(visitsThisWeek);
    }

    /**
     * A piece of equipment and its next service.
     *
     * @param product      what it is
     * @param serialNumber its serial number
     * @param site         where it is (street and city)
     * @param nextDue      the earliest next due date of its active plans, if any
     * @param overdue      whether a plan of it is overdue on the view's day
     */
    public record EquipmentLine(String product, String serialNumber, String site, Optional<LocalDate> nextDue,
                                boolean overdue) {
    }

    /**
     * An open request.
     *
     * @param summary   what is asked
     * @param priority  how urgent, in lower case
     * @param respondBy the SLA's deadline for the first response
     */
    public record RequestLine(String summary, String priority, Instant respondBy) {
    }

    /**
     * A visit of the week.
     *
     * @param start    when the engineer is due
     * @param engineer who
     * @param status   scheduled, completed or cancelled, in lower case
     */
    public record VisitLine(Instant start, String engineer, String status) {
    }
}
