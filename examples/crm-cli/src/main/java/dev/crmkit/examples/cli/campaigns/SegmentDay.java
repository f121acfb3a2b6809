package dev.crmkit.examples.cli.campaigns;

import dev.crmkit.adapters.jdbc.JdbcContactSegments;
import dev.crmkit.adapters.jdbc.JdbcCrmStore;
import dev.crmkit.campaigns.segment.ContactFilter;
import dev.crmkit.campaigns.segment.ContactFilterText;
import dev.crmkit.campaigns.segment.ContactSegments;
import dev.crmkit.campaigns.segment.OrderSource;
import dev.crmkit.campaigns.segment.SegmentPushdown;
import dev.crmkit.campaigns.segment.StoreContactSegments;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.examples.cli.metrics.OrdersCsv;
import dev.crmkit.kit.CrmkitStore;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The options of {@code crm campaigns segments save|count|list} that decide how a segment is counted: the day
 * ({@code --as-of}) and the host's orders ({@code --orders FILE.csv}, as {@code crm rfm} reads them), which birthday
 * and order conditions need.
 */
final class SegmentDay {

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "The day relative date, birthday and order conditions count from (YYYY-MM-DD); needed when"
                    + " there are any.")
    private LocalDate asOf;

    @Option(names = "--orders", paramLabel = "FILE",
            description = "CSV orders file as for crm rfm: customer_id (a contact id), date, amount (EUR). Needed "
                    + "when the segment has an order condition (rfm-segment, ordered-within, no-order-for, "
                    + "never-ordered).")
    private Path orders;

    /** The orders of the file, read once by {@link #checked}. */
    private OrderSource source;

    /** How many contacts match the filter on the day. */
    long count(CommandSpec spec, CrmkitStore store, ContactFilter filter) {
        ContactFilter checked = checked(spec, filter);
        ContactSegments segments = segments(store);
        return asOf == null ? segments.count(checked) : segments.count(checked, asOf);
    }

    /** A page of the contacts that match the filter on the day. */
    List<ContactId> page(CommandSpec spec, CrmkitStore store, ContactFilter filter, Optional<ContactId> after,
            int limit) {
        ContactFilter checked = checked(spec, filter);
        ContactSegments segments = segments(store);
        return asOf == null ? segments.page(checked, after, limit) : segments.page(checked, asOf, after, limit);
    }

    /** The segments of the store: pushed down to SQL on a database, over the ports in memory; with the orders. */
    private ContactSegments segments(CrmkitStore store) {
        if (source == null) {
            return store instanceof JdbcCrmStore jdbc ? new JdbcContactSegments(jdbc) : new StoreContactSegments(store);
        }
        return store instanceof JdbcCrmStore jdbc ? new JdbcContactSegments(jdbc, source)
                : new StoreContactSegments(store, source);
    }

    /**
     * The filter, refused as a bad argument naming the option when it needs {@code --as-of} (a relative date, a
     * birthday or an order condition) or {@code --orders} (an order condition) and lacks it; reads the orders file
     * (a bad one is refused naming its line and column), all before anything is saved.
     */
    ContactFilter checked(CommandSpec spec, ContactFilter filter) {
        if (orders != null && source == null) {
            source = OrderSource.of(new OrdersCsv("customer_id", "date", "amount", Currency.getInstance("EUR"))
                    .read(orders));
        }
        if (asOf == null && !ContactFilter.asOf(filter, LocalDate.EPOCH).equals(filter)) {
            throw new ParameterException(spec.commandLine(), "--as-of is required: the segment has a condition "
                    + "relative to the day it is counted on (field-date-relative, birthday-within)");
        }
        List<ContactFilter> orderConditions = SegmentPushdown.of(ContactFilter.asOf(filter, LocalDate.EPOCH))
                .orderConditions();
        if (!orderConditions.isEmpty()) {
            String named = ContactFilterText.write(orderConditions.get(0));
            if (orders == null) {
                throw new ParameterException(spec.commandLine(), "--orders is required: the segment has an order"
                        + " condition (" + named + ")");
            }
            if (asOf == null) {
                throw new ParameterException(spec.commandLine(), "--as-of is required: the segment has an order"
                        + " condition (" + named + ") counted on a day");
            }
        }
        return filter;
    }
}
