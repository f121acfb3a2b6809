package dev.crmkit.pipeline;

import dev.crmkit.core.ScopedCrm;
import dev.crmkit.core.access.AccessDecision;
import dev.crmkit.core.access.AccessRecord;
import dev.crmkit.core.access.FieldRedaction;
import dev.crmkit.core.access.FieldRef;
import dev.crmkit.core.access.Guarded;
import dev.crmkit.core.access.Permission;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.task.Task;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealFilter;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.deal.MoveDeal;
import dev.crmkit.pipeline.deal.StageChange;
import dev.crmkit.pipeline.deal.StageHistoryEntry;
import dev.crmkit.pipeline.definition.PipelineId;
import dev.crmkit.pipeline.definition.Refusal;
import dev.crmkit.pipeline.definition.Rules;
import dev.crmkit.pipeline.forecast.Board;
import dev.crmkit.pipeline.forecast.Forecasts;
import dev.crmkit.pipeline.forecast.WeightedForecast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The deals as one actor sees them, made with {@link DealPipeline#as}: a deal the actor may not view (record type
 * {@link RecordType#DEAL}: its owner, the owner's teams, the reports of a manager, shares, the default access) is "not
 * found": {@link #deal} returns {@code Optional.empty()}, lists leave it out, and boards and forecasts neither count
 * nor sum it. Lists are restricted inside the store's query ({@link PipelineStore#visibleDeals()}), so pages are full
 * and cursors work as on the unrestricted list; a board and a forecast read the same restricted list.
 *
 * <pre>{@code
 * ScopedPipeline rep = deals.as(Actor.user("anna"));
 * Board board = rep.board(DealFilter.pipeline(b2b.id()));        // only anna's deals and those shared with her
 * Guarded<StageChange> moved = rep.move(MoveDeal.to(id, "Won", mover));
 * }</pre>
 *
 * <p>Fields: every deal the view returns ({@link #deal}, {@link #deals}, a move's {@link StageChange.StageChanged} and
 * a {@link #change}'s value when it is a deal) is shown as the actor sees it ({@link ScopedCrm#fields()}): each field
 * the actor's role hides ({@code deal.amount}, {@code deal.expectedMargin}, {@code deal.lostReason},
 * {@code deal.customFields.KEY}, ...) is blank. Boards and forecasts are made of those shown deals: when the role
 * hides {@code deal.amount}, the deals are counted but their amounts are left out of every sum and weighted value
 * (the totals are empty); a hidden {@code deal.expectedCloseDate} leaves the deal out of the by-month totals, a hidden
 * {@code deal.owner} counts it as unowned, a hidden {@code deal.probabilityOverride} weighs it with its stage's
 * probability. A stage history holds no field a role can hide (stages cannot be hidden, only made READ). A deal's
 * timeline ({@link #timeline(DealId, PageRequest)}) and a move refused by a stage rule quote no value of a field the
 * role hides ({@link FieldRedaction#withheld}), and a list filtered on such a field is refused ({@link #deals}).
 *
 * <p>Changes through the view ({@link #move}, {@link #change}) are made only when the actor may view the deal and
 * holds the permission on it (EDIT for a move), in one unit of work with the decision; otherwise nothing changes and
 * the {@link Guarded} refusal names the permission and the deal (a hidden deal is refused as "not found"). The deal
 * is locked for that unit of work before the decision ({@link dev.crmkit.pipeline.deal.Deals#lockById}), and a change
 * that alters a field the actor's role may only read or not see (a move when {@code deal.stage} is READ, new terms
 * when {@code deal.amount} is) is undone and refused naming the edit permission, the field and the deal
 * ({@code "user:ben may not edit field deal.stage of deal:ID: role rep has READ on deal.stage"}). The
 * organization is read when the view is made (make one per request); shares are read when a deal is looked at.
 * Thread-safe.
 */
public final class ScopedPipeline {

    private final DealPipeline pipeline;
    private final ScopedCrm view;
    private final PipelineStore store;
    private final ScopedDeals deals;
    private final Forecasts forecasts;
    private final FieldRedaction fields;

    ScopedPipeline(DealPipeline pipeline, ScopedCrm view, PipelineStore store) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.view = Objects.requireNonNull(view, "view");
        this.store = Objects.requireNonNull(store, "store");
        this.fields = view.fields();
        this.deals = new ScopedDeals(store.deals(), store.visibleDeals(),
                view.policy().filter(view.actor(), RecordType.DEAL, Permission.VIEW),
                d -> view.decide(Permission.VIEW, ref(d.id()), Optional.of(record(d))).allowed(),
                d -> fields.redact(RecordType.DEAL, d), this::checkFilter);
        this.forecasts = new Forecasts(store.pipelines(), deals);
    }

    /** Who is looking. */
    public dev.crmkit.core.access.Actor actor() {
        return view.actor();
    }

    /** The deal with this id, if the actor may view it. */
    public Optional<Deal> deal(DealId id) {
        return deals.findById(id);
    }

    /**
     * The deals passing a filter that the actor may view, in the order they were created. A filter on a field the
     * actor's role hides is refused, for it would tell the field's value of every deal it lists: an owner when
     * {@code deal.owner} is hidden, a close month when {@code deal.expectedCloseDate} is, a source when
     * {@code deal.source} is ({@link dev.crmkit.core.access.AccessPolicy#checkFilter}); so are boards and forecasts
     * with such a filter ({@link #board}, {@link #weighted} for an owner).
     *
     * @throws dev.crmkit.core.kernel.ValidationException (field {@code owner}, {@code closeMonth} or {@code source},
     *                                                    rule {@code hidden-field}) naming the field and the role
     */
    public Page<Deal> deals(DealFilter filter, PageRequest page) {
        return deals.find(filter, page);
    }

    /**
     * The board of the filter's pipeline as {@link Forecasts#board} makes it, of the deals the actor may view only:
     * per stage, how many of them and the sum of their amounts; when the actor's role hides {@code deal.amount}, the
     * counts only (every total is empty).
     */
    public Board board(DealFilter filter) {
        return forecasts.board(filter);
    }

    /**
     * The weighted forecast as {@link Forecasts#weighted} makes it, of the deals the actor may view only, as the actor
     * sees them (see the class comment): empty when the actor's role hides {@code deal.amount}.
     */
    public WeightedForecast weighted(List<PipelineId> only, Optional<UserId> owner) {
        return forecasts.weighted(only, owner);
    }

    /** Boards, lists and weighted forecasts of the deals the actor may view. */
    public Forecasts forecasts() {
        return forecasts;
    }

    /** The stage history of a deal, oldest first, if the actor may view the deal. */
    public Optional<List<StageHistoryEntry>> history(DealId id) {
        return deal(id).map(d -> pipeline.history(d.id()));
    }

    /**
     * Whether the actor may do something with a deal, explained; a deal that is not stored is refused as "not found"
     * without saying more.
     */
    public AccessDecision decide(Permission permission, DealId id) {
        Objects.requireNonNull(id, "id");
        return view.decide(permission, ref(id), stored(id));
    }

    /**
     * Moves a deal if the actor may view it and holds {@link Permission#EDIT} on it; otherwise moves nothing and
     * returns the refusal naming the permission and the deal. An allowed move is {@link DealPipeline#move}'s outcome
     * (which may itself be a rejection by the stage rules, whose reasons are then shown without the values of the
     * deal's fields the actor's role hides: see {@link FieldRedaction#withheld}; a {@code required-fields} refusal names
     * a missing field the role hides only as "a field the role of ... does not see", for its name would tell that
     * the hidden value is empty).
     *
     * @throws IllegalArgumentException if the command's mover is not this view's actor (see
     *                                  {@link dev.crmkit.pipeline.definition.Actor#of(dev.crmkit.core.access.Actor,
     *                                  dev.crmkit.core.access.Organization, Set)})
     */
    public Guarded<StageChange> move(MoveDeal command) {
        Objects.requireNonNull(command, "command");
        UserId mover = dev.crmkit.pipeline.definition.Actor.of(view.actor(), view.policy().organization(), Set.of())
                .user();
        if (!command.actor().user().equals(mover)) {
            throw new IllegalArgumentException("command: the mover " + command.actor().user()
                    + " is not the view's actor " + view.actor());
        }
        return change(Permission.EDIT, command.deal(), () -> {
            Optional<Deal> before = store.deals().findById(command.deal()); // locked by the change
            StageChange change = pipeline.move(command);
            return change instanceof StageChange.StageChangeRejected rejected && before.isPresent()
                    ? withheld(rejected, before.get()) : change;
        });
    }

    /**
     * A refused move as the actor may read it: each reason's message without the values of the deal's fields the
     * role hides ({@link FieldRedaction#withheld}: {@code "entering Won needs an amount above zero, got [hidden]"});
     * when the role hides {@code deal.lostReason}, the {@code lost-reason} rule's message names neither the reason
     * given nor the pipeline's reasons.
     */
    private StageChange.StageChangeRejected withheld(StageChange.StageChangeRejected rejected, Deal before) {
        if (fields.showsEverything(RecordType.DEAL)) {
            return rejected;
        }
        Set<String> values = fields.hiddenTexts(RecordType.DEAL, before);
        boolean reasonsHidden = fields.hides(RecordType.DEAL, "lostReason");
        String lostReason = new Rules.LostReason(List.of()).name();
        String required = new Rules.RequiredFields(List.of()).name();
        java.util.Iterator<List<String>> missing = requiredMissing(before, rejected.to()).iterator();
        List<Refusal> reasons = rejected.reasons().stream().map(r -> reasonsHidden && r.rule().equals(lostReason)
                ? new Refusal(r.rule(), "losing a deal needs one of the pipeline's lost reasons, which the role of "
                + view.actor() + " does not see")
                : r.rule().equals(required) ? new Refusal(r.rule(), FieldRedaction.withhold(required(r, rejected.to(),
                missing.hasNext() ? Optional.of(missing.next()) : Optional.empty()), values))
                : new Refusal(r.rule(), FieldRedaction.withhold(r.message(), values))).toList();
        return new StageChange.StageChangeRejected(rejected.dealId(), rejected.from(), rejected.to(), reasons);
    }

    /**
     * A {@code required-fields} refusal as the actor may read it: the missing fields the role shows by name, those it
     * hides not named, however many ({@code "entering Won needs values for expectedCloseDate, and a value in a field
     * the role of user:ben does not see"}): a named hidden field would tell the actor that its value is empty. The
     * refusal as it is when no missing field is hidden; when the refusal cannot be matched to its rule (the
     * pipeline was revised meanwhile, so the paired rule's missing fields do not build the refusal's very message),
     * no field is named.
     */
    private String required(Refusal refusal, String stage, Optional<List<String>> missing) {
        if (missing.isEmpty() || !refusal.message().equals(requiredMessage(stage, missing.get()))) {
            return "entering " + stage + " needs values for fields the pipeline requires";
        }
        // a custom field is hidden by name or with every custom field (deal.customFields), as redact blanks it
        List<String> shown = missing.get().stream().filter(f -> !fields.hides(RecordType.DEAL, dealField(f)))
                .toList();
        if (shown.size() == missing.get().size()) {
            return refusal.message();
        }
        String unseen = "a value in a field the role of " + view.actor() + " does not see";
        return "entering " + stage + " needs " + (shown.isEmpty() ? unseen
                : "values for " + String.join(", ", shown) + ", and " + unseen);
    }

    /** The message of a {@code required-fields} refusal with these missing fields ({@link Rules.RequiredFields}). */
    private static String requiredMessage(String stage, List<String> missing) {
        return "entering " + stage + " needs values for " + String.join(", ", missing);
    }

    /** The missing fields of each {@code required-fields} rule into a stage that the deal fails, in rule order. */
    private List<List<String>> requiredMissing(Deal deal, String stage) {
        return store.pipelines().findById(deal.pipelineId()).flatMap(p -> p.definition().stage(stage)
                .map(s -> p.definition().rulesInto(s).stream().filter(Rules.RequiredFields.class::isInstance)
                        .map(r -> ((Rules.RequiredFields) r).missing(deal)).filter(m -> !m.isEmpty()).toList()))
                .orElse(List.of());
    }

    /** The deal field a {@code required-fields} rule's name stands for ({@code contact} is {@code contactId}). */
    private static String dealField(String required) {
        return switch (required) {
            case "contact" -> "contactId";
            case "company" -> "companyId";
            default -> required;
        };
    }

    /**
     * The timeline of a deal, newest first, if the actor may view the deal (else "not found", as for a deal not
     * stored): its public items and the private items the actor owns or took part in, the private items of others
     * left out inside the store's query so that pages are full ({@link ScopedCrm#timeline(RecordRef, Optional, Set,
     * PageRequest)}). Each item's subject and body are shown without the values of the deal's fields the actor's role
     * hides ({@link FieldRedaction#withheld}: {@code "Document [hidden]: [hidden]"} when {@code deal.documents} is
     * hidden), nor of the fields it hides of the other records an entry is about (its contact, its company); the
     * same entries read on the contact's or company's timeline ({@link ScopedCrm#timeline(RecordRef, PageRequest)})
     * withhold the deal's hidden values too.
     */
    public Optional<Page<Activity>> timeline(DealId id, PageRequest page) {
        return timeline(id, Set.of(), page);
    }

    /** {@link #timeline(DealId, PageRequest)}, holding only items of these types (all types when empty). */
    public Optional<Page<Activity>> timeline(DealId id, Set<ActivityType> types, PageRequest page) {
        Objects.requireNonNull(id, "id");
        // the entries' hidden values are withheld by the view, for the deal and every other record they are about
        return view.timeline(ref(id), stored(id), types, page);
    }

    /**
     * The open tasks about a deal that the actor may view (tasks are owned by their assignee), earliest due first,
     * each shown as the actor sees it, if the actor may view the deal; else "not found", as for a deal not stored
     * ({@link ScopedCrm#tasksAbout(RecordRef, Optional)}).
     *
     * @throws dev.crmkit.core.kernel.ValidationException (field {@code record}, rule {@code hidden-field}) when the
     *                                                    actor's role hides {@code task.relatedTo}
     */
    public Optional<List<Task>> tasks(DealId id) {
        Objects.requireNonNull(id, "id");
        return view.tasksAbout(ref(id), stored(id));
    }

    /**
     * Makes a change of a deal (any of {@link DealPipeline}'s, such as {@code changeTerms}) if the actor may view the
     * deal and holds the permission on it, in one unit of work with the decision; otherwise changes nothing and
     * returns the refusal, which names the permission and the deal.
     *
     * @param change the change, run only when allowed; it must not return {@code null}
     */
    public <T> Guarded<T> change(Permission permission, DealId id, Supplier<T> change) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(change, "change");
        Guarded<T> outcome = view.change(permission, ref(id), () -> store.deals().lockById(id),
                () -> store.deals().findById(id), ScopedPipeline::record, change);
        if (!outcome.allowed()) {
            return outcome;
        }
        return Guarded.done((AccessDecision.Allowed) outcome.decision(), shown(outcome.value().orElseThrow()));
    }

    /** A deal, or a move's outcome, as the actor sees it; any other value as it is. */
    @SuppressWarnings("unchecked")
    private <T> T shown(T value) {
        if (value instanceof Deal d) {
            return (T) fields.redact(RecordType.DEAL, d);
        }
        if (value instanceof StageChange.StageChanged changed) {
            return (T) new StageChange.StageChanged(fields.redact(RecordType.DEAL, changed.deal()), changed.entry(),
                    changed.actionsRun());
        }
        return value;
    }

    /** Refuses a filter on a field the actor's role hides (the stage cannot be hidden). */
    private void checkFilter(DealFilter filter) {
        if (filter.owner().isPresent()) {
            view.policy().checkFilter(view.actor(), new FieldRef(RecordType.DEAL, "owner"), "owner");
        }
        if (filter.source().isPresent()) {
            view.policy().checkFilter(view.actor(), new FieldRef(RecordType.DEAL, "source"), "source");
        }
        if (filter.closeMonth().isPresent()) {
            view.policy().checkFilter(view.actor(), new FieldRef(RecordType.DEAL, "expectedCloseDate"),
                    "closeMonth");
        }
    }

    private Optional<AccessRecord> stored(DealId id) {
        return store.deals().findById(id).map(ScopedPipeline::record);
    }

    private static AccessRecord record(Deal deal) {
        return AccessRecord.of(RecordType.DEAL, deal.id().value(), deal.owner());
    }

    private static RecordRef ref(DealId id) {
        return new RecordRef(RecordType.DEAL, id.value());
    }
}
