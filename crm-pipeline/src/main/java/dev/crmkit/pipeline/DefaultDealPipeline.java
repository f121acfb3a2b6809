package dev.crmkit.pipeline;

import dev.crmkit.core.Crm;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.idempotency.IdempotencyKey;
import dev.crmkit.core.kernel.DomainEvents;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.kernel.Transactions;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.core.task.NewTask;
import dev.crmkit.pipeline.deal.ConvertLead;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealEvent;
import dev.crmkit.pipeline.deal.DealFilter;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.deal.Deals;
import dev.crmkit.pipeline.deal.LeadConversion;
import dev.crmkit.pipeline.deal.MoveDeal;
import dev.crmkit.pipeline.deal.OpenDeal;
import dev.crmkit.pipeline.deal.RottingDeal;
import dev.crmkit.pipeline.deal.StageChange;
import dev.crmkit.pipeline.deal.StageHistory;
import dev.crmkit.pipeline.deal.StageHistoryEntry;
import dev.crmkit.pipeline.definition.Actor;
import dev.crmkit.pipeline.definition.Entry;
import dev.crmkit.pipeline.definition.EntryAction;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.PipelineDefinition;
import dev.crmkit.pipeline.definition.PipelineId;
import dev.crmkit.pipeline.definition.Pipelines;
import dev.crmkit.pipeline.definition.Refusal;
import dev.crmkit.pipeline.definition.Stage;
import dev.crmkit.pipeline.definition.StageKind;
import dev.crmkit.pipeline.forecast.Forecasts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The implementation of {@link DealPipeline}. Thread-safe. */
final class DefaultDealPipeline implements DealPipeline {

    private static final int PAGE = 500;

    private final Crm crm;
    private final Pipelines pipelines;
    private final Deals deals;
    private final StageHistory history;
    private final Transactions tx;
    private final DomainEvents events;
    private final IdGenerator ids;
    private final Clock clock;
    private final Forecasts forecasts;
    private final LeadConverter converter;
    private final PipelineOnce once;
    private final PipelineStore store;

    DefaultDealPipeline(DealPipeline.Builder b) {
        this.crm = b.crm;
        this.store = b.store;
        this.pipelines = b.store.pipelines();
        this.deals = b.store.deals();
        this.history = b.store.stageHistory();
        this.tx = b.store.transactions();
        this.events = crm.store().events(b.subscriber);
        this.ids = b.ids;
        this.clock = crm.clock();
        this.forecasts = new Forecasts(pipelines, deals);
        this.converter = new LeadConverter(crm, this);
        this.once = new PipelineOnce(crm, deals, history);
    }

    IdGenerator ids() {
        return ids;
    }

    DomainEvents events() {
        return events;
    }

    Clock clock() {
        return clock;
    }

    @Override
    public Pipeline definePipeline(PipelineDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        return tx.inTransaction(() -> {
            definition.checked(dealFieldKeys());
            Instant now = clock.instant();
            return pipelines.insert(new Pipeline(new PipelineId(ids.next()), 0, definition, now, now));
        });
    }

