package dev.crmkit.adapters.metrics;

import dev.crmkit.adapters.jdbc.JdbcBacked;
import dev.crmkit.adapters.jdbc.JdbcCrmStore;
import dev.crmkit.adapters.jdbc.JdbcTeamMetrics;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.access.AccessFilter;
import dev.crmkit.core.access.StatisticsScope;
import dev.crmkit.core.access.VisibleRecords;
import dev.crmkit.core.customfield.CustomFieldSchema;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.metrics.quality.FillRates;
import dev.crmkit.metrics.quality.FillReport;
import dev.crmkit.metrics.quality.RecordFill;
import dev.crmkit.metrics.team.Attainment;
import dev.crmkit.metrics.team.Attainments;
import dev.crmkit.metrics.team.SalesTarget;
import dev.crmkit.metrics.team.WonDeal;
import dev.crmkit.metrics.team.Window;
import dev.crmkit.pipeline.PipelineStore;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealFilter;
import dev.crmkit.pipeline.definition.Pipeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The statistics of a store that count records, as an actor sees them ({@link StatisticsScope}): on a JDBC store, or
 * a store that decorates one ({@link JdbcBacked}, as the Spring Boot starter's does), pushed down to
 * {@link JdbcTeamMetrics} (the access condition inside the grouped SQL), on any other store (the in-memory one) by a
 * walk of the records the scope lets through: leads, contacts and companies from the store's restricted lists
 * ({@link VisibleRecords}, which apply the filter while they walk their index), the deals of every pipeline from its
 * restricted deal list ({@link dev.crmkit.pipeline.deal.VisibleDeals}). Either way the figures are crm-metrics'
 * calculators over {@link QualityRecords}' and {@link TeamRecords}' records of exactly the records the actor may
 * view (of every record with {@link dev.crmkit.core.access.AdminPermission#STATISTICS}). Stateless.
 */
public final class VisibleStatistics {

    private static final int PAGE = 500;

    private VisibleStatistics() {
    }

    /**
     * The fill rates of the leads, contacts, companies and deals that count for the scope, without the fields the
     * actor's role hides ({@link QualityRecords#visible}: not counted in memory, not queried on a JDBC store) and
     * without a per-owner figure of a type whose owner the role hides.
     *
     * @param required the required fields per record type name ({@code lead}, ...)
     */
    public static FillReport fillRates(CrmStore store, Map<String, Set<String>> required, StatisticsScope scope) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(scope, "scope");
        Optional<JdbcCrmStore> jdbc = JdbcBacked.of(store);
        if (jdbc.isPresent()) {
            return JdbcTeamMetrics.of(jdbc.get()).fillRates(required, scope);
        }
        VisibleRecords visible = store.visibleRecords();
        CustomFieldSchema leads = store.customFieldSchemas().schemaFor(RecordType.LEAD);
        CustomFieldSchema contacts = store.customFieldSchemas().schemaFor(RecordType.CONTACT);
        CustomFieldSchema companies = store.customFieldSchemas().schemaFor(RecordType.COMPANY);
        CustomFieldSchema deals = store.customFieldSchemas().schemaFor(RecordType.DEAL);
        List<RecordFill> records = new ArrayList<>();
        forEach(r -> visible.leads(scope.filter(RecordType.LEAD), r), l -> records.add(QualityRecords.visible(
                QualityRecords.lead(l, leads), RecordType.LEAD, scope)));
        forEach(r -> visible.contacts(scope.filter(RecordType.CONTACT), r),
                c -> records.add(QualityRecords.visible(QualityRecords.contact(c, contacts), RecordType.CONTACT,
                        scope)));
        forEach(r -> visible.companies(scope.filter(RecordType.COMPANY), r),
                c -> records.add(QualityRecords.visible(QualityRecords.company(c, companies), RecordType.COMPANY,
                        scope)));
        deals(store, scope, d -> records.add(QualityRecords.visible(QualityRecords.deal(d, deals), RecordType.DEAL,
                scope)));
        return FillRates.of(records, required);
    }

    /**
     * The attainment of each target by the won deals that count for the scope: {@link Attainments#of} over
     * {@link TeamRecords#wonDeal} of them (a JDBC store sums them in the database).
     *
     * @throws dev.crmkit.core.kernel.ValidationException as {@link Attainments#of}
     */
    public static List<Attainment> attainments(CrmStore store, List<SalesTarget> targets, Window window,
                                               LocalDate asOf, StatisticsScope scope) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(scope, "scope");
        Optional<JdbcCrmStore> jdbc = JdbcBacked.of(store);
        if (jdbc.isPresent()) {
            return JdbcTeamMetrics.of(jdbc.get()).attainments(targets, window, asOf, scope);
        }
        List<WonDeal> won = new ArrayList<>();
        deals(store, scope, d -> TeamRecords.wonDeal(d, window.zone()).ifPresent(won::add));
        return Attainments.of(targets, won, window, asOf);
    }

    /** Every deal of the store's pipelines that the scope's deal filter passes (none on a store without deals). */
    private static void deals(CrmStore store, StatisticsScope scope, Consumer<Deal> action) {
        if (!(store instanceof PipelineStore pipelines)) {
            return;
        }
        AccessFilter filter = scope.filter(RecordType.DEAL);
        if (filter.nothing()) {
            return;
        }
        // the store's restricted list applies the filter while it reads (a page at a time, not a query per deal)
        forEach(r -> pipelines.pipelines().findAll(r), (Pipeline p) -> {
            DealFilter deals = DealFilter.pipeline(p.id());
            Function<PageRequest, Page<Deal>> read = filter.everything() ? r -> pipelines.deals().find(deals, r)
                    : r -> pipelines.visibleDeals().find(deals, filter, r);
            forEach(read, action);
        });
    }

    private static <T> void forEach(Function<PageRequest, Page<T>> read, Consumer<T> action) {
        PageRequest page = PageRequest.first(PAGE);
        while (true) {
            Page<T> items = read.apply(page);
            items.items().forEach(action);
            Optional<PageRequest> next = page.next(items);
            if (next.isEmpty()) {
                return;
            }
            page = next.get();
        }
    }
}
