package dev.crmkit.pipeline;

import dev.crmkit.core.access.AccessFilter;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealFilter;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.deal.Deals;
import dev.crmkit.pipeline.deal.VisibleDeals;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The deals one actor may view, as a read-only {@link Deals} port, so that {@link dev.crmkit.pipeline.forecast.Forecasts}
 * builds boards and forecasts of them alone: a list goes to the store's {@link VisibleDeals} with the actor's access
 * filter (restricted inside the query), a deal the actor may not view is not found. Every deal it returns is shown as
 * the actor sees it: the fields the actor's role hides are blank ({@link dev.crmkit.core.access.FieldRedaction}), so a
 * hidden amount is absent and neither a board nor a forecast sums it. A filter on a field the actor's role hides is
 * refused before anything is read ({@code filterable} throws), so that it cannot tell the field's values. Writes and
 * locks are refused. Thread-safe.
 */
final class ScopedDeals implements Deals {

    private final Deals deals;
    private final VisibleDeals visible;
    private final AccessFilter access;
    private final Predicate<Deal> mayView;
    private final UnaryOperator<Deal> shown;
    private final java.util.function.Consumer<DealFilter> filterable;

    ScopedDeals(Deals deals, VisibleDeals visible, AccessFilter access, Predicate<Deal> mayView,
                UnaryOperator<Deal> shown, java.util.function.Consumer<DealFilter> filterable) {
        this.deals = Objects.requireNonNull(deals, "deals");
        this.visible = Objects.requireNonNull(visible, "visible");
        this.access = Objects.requireNonNull(access, "access");
        this.mayView = Objects.requireNonNull(mayView, "mayView");
        this.shown = Objects.requireNonNull(shown, "shown");
        this.filterable = Objects.requireNonNull(filterable, "filterable");
    }

    @Override
    public Deal insert(Deal deal) {
        throw readOnly();
    }

    @Override
    public Deal update(Deal deal) {
        throw readOnly();
    }

    @Override
    public Optional<Deal> findById(DealId id) {
        return deals.findById(Objects.requireNonNull(id, "id")).filter(mayView).map(shown);
    }

    @Override
    public Optional<Deal> lockById(DealId id) {
        throw readOnly();
    }

    @Override
    public Page<Deal> find(DealFilter filter, PageRequest page) {
        filterable.accept(Objects.requireNonNull(filter, "filter"));
        return visible.find(Objects.requireNonNull(filter, "filter"), access, Objects.requireNonNull(page, "page"))
                .map(shown);
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("the deals of an actor's view are read-only: change a deal through "
                + "DealPipeline.as(actor)");
    }
}