    @Override
    public Pipeline revisePipeline(PipelineId id, long expectedVersion, PipelineDefinition definition,
                                   Map<String, String> mapping, Actor by) {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(by, "by");
        return tx.inTransaction(() -> {
            Pipeline current = requirePipeline(id);
            if (current.version() != expectedVersion) {
                throw new StaleVersionException("pipeline", id.toString(), expectedVersion);
            }
            List<Violation> problems = new ArrayList<>(definition.validate(dealFieldKeys()));
            Map<String, String> byKey = new HashMap<>();
            mapping.forEach((from, to) -> {
                byKey.put(from.strip().toLowerCase(Locale.ROOT), to);
                if (definition.stage(to).isEmpty()) {
                    problems.add(new Violation("mapping." + from, "known-stage",
                            "'" + to + "' is not a stage of the revised pipeline"));
                }
            });
            Map<String, Stage> moves = new HashMap<>();
            for (Stage old : current.definition().stages()) {
                Optional<Stage> kept = definition.stage(old.name());
                if (kept.isPresent() && kept.get().name().equals(old.name())) {
                    continue;
                }
                String mapped = byKey.get(old.name().strip().toLowerCase(Locale.ROOT));
                Optional<Stage> target = mapped != null ? definition.stage(mapped) : kept;
                boolean holdsDeals = !deals.find(DealFilter.pipeline(id).inStage(old.name()), PageRequest.first(1))
                        .items().isEmpty();
                if (holdsDeals && target.isEmpty() && mapped == null) {
                    problems.add(new Violation("mapping." + old.name(), "stage-mapping", "stage '" + old.name()
                            + "' still holds deals: say which stage they go to"));
                } else if (holdsDeals && target.isPresent()) {
                    moves.put(old.name(), target.get());
                }
            }
            ValidationException.throwIfAny(problems);
            Instant now = clock.instant();
            Pipeline stored = pipelines.update(current.revisedTo(definition, now));
            moves.forEach((old, target) -> remapStage(id, old, target, by, now));
            return stored;
        });
    }

    private void remapStage(PipelineId id, String old, Stage target, Actor by, Instant now) {
        DealFilter inOld = DealFilter.pipeline(id).inStage(old);
        while (true) {
            List<Deal> batch = deals.find(inOld, PageRequest.first(PAGE)).items();
            if (batch.isEmpty()) {
                return;
            }
            for (Deal deal : batch) {
                StageHistoryEntry entry = new StageHistoryEntry(ids.next(), deal.id(), deal.version() + 1, id,
                        Optional.of(old), target.name(), by.user(), now,
                        positive(Duration.between(deal.stageEnteredAt(), now)));
                Deal stored = deals.updateWithHistory(deal.remappedTo(target, now), entry, history);
                record(stored, "Stage " + old + " -> " + target.name() + " (pipeline revised)",
                        "by " + by.user(), now);
            }
        }
    }

    @Override
    public Optional<Pipeline> pipeline(PipelineId id) {
        return pipelines.findById(Objects.requireNonNull(id, "id"));
    }

    @Override
    public Optional<Pipeline> pipelineNamed(String name) {
        return pipelines.findByName(Objects.requireNonNull(name, "name"));
    }

    @Override
    public List<Pipeline> pipelines() {
        return tx.inTransaction(() -> {
            List<Pipeline> all = new ArrayList<>();
            Optional<PageRequest> page = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
            while (page.isPresent()) {
                Page<Pipeline> read = pipelines.findAll(page.get());
                all.addAll(read.items());
                page = page.get().next(read);
            }
            return List.copyOf(all);
        });
    }

    @Override
    public Optional<Pipeline> defaultPipeline() {
        return tx.inTransaction(() -> pipelines.findDefault().flatMap(pipelines::findById)
                .or(() -> pipelines.findAll(PageRequest.first(1)).items().stream().findFirst()));
    }

    @Override
    public Pipeline makeDefault(PipelineId id) {
        return tx.inTransaction(() -> {
            Pipeline chosen = requirePipeline(id);
            pipelines.setDefault(id);
            return chosen;
        });
    }

    @Override
    public Deal open(OpenDeal command) {
        Objects.requireNonNull(command, "command");
        return tx.inTransaction(() -> {
            Pipeline pipeline = requirePipeline(command.pipeline());
            List<Violation> problems = new ArrayList<>();
            Stage stage = command.stage().map(name -> pipeline.definition().stage(name).orElseGet(() -> {
                problems.add(new Violation("stage", "known-stage", "there is no stage '" + name + "' in "
                        + pipeline.name()));
                return null;
            })).orElse(pipeline.definition().firstOpenStage());
            command.contact().filter(c -> crm.store().contacts().findById(c).isEmpty()).ifPresent(c ->
                    problems.add(new Violation("contact", "exists", "there is no contact " + c)));
            command.company().filter(c -> crm.store().companies().findById(c).isEmpty()).ifPresent(c ->
                    problems.add(new Violation("company", "exists", "there is no company " + c)));
            if (command.title().isBlank()) {
                problems.add(new Violation("title", "required", "a deal needs a title"));
            }
            ValidationException.throwIfAny(problems);
            Instant now = clock.instant();
            Deal deal = Deal.open(new DealId(ids.next()), pipeline.id(), command.title(), stage, now)
                    .withParties(command.owner(), command.contact(), command.company(), Optional.empty(),
                            command.source(), now)
                    .withTerms(command.amount(), command.expectedCloseDate(), Optional.empty(), now);
            return insertOpened(deal, command.by(), now);
        });
    }

    /** Stores a new deal with its first history entry, timeline entry and event; joins the running unit. */
    Deal insertOpened(Deal deal, Actor by, Instant now) {
        Deal stored = deals.insert(deal);
        history.append(new StageHistoryEntry(ids.next(), stored.id(), stored.version(), stored.pipelineId(),
                Optional.empty(), stored.stage(), by.user(), now, Duration.ZERO));
        record(stored, "Deal opened in " + stored.stage() + ": " + stored.title(), "by " + by.user(), now);
        events.publish(new DealEvent.DealOpened(stored.id(), stored.pipelineId(), stored.stage(), now));
        return stored;
    }

    @Override
    public StageChange move(MoveDeal command) {
        Objects.requireNonNull(command, "command");
        // a unit of its own rolls back whole on a refusal, before the catch below: only then may the store send the
        // deal's write later, with the unit's commit (in a caller's unit a refusal must come back from this call)
        boolean ownUnit = !tx.inUnitOfWork();
        try {
            return tx.inTransaction(() -> moveInUnit(command, ownUnit));
        } catch (StaleVersionException e) {
            if (!e.recordId().equals(command.deal().toString())) {
                throw e;
            }
            return stale(requireDeal(command.deal()), command);
        }
    }

    private StageChange moveInUnit(MoveDeal command, boolean ownUnit) {
        Deal deal = requireDeal(command.deal());
        if (command.expectedVersion().isPresent() && command.expectedVersion().getAsLong() != deal.version()) {
            return stale(deal, command);
        }
        return moveRead(deal, requirePipeline(deal.pipelineId()), command, ownUnit, false);
    }

    /**
     * The move of a deal its caller holds: no read of the deal; in a unit of its own the pipeline's revision as the
     * store takes it for a checked deal write (see {@link Pipelines#findByIdCheckedByDealWrite}), so that on a store
     * that answers from memory and checks with the write the move waits once. A pipeline revised since is refused
     * with the write, the unit rolls back, and the move runs again by id; so does a move its rules refuse (a refusal
     * writes nothing that could check the revision).
     */
    @Override
    public StageChange move(Deal seen, MoveDeal command) {
        Objects.requireNonNull(command, "command").requireSeen(seen);
        if (tx.inUnitOfWork()) {
            // in a caller's unit no write can wait for the commit, so holding the deal saves one read at most; and
            // a refusal by the rules must not be judged on fields the stored deal no longer has (a stale held deal
            // is refused as stale-version): the move by id at the held version answers exactly that
            return move(command.atVersionOf(seen));
        }
        try {
            // the command as given: the held deal's version is checked by the write, so the move at that version
            // (a command and its version object per move) is made only on the paths below that move by id
            StageChange change = tx.inTransaction(() -> moveRead(seen, checkedPipeline(seen), command, true, true));
            // a refusal writes nothing, so nothing checked the revision the store may only have assumed, nor the held
            // deal's version: decided again by id on the deal and revision as stored (a stale held deal is then
            // refused as stale-version, never by a rule judging fields it no longer has)
            return change instanceof StageChange.StageChangeRejected ? move(command.atVersionOf(seen)) : change;
        } catch (StaleVersionException e) {
            MoveDeal atSeen = command.atVersionOf(seen);
            if (e.recordType().equals("pipeline") && e.recordId().equals(seen.pipelineId().toString())) {
                return move(atSeen); // revised since this node read it: the deal and the pipeline read, decided again
            }
            if (!e.recordId().equals(seen.id().toString())) {
                throw e;
            }
            return stale(requireDeal(seen.id()), atSeen);
        } catch (java.util.NoSuchElementException e) {
            requireDeal(seen.id()); // a deal no longer stored: refused as a move by id refuses it
            throw e;
        }
    }

    /** The held deal's pipeline as a checked deal write takes it; without a lambda per move to refuse a missing one. */
    private Pipeline checkedPipeline(Deal seen) {
        Optional<Pipeline> pipeline = pipelines.findByIdCheckedByDealWrite(seen.pipelineId());
        if (pipeline.isEmpty()) {
            throw ValidationException.of("pipeline", "exists", "there is no pipeline " + seen.pipelineId());
        }
        return pipeline.get();
    }

    /**
     * The move of a deal as read (or held) at its version, in a pipeline's revision, in the running unit; the
     * command's expected version is not read here (the caller checked it, or the write checks the deal's). A held
     * deal may carry its caller's changes, which the rules checked: it is written whole, as every store writes it.
     */
    private StageChange moveRead(Deal deal, Pipeline pipeline, MoveDeal command, boolean ownUnit, boolean held) {
        Instant now = clock.instant();
        StageChange change = deal.move(pipeline.definition(), command.stage(), command.actor(),
                command.lostReason(), new StageTimeline(crm.timeline(), deal), ids.next(), now);
        if (!(change instanceof StageChange.StageChanged changed)) {
            return change;
        }
        Stage entered = pipeline.definition().stage(changed.deal().stage()).orElseThrow();
        // most stages have no entry actions: then no effects, no list and no entry are built for the move
        BufferedEffects effects = entered.actions().isEmpty() ? null : new BufferedEffects();
        List<String> ran = effects == null ? List.of() : new ArrayList<>();
        if (effects != null) {
            Entry entry = new Entry(changed.deal(), entered, command.actor(), now);
            for (EntryAction action : entered.actions()) {
                ran.add(action.name() + ": " + action.run(entry, effects));
            }
        }
        Deal moved = effects == null || effects.probability().isEmpty() ? changed.deal()
                : changed.deal().withProbabilityOverride(effects.probability(), now);
        // the first write: a lost race ends here (or, sent with the commit, at the commit), with nothing written
        Deal stored = !ownUnit ? deals.updateWithHistory(moved, changed.entry(), history)
                : held ? deals.updateWithHistoryLast(moved, changed.entry(), history)
                : deals.moveWithHistoryLast(deal, moved, changed.entry(), history);
        String body = body(command.actor().user(), changed.entry().timeInPrevious(), deal.stage(), ran);
        // the move's events before its timeline entry (as an assignment publishes its events before its entry): a
        // store that writes the entry with the unit's pending events for the outbox (JDBC on PostgreSQL) then takes
        // them with the entry's statement instead of one more outbox INSERT at the commit; still delivered only after
        // the commit, and never if the unit fails
        events.publish(new DealEvent.DealMoved(stored.id(), stored.pipelineId(), deal.stage(), stored.stage(),
                command.actor().user(), now));
        if (entered.kind() == StageKind.WON) {
            events.publish(new DealEvent.DealWon(stored.id(), stored.amount(), now));
        } else if (entered.kind() == StageKind.LOST) {
            events.publish(new DealEvent.DealLost(stored.id(), stored.lostReason(), now));
        }
        record(stored, "Stage " + deal.stage() + " -> " + stored.stage(), body, now);
        if (effects != null) {
            RecordRef ref = new RecordRef(RecordType.DEAL, stored.id().value());
            for (BufferedEffects.PlannedTask t : effects.tasks()) {
                crm.tasks().create(NewTask.of(t.title(), t.due(), t.assignee(), Optional.of(ref)));
            }
            events.publishAll(effects.events());
        }
        return new StageChange.StageChanged(stored, changed.entry(), ran);
    }

    private static StageChange stale(Deal current, MoveDeal command) {
        return new StageChange.StageChangeRejected(current.id(), current.stage(), command.stage(),
                List.of(new Refusal("stale-version", "the deal was changed by someone else (now at version "
                        + current.version() + "): re-read it and try again")));
    }

    /**
     * The body of a move's timeline entry: who, how long in the stage left (days and hours, or hours and minutes) and
     * the entry actions run, one a line. One concatenation per move, without the time's own string in between.
     */
    static String body(UserId user, Duration inPrevious, String previous, List<String> ran) {
        String actions = ran.isEmpty() ? "" : "\n" + String.join("\n", ran);
        long days = inPrevious.toDays();
        return days > 0
                ? "by " + user + ", after " + days + " d " + inPrevious.toHoursPart() + " h in " + previous + actions
                : "by " + user + ", after " + inPrevious.toHours() + " h " + inPrevious.toMinutesPart() + " min in "
                + previous + actions;
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    @Override
    public Deal changeTerms(DealId id, Optional<Money> amount, Optional<LocalDate> expectedCloseDate,
                            Optional<Money> expectedMargin) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(expectedCloseDate, "expectedCloseDate");
        Objects.requireNonNull(expectedMargin, "expectedMargin");
        return change(id, (deal) -> deal.withTerms(amount, expectedCloseDate, expectedMargin, clock.instant()));
    }

    @Override
    public Deal overrideProbability(DealId id, Optional<Integer> percent) {
        Objects.requireNonNull(percent, "percent");
        return change(id, deal -> deal.withProbabilityOverride(percent, clock.instant()));
    }

    @Override
    public Deal setCustomFields(DealId id, CustomFields values) {
        Objects.requireNonNull(values, "values");
        return change(id, deal -> {
            CustomFields merged = values.fillEmptyFrom(deal.customFields());
            ValidationException.throwIfAny(crm.store().customFieldSchemas().schemaFor(RecordType.DEAL)
                    .validate(merged));
            return deal.withCustomFields(merged, clock.instant());
        });
    }

    @Override
    public Deal attachDocument(DealId id, String kind, String status) {
        return tx.inTransaction(() -> {
            Deal stored = change(id, deal -> deal.withDocument(kind, status, clock.instant()));
            record(stored, "Document " + kind.strip() + ": " + status.strip(), "", clock.instant());
            return stored;
        });
    }

    @Override
    public Deal approve(DealId id, String stage, Actor approver) {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(approver, "approver");
        return tx.inTransaction(() -> {
            Deal deal = requireDeal(id);
            Stage target = requirePipeline(deal.pipelineId()).definition().stage(stage).orElseThrow(() ->
                    ValidationException.of("stage", "known-stage", "there is no stage '" + stage + "'"));
            Deal stored = change(id, d -> d.withApproval(target.name(), clock.instant()));
            record(stored, "Approved for " + target.name(), "by " + approver.user(), clock.instant());
            return stored;
        });
    }

    private Deal change(DealId id, UnaryOperator<Deal> operation) {
        return tx.inTransaction(() -> {
            Deal stored = deals.update(operation.apply(requireDeal(id)));
            events.publish(new DealEvent.DealChanged(stored.id(), stored.version(), clock.instant()));
            return stored;
        });
    }

    @Override
    public Optional<Deal> deal(DealId id) {
        return deals.findById(Objects.requireNonNull(id, "id"));
    }

    @Override
    public Page<Deal> deals(DealFilter filter, PageRequest page) {
        return deals.find(filter, page);
    }

    @Override
    public List<StageHistoryEntry> history(DealId id) {
        Objects.requireNonNull(id, "id");
        List<StageHistoryEntry> out = new ArrayList<>();
        PageRequest request = PageRequest.first(PAGE);
        while (true) {
            Page<StageHistoryEntry> page = history.ofDeal(id, request);
            out.addAll(page.items());
            Optional<PageRequest> next = request.next(page);
            if (next.isEmpty()) {
                return out;
            }
            request = next.get();
        }
    }

    @Override
    public List<RottingDeal> rotting(PipelineId id) {
        Pipeline pipeline = requirePipeline(id);
        Instant now = clock.instant();
        List<RottingDeal> out = new ArrayList<>();
        for (Stage stage : pipeline.definition().stages()) {
            if (stage.rottingDays() == 0 || stage.isClosed()) {
                continue;
            }
            Instant cutoff = now.minus(Duration.ofDays(stage.rottingDays()));
            PageRequest request = PageRequest.first(PAGE);
            while (true) {
                Page<Deal> page = deals.find(DealFilter.pipeline(id).inStage(stage.name()), request);
                for (Deal deal : page.items()) {
                    Instant last = lastActivity(deal);
                    if (last.isBefore(cutoff)) {
                        out.add(new RottingDeal(deal, last, stage.rottingDays()));
                    }
                }
                Optional<PageRequest> next = request.next(page);
                if (next.isEmpty()) {
                    break;
                }
                request = next.get();
            }
        }
        return out;
    }

    /** The latest of: entering its stage, and the newest timeline entry its owner can see. */
    private Instant lastActivity(Deal deal) {
        TimelineFilter filter = deal.owner().map(TimelineFilter::seenBy).orElse(TimelineFilter.everything());
        List<Activity> newest = crm.timeline().of(new RecordRef(RecordType.DEAL, deal.id().value()), filter,
                PageRequest.first(1)).items();
        Instant last = deal.stageEnteredAt();
        if (!newest.isEmpty() && newest.get(0).occurredAt().isAfter(last)) {
            last = newest.get(0).occurredAt();
        }
        return last;
    }

    @Override
    public LeadConversion convert(ConvertLead command) {
        return converter.convert(command);
    }

    @Override
    public LeadConversion convert(ConvertLead command, IdempotencyKey key) {
        Objects.requireNonNull(command, "command");
        return once.once().run(key, PipelineOnce.CONVERT, () -> convert(command), PipelineOnce::describeConversion,
                once::replayConversion);
    }

    @Override
    public Deal open(OpenDeal command, IdempotencyKey key) {
        Objects.requireNonNull(command, "command");
        return once.once().run(key, PipelineOnce.OPEN, () -> open(command), PipelineOnce::describeOpen,
                once::replayOpen);
    }

    @Override
    public StageChange move(MoveDeal command, IdempotencyKey key) {
        Objects.requireNonNull(command, "command");
        return once.once().run(key, PipelineOnce.MOVE, () -> move(command), PipelineOnce::describeMove,
                once::replayMove);
    }

    @Override
    public Forecasts forecasts() {
        return forecasts;
    }

    @Override
    public ScopedPipeline as(dev.crmkit.core.access.Actor actor) {
        return new ScopedPipeline(this, crm.as(Objects.requireNonNull(actor, "actor")), store);
    }

    Pipeline requirePipeline(PipelineId id) {
        return pipelines.findById(Objects.requireNonNull(id, "pipeline")).orElseThrow(() ->
                ValidationException.of("pipeline", "exists", "there is no pipeline " + id));
    }

    private Deal requireDeal(DealId id) {
        return deals.findById(Objects.requireNonNull(id, "deal")).orElseThrow(() ->
                ValidationException.of("deal", "exists", "there is no deal " + id));
    }

    private Set<String> dealFieldKeys() {
        Set<String> keys = new LinkedHashSet<>();
        crm.store().customFieldSchemas().schemaFor(RecordType.DEAL).fields().forEach(f -> keys.add(f.key()));
        return keys;
    }

    /** Records a system entry on the timeline of the deal, its contact and its company. */
    void record(Deal deal, String subject, String body, Instant now) {
        RecordRef dealRef = new RecordRef(RecordType.DEAL, deal.id().value());
        Set<RecordRef> about;
        if (deal.contactId().isEmpty() && deal.companyId().isEmpty()) {
            about = Collections.singleton(dealRef); // the entry keeps it as it is: no hash set per move
        } else {
            about = new LinkedHashSet<>();
            about.add(dealRef);
            deal.contactId().ifPresent(c -> about.add(new RecordRef(RecordType.CONTACT, c.value())));
            deal.companyId().ifPresent(c -> about.add(new RecordRef(RecordType.COMPANY, c.value())));
        }
        crm.timeline().recordLast(Activity.system(new ActivityId(ids.next()), subject, body, about, now));
    }
}
