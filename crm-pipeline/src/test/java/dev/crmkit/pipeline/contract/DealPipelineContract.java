package dev.crmkit.pipeline.contract;

import dev.crmkit.core.Crm;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.activity.LogActivity;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.contract.TestClock;
import dev.crmkit.core.customfield.CustomFieldSchema;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.customfield.FieldDefinition;
import dev.crmkit.core.customfield.FieldType;
import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.task.Task;
import dev.crmkit.pipeline.DealPipeline;
import dev.crmkit.pipeline.deal.ConvertLead;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealEvent;
import dev.crmkit.pipeline.deal.DealFilter;
import dev.crmkit.pipeline.deal.LeadConversion;
import dev.crmkit.pipeline.deal.MoveDeal;
import dev.crmkit.pipeline.deal.OpenDeal;
import dev.crmkit.pipeline.deal.RottingDeal;
import dev.crmkit.pipeline.deal.StageChange;
import dev.crmkit.pipeline.deal.StageHistoryEntry;
import dev.crmkit.pipeline.definition.Actions;
import dev.crmkit.pipeline.definition.Actor;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.PipelineId;
import dev.crmkit.pipeline.definition.PipelineDefinition;
import dev.crmkit.pipeline.definition.Presets;
import dev.crmkit.pipeline.definition.Rules;
import dev.crmkit.pipeline.definition.StageSignal;
import dev.crmkit.pipeline.forecast.Board;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The pipeline use cases against a real store: moves and their records (history, timeline of deal, contact and
 * company, tasks, events), refusals that change nothing, concurrent moves, lead conversion, pipeline revision,
 * rotting and the board. An adapter runs it by extending this class and returning an empty store.
 */
public abstract class DealPipelineContract {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final Actor ANNA = Actor.of("anna", "sales");
    private static final Actor MARA = Actor.of("mara", "manager");

    /** A fresh, empty store; called before every test. */
    protected abstract Stores newStore();

    private TestClock clock;
    private Crm crm;
    private DealPipeline pipelines;
    private Stores stores;
    private final List<DomainEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        events.clear();
        stores = newStore();
        clock = TestClock.at(NOW, ZoneId.of("Europe/Berlin"));
        crm = Crm.builder().store(stores.crm()).clock(clock).ids(IdGenerator.seeded(5)).defaultRegion("DE")
                .build();
        pipelines = DealPipeline.builder().crm(crm).store(stores.pipeline()).ids(IdGenerator.seeded(6))
                .events(events::add).build();
    }

    private static PipelineDefinition sales() {
        return PipelineDefinition.builder("Sales")
                .stage("New", s -> s.probability(10).rottingDays(3))
                .stage("Proposal", s -> s.probability(40).rottingDays(5)
                        .rule(Rules.amountPositive(), Rules.requiredFields("contact", "expectedCloseDate"))
                        .action(Actions.ownerTask("Call about the offer", 24), Actions.publish("proposal")))
                .stage("Negotiation", s -> s.probability(70)
                        .rule(Rules.requiredActivity(ActivityType.MEETING), Rules.requiredDocument("offer",
                                "approved")))
                .won("Won", s -> s.rule(Rules.allowedMovers(Set.of("manager"), false)))
                .lost("Lost")
                .skippingAllowed(false)
                .requireLostReason("price", "timing")
                .build();
    }

    @Test
    void defaultPipeline_isTheFirstDefinedUntilAnotherIsMadeDefault() {
        assertEquals(Optional.empty(), pipelines.defaultPipeline());
        List<Pipeline> defined = new ArrayList<>();
        for (String name : List.of("Zeta", "Alpha", "Mid", "Beta")) {
            defined.add(pipelines.definePipeline(PipelineDefinition.builder(name).stage("New", s -> s.probability(10))
                    .won("Won").lost("Lost").build()));
        }

        assertEquals(defined, pipelines.pipelines(), "definition order, at one instant");
        assertEquals(Optional.of(defined.get(0)), pipelines.defaultPipeline());

        assertEquals(defined.get(2), pipelines.makeDefault(defined.get(2).id()));
        assertEquals(Optional.of(defined.get(2)), pipelines.defaultPipeline());

        ValidationException e = assertThrows(ValidationException.class,
                () -> pipelines.makeDefault(new PipelineId(new UUID(0, 42))));
        assertEquals("exists", e.violations().get(0).rule());
        assertEquals(Optional.of(defined.get(2)), pipelines.defaultPipeline());
    }

    private Contact contact() {
        CaptureOutcome outcome = crm.capture().capture(LeadSubmission.from(Channel.WEB_FORM).name("Jane", "Doe")
                .email("jane@acme-industries.example").company("ACME Industries").build());
        Lead lead = outcome.lead().orElseThrow(() -> new AssertionError(outcome.toString()));
        return crm.customers().contact(lead.contactId()).orElseThrow();
    }

    private Deal openDeal(Pipeline pipeline, Contact contact) {
        return pipelines.open(OpenDeal.of(pipeline.id(), "50 seats", Money.of("12000.00", "EUR"), ANNA)
                .about(Optional.of(contact.id()), contact.affiliations().stream().map(a -> a.companyId())
                        .findFirst())
                .closingOn(LocalDate.of(2026, 4, 30)));
    }

    private List<Activity> timelineOf(RecordType type, UUID id) {
        return crm.timeline().of(new RecordRef(type, id), TimelineFilter.everything(), PageRequest.first(100))
                .items();
    }

    @Test
    void move_allowed_changesStageAndRecordsHistoryTimelineTaskAndEvents() {
        Pipeline pipeline = pipelines.definePipeline(sales());
        Contact contact = contact();
        Deal deal = openDeal(pipeline, contact);
        clock.advance(Duration.ofHours(5));
        events.clear();

        StageChange change = pipelines.move(MoveDeal.to(deal.id(), "proposal", ANNA));

        StageChange.StageChanged moved = assertInstanceOf(StageChange.StageChanged.class, change);
        assertEquals("Proposal", moved.deal().stage());
        assertEquals(40, moved.deal().probability());
        assertEquals(deal.version() + 1, moved.deal().version());
        assertEquals(Optional.of(moved.deal()), pipelines.deal(deal.id()));
        assertEquals(2, moved.actionsRun().size());
        List<StageHistoryEntry> history = pipelines.history(deal.id());
        assertEquals(2, history.size());
        StageHistoryEntry last = history.get(1);
        assertEquals(Optional.of("New"), last.from());
        assertEquals("Proposal", last.to());
        assertEquals(UserId.of("anna"), last.by());
        assertEquals(clock.instant(), last.at());
        assertEquals(Duration.ofHours(5), last.timeInPrevious());
        for (RecordRef ref : List.of(new RecordRef(RecordType.DEAL, deal.id().value()),
                new RecordRef(RecordType.CONTACT, contact.id().value()),
                new RecordRef(RecordType.COMPANY, deal.companyId().orElseThrow().value()))) {
            List<Activity> timeline = crm.timeline().of(ref, TimelineFilter.everything(), PageRequest.first(5))
                    .items();
            assertEquals("Stage New -> Proposal", timeline.get(0).subject(), ref.toString());
        }
        List<Task> tasks = crm.tasks().openAbout(new RecordRef(RecordType.DEAL, deal.id().value()));
        assertEquals(1, tasks.size());
        assertEquals(UserId.of("anna"), tasks.get(0).assignee());
        assertEquals(clock.instant().plus(Duration.ofHours(24)), tasks.get(0).due());
        assertTrue(events.stream().anyMatch(e -> e instanceof DealEvent.DealMoved m && m.to().equals("Proposal")));
        assertTrue(events.stream().anyMatch(e -> e instanceof StageSignal s && s.topic().equals("proposal")));
    }

    @Test
    void move_refused_listsEveryReasonAndChangesNothing() {
        Pipeline pipeline = pipelines.definePipeline(sales());
        Deal deal = pipelines.open(new OpenDeal(pipeline.id(), "No terms yet", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "", ANNA));
        List<Activity> timelineBefore = timelineOf(RecordType.DEAL, deal.id().value());
        events.clear();

        StageChange change = pipelines.move(MoveDeal.to(deal.id(), "Proposal", ANNA));

        StageChange.StageChangeRejected rejected = assertInstanceOf(StageChange.StageChangeRejected.class, change);
        assertTrue(rejected.refusedBy("amount-positive"));
        assertTrue(rejected.refusedBy("required-fields"));
        assertEquals(2, rejected.reasons().size());
        assertEquals(Optional.of(deal), pipelines.deal(deal.id()));
        assertEquals(1, pipelines.history(deal.id()).size());
        assertEquals(timelineBefore, timelineOf(RecordType.DEAL, deal.id().value()));
        assertTrue(crm.tasks().openAbout(new RecordRef(RecordType.DEAL, deal.id().value())).isEmpty());
        assertTrue(events.isEmpty());
    }

    @Test
    void move_deliversItsDealEvents_thenItsTimelineEntrysEvent_toTheCrmsSubscriber() {
        List<DomainEvent> delivered = new CopyOnWriteArrayList<>();
        Crm shared = Crm.builder().store(stores.crm()).clock(clock).ids(IdGenerator.seeded(7)).defaultRegion("DE")
                .events(delivered::add).build();
        DealPipeline deals = DealPipeline.builder().crm(shared).store(stores.pipeline()).ids(IdGenerator.seeded(8))
                .build();
        Pipeline pipeline = deals.definePipeline(PipelineDefinition.builder("Short")
                .stage("New", s -> s.probability(10)).won("Won").lost("Lost").build());
        Deal deal = deals.open(OpenDeal.of(pipeline.id(), "Deal", Money.of("100.00", "EUR"), ANNA));
        delivered.clear();

        StageChange won = deals.move(MoveDeal.to(deal.id(), "Won", ANNA));

        assertInstanceOf(StageChange.StageChanged.class, won, won.toString());
        // the delivery order (the outbox's order on JDBC): the move's events, then its timeline entry's (issue 17)
        assertEquals(List.of(DealEvent.DealMoved.class, DealEvent.DealWon.class,
                dev.crmkit.core.activity.ActivityEvent.ActivityLogged.class),
                delivered.stream().map(Object::getClass).toList());
    }

    @Test
    void move_skippingAndUnauthorizedAndMissingLostReason_areRefusedByTheirRules() {
        Pipeline pipeline = pipelines.definePipeline(sales());
        Deal deal = openDeal(pipeline, contact());

        StageChange skip = pipelines.move(MoveDeal.to(deal.id(), "Negotiation", ANNA));
        StageChange won = pipelines.move(MoveDeal.to(deal.id(), "Won", ANNA));
        StageChange lost = pipelines.move(MoveDeal.to(deal.id(), "Lost", ANNA));
        StageChange badReason = pipelines.move(MoveDeal.to(deal.id(), "Lost", ANNA).because("weather"));

        assertTrue(((StageChange.StageChangeRejected) skip).refusedBy("no-skipping"));
        StageChange.StageChangeRejected wonRefused = (StageChange.StageChangeRejected) won;
        assertTrue(wonRefused.refusedBy("no-skipping"));
        assertTrue(wonRefused.refusedBy("allowed-movers"));
        assertTrue(((StageChange.StageChangeRejected) lost).refusedBy("lost-reason"));
        assertTrue(((StageChange.StageChangeRejected) badReason).refusedBy("lost-reason"));
        assertEquals(Optional.of(deal), pipelines.deal(deal.id()));
    }

    @Test
    void move_throughToWon_needsMeetingOfferAndManager() {
        Pipeline pipeline = pipelines.definePipeline(sales());
        Contact contact = contact();
        Deal deal = openDeal(pipeline, contact);
        assertInstanceOf(StageChange.StageChanged.class, pipelines.move(MoveDeal.to(deal.id(), "Proposal", ANNA)));
        clock.advance(Duration.ofDays(1));

        StageChange early = pipelines.move(MoveDeal.to(deal.id(), "Negotiation", ANNA));
        crm.timeline().log(LogActivity.interaction(ActivityType.MEETING, Direction.OUTBOUND, "Presentation",
                clock.instant(), new RecordRef(RecordType.DEAL, deal.id().value())));
        pipelines.attachDocument(deal.id(), "offer", "approved");
        clock.advance(Duration.ofHours(1));
        StageChange negotiation = pipelines.move(MoveDeal.to(deal.id(), "Negotiation", ANNA));
        StageChange byManager = pipelines.move(MoveDeal.to(deal.id(), "Won", MARA));

        StageChange.StageChangeRejected refused = assertInstanceOf(StageChange.StageChangeRejected.class, early);
        assertTrue(refused.refusedBy("required-activity"));
        assertTrue(refused.refusedBy("required-documents"));
        assertInstanceOf(StageChange.StageChanged.class, negotiation);
        Deal won = assertInstanceOf(StageChange.StageChanged.class, byManager).deal();
        assertEquals(Optional.of(clock.instant()), won.wonAt());
        assertEquals(100, won.probability());
        assertEquals(List.of("New", "Proposal", "Negotiation", "Won"),
                pipelines.history(deal.id()).stream().map(StageHistoryEntry::to).toList());
        assertTrue(events.stream().anyMatch(e -> e instanceof DealEvent.DealWon w && w.dealId().equals(deal.id())));
    }

    @Test
    void move_basedOnAnOldVersion_isRefusedAsStale() {
        Pipeline pipeline = pipelines.definePipeline(Presets.classicLead());
        Deal deal = openDeal(pipeline, contact());
        pipelines.move(MoveDeal.to(deal.id(), "Contacted", ANNA));

        StageChange change = pipelines.move(MoveDeal.to(deal.id(), "Qualified", ANNA).atVersion(deal.version()));

        assertTrue(((StageChange.StageChangeRejected) change).refusedBy("stale-version"));
        assertEquals("Contacted", pipelines.deal(deal.id()).orElseThrow().stage());
    }

    /**
     * A deal moved as its caller holds it ({@code move(Deal, MoveDeal)}, one round trip on PostgreSQL) goes the way a
     * twin moved by id goes, step by step: the same refusals (rules checked against the held deal, a timeline rule
     * reading the timeline), the same stored deal, history, timeline entries, tasks and events.
     */
    @Test
    void moveOfAHeldDeal_goesAsTheMoveById() {
        Pipeline pipeline = pipelines.definePipeline(sales());
        Contact contact = contact();
        Deal byId = openDeal(pipeline, contact);
        Deal held = openDeal(pipeline, contact);
        List<String> outcomesById = new ArrayList<>();
        List<String> outcomesHeld = new ArrayList<>();
        List<List<String>> steps = List.of(List.of("Negotiation", "anna"), List.of("Proposal", "anna"),
                List.of("Negotiation", "anna"), List.of("meeting and offer"), List.of("Negotiation", "anna"),
                List.of("Won", "anna"), List.of("Won", "mara"));
        for (List<String> step : steps) {
            clock.advance(Duration.ofHours(1));
            if (step.size() == 1) {
                for (Deal deal : List.of(byId, held)) {
                    crm.timeline().log(LogActivity.interaction(ActivityType.MEETING, Direction.OUTBOUND,
                            "Presentation", clock.instant(), new RecordRef(RecordType.DEAL, deal.id().value())));
                }
                byId = pipelines.attachDocument(byId.id(), "offer", "approved");
                held = pipelines.attachDocument(held.id(), "offer", "approved");
                continue;
            }
            Actor actor = step.get(1).equals("mara") ? MARA : ANNA;
            events.clear();
            StageChange viaId = pipelines.move(MoveDeal.to(byId.id(), step.get(0), actor));
            List<String> eventsById = events.stream().map(e -> e.getClass().getSimpleName()).toList();
            events.clear();
            StageChange viaHeld = pipelines.move(held, MoveDeal.to(held.id(), step.get(0), actor));
            List<String> eventsHeld = events.stream().map(e -> e.getClass().getSimpleName()).toList();
            outcomesById.add(describe(viaId) + " " + eventsById);
            outcomesHeld.add(describe(viaHeld) + " " + eventsHeld);
            if (viaHeld instanceof StageChange.StageChanged moved) {
                held = moved.deal();
            }
            if (viaId instanceof StageChange.StageChanged moved) {
                byId = moved.deal();
            }
        }

        assertEquals(outcomesById, outcomesHeld);
        assertTrue(outcomesHeld.get(0).contains("no-skipping"), outcomesHeld.toString());
        assertTrue(outcomesHeld.get(2).contains("required-activity"), outcomesHeld.toString());
        assertTrue(outcomesHeld.get(5).startsWith("changed Won"), outcomesHeld.toString());
        Deal storedHeld = pipelines.deal(held.id()).orElseThrow();
        Deal storedById = pipelines.deal(byId.id()).orElseThrow();
        assertEquals(held, storedHeld);
        assertEquals(storedById.version(), storedHeld.version());
        assertEquals(storedById.wonAt(), storedHeld.wonAt());
        assertEquals(storedById.documents(), storedHeld.documents());
        assertEquals(historyOf(byId), historyOf(held));
        assertEquals(timelineOf(RecordType.DEAL, byId.id().value()).stream().map(a -> a.subject() + a.body())
                .toList(), timelineOf(RecordType.DEAL, held.id().value()).stream().map(a -> a.subject() + a.body())
                .toList());
        assertEquals(crm.tasks().openAbout(new RecordRef(RecordType.DEAL, byId.id().value())).size(),
                crm.tasks().openAbout(new RecordRef(RecordType.DEAL, held.id().value())).size());
    }

    private static String describe(StageChange change) {
        if (change instanceof StageChange.StageChanged moved) {
            return "changed " + moved.deal().stage() + " v" + moved.deal().version() + " " + moved.actionsRun();
        }
        StageChange.StageChangeRejected rejected = (StageChange.StageChangeRejected) change;
        return "rejected " + rejected.reasons();
    }

    private List<String> historyOf(Deal deal) {
        return pipelines.history(deal.id()).stream().map(h -> h.from() + ">" + h.to() + " v" + h.dealVersion() + " "
                + h.by() + " " + h.at() + " " + h.timeInPrevious()).toList();
    }

    /** A held deal changed since it was read is refused as stale, and nothing of the move is written or published. */
    @Test
    void moveOfAHeldDeal_changedSince_isRefusedAsStale_andWritesNothing() {
        Pipeline pipeline = pipelines.definePipeline(sales());
        Deal held = openDeal(pipeline, contact());
        Deal changed = pipelines.changeTerms(held.id(), Optional.of(Money.of("13000.00", "EUR")),
                held.expectedCloseDate(), Optional.empty());
        List<Activity> timelineBefore = timelineOf(RecordType.DEAL, held.id().value());
        events.clear();

        StageChange change = pipelines.move(held, MoveDeal.to(held.id(), "Proposal", ANNA));

        StageChange.StageChangeRejected rejected = assertInstanceOf(StageChange.StageChangeRejected.class, change);
        assertTrue(rejected.refusedBy("stale-version"), rejected.toString());
        assertTrue(rejected.reasons().get(0).message().contains("version " + changed.version()),
                rejected.toString());
        assertEquals(Optional.of(changed), pipelines.deal(held.id()));
        assertEquals(1, pipelines.history(held.id()).size());
        assertEquals(timelineBefore, timelineOf(RecordType.DEAL, held.id().value()));
        assertTrue(crm.tasks().openAbout(new RecordRef(RecordType.DEAL, held.id().value())).isEmpty());
        assertTrue(events.isEmpty(), events.toString());
        // the deal as it is now moves
        assertInstanceOf(StageChange.StageChanged.class, pipelines.move(changed,
                MoveDeal.to(held.id(), "Proposal", ANNA)));
    }

    /**
     * A held deal that moved since (another user dragged it on) is refused as stale, not by a rule judging the stage it
     * no longer is in: in a unit of its own and inside a caller's unit of work, where the caller's own writes stay.
     */
    @Test
    void moveOfAHeldDeal_movedSince_isRefusedAsStale_notByARuleOfItsOldStage_alsoInACallersUnit() {
        Pipeline pipeline = pipelines.definePipeline(sales());
        Deal held = openDeal(pipeline, contact());
        Deal moved = assertInstanceOf(StageChange.StageChanged.class,
                pipelines.move(MoveDeal.to(held.id(), "Proposal", ANNA))).deal();
        events.clear();
        // from New, "Negotiation" is a skip (no-skipping); from Proposal it is not: only stale-version is true of both
        MoveDeal onward = MoveDeal.to(held.id(), "Negotiation", ANNA);

        StageChange own = pipelines.move(held, onward);
        Contact callers = contact();
        StageChange inUnit = stores.crm().transactions().inTransaction(() -> {
            stores.crm().contacts().update(callers.withOwner(Optional.of(UserId.of("ben")), clock.instant()));
            return pipelines.move(held, onward);
        });

        for (StageChange change : List.of(own, inUnit)) {
            StageChange.StageChangeRejected rejected = assertInstanceOf(StageChange.StageChangeRejected.class,
                    change);
            assertTrue(rejected.refusedBy("stale-version"), rejected.toString());
            assertFalse(rejected.refusedBy("no-skipping"), rejected.toString());
        }
        assertEquals(Optional.of(moved), pipelines.deal(held.id()));
        assertEquals(2, pipelines.history(held.id()).size());
        assertEquals(Optional.of(UserId.of("ben")), stores.crm().contacts().findById(callers.id()).orElseThrow()
                .owner(), "the caller's unit committed its own write");
    }

    /** A held deal moves under the pipeline's current revision, also when a node read an older one before. */
    @Test
    void moveOfAHeldDeal_afterThePipelineWasRevised_followsTheRevision() {
        Pipeline pipeline = pipelines.definePipeline(Presets.classicLead());
        Deal first = openDeal(pipeline, contact());
        Deal held = openDeal(pipeline, contact());
        assertInstanceOf(StageChange.StageChanged.class, pipelines.move(first,
                MoveDeal.to(first.id(), "Contacted", ANNA))); // the store has read (and may keep) revision 1
        PipelineDefinition stricter = PipelineDefinition.builder(pipeline.name())
                .stage("New").stage("Contacted", s -> s.rule(Rules.requiredFields("source"))).stage("Qualified")
                .won("Won").lost("Lost").build();
        pipelines.revisePipeline(pipeline.id(), pipeline.version(), stricter, Map.of(), MARA);
        events.clear();

        StageChange change = pipelines.move(held, MoveDeal.to(held.id(), "Contacted", ANNA));

        StageChange.StageChangeRejected rejected = assertInstanceOf(StageChange.StageChangeRejected.class, change);
        assertTrue(rejected.refusedBy("required-fields"), rejected.toString());
        assertEquals(Optional.of(held), pipelines.deal(held.id()));
        assertEquals(1, pipelines.history(held.id()).size());
        assertTrue(events.isEmpty(), events.toString());

        // and back to the laxer definition: the held move a store's older revision would refuse passes
        Pipeline current = pipelines.pipeline(pipeline.id()).orElseThrow(); // the store has read (and may keep) it
        pipelines.revisePipeline(pipeline.id(), current.version(), Presets.classicLead(), Map.of(), MARA);

        StageChange lax = pipelines.move(held, MoveDeal.to(held.id(), "Contacted", ANNA));

        assertEquals("Contacted", assertInstanceOf(StageChange.StageChanged.class, lax, lax.toString()).deal().stage());
        assertEquals(2, pipelines.history(held.id()).size());
    }

    @Test
    void moveOfAHeldDeal_commandOfAnotherDealOrVersion_isRefusedNamingTheRule() {
        Pipeline pipeline = pipelines.definePipeline(Presets.classicLead());
        Deal held = openDeal(pipeline, contact());
        Deal other = openDeal(pipeline, contact());

        ValidationException otherDeal = assertThrows(ValidationException.class,
                () -> pipelines.move(held, MoveDeal.to(other.id(), "Contacted", ANNA)));
        ValidationException otherVersion = assertThrows(ValidationException.class,
                () -> pipelines.move(held, MoveDeal.to(held.id(), "Contacted", ANNA).atVersion(held.version() + 1)));

        assertEquals("deal", otherDeal.violations().get(0).field());
        assertEquals("seen-deal", otherDeal.violations().get(0).rule());
        assertEquals("expectedVersion", otherVersion.violations().get(0).field());
        assertEquals("seen-version", otherVersion.violations().get(0).rule());
        assertEquals(Optional.of(held), pipelines.deal(held.id()));
        assertEquals(Optional.of(other), pipelines.deal(other.id()));
    }

    @Test
    void move_concurrentMovesOfOneDeal_oneWinsTheOtherIsRefusedAsStale() throws Exception {
        Pipeline pipeline = pipelines.definePipeline(Presets.classicLead());
        Deal deal = openDeal(pipeline, contact());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<StageChange>> futures = new ArrayList<>();
            for (String stage : List.of("Contacted", "Lost")) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return pipelines.move(MoveDeal.to(deal.id(), stage, ANNA).because("price")
                            .atVersion(deal.version()));
                }));
            }
            start.countDown();
            List<StageChange> outcomes = new ArrayList<>();
            for (Future<StageChange> f : futures) {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            }

            List<StageChange.StageChanged> won = outcomes.stream()
                    .filter(StageChange.StageChanged.class::isInstance).map(StageChange.StageChanged.class::cast)
                    .toList();
            assertEquals(1, won.size(), outcomes.toString());
            StageChange.StageChangeRejected lost = outcomes.stream()
                    .filter(StageChange.StageChangeRejected.class::isInstance)
                    .map(StageChange.StageChangeRejected.class::cast).findFirst().orElseThrow();
            assertTrue(lost.refusedBy("stale-version"), lost.toString());
            Deal stored = pipelines.deal(deal.id()).orElseThrow();
            assertEquals(won.get(0).deal(), stored);
            assertEquals(deal.version() + 1, stored.version());
            List<StageHistoryEntry> history = pipelines.history(deal.id());
            assertEquals(2, history.size());
            assertEquals(stored.stage(), history.get(1).to());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void convert_qualifiedLead_becomesALinkedDealAndTheLeadIsConverted() {
        Pipeline pipeline = pipelines.definePipeline(Presets.b2b());
        CaptureOutcome captured = crm.capture().capture(LeadSubmission.from(Channel.REFERRAL).name("Max", "Roe")
                .email("max@roe-logistics.example").company("Roe Logistics").request("Fleet tracking").build());
        Lead lead = captured.lead().orElseThrow();
        assertTrue(lead.companyId().isPresent() || !lead.companyName().isEmpty());
        crm.leads().changeStatus(lead.id(), LeadStatus.QUALIFIED, "", Optional.empty());
        clock.advance(Duration.ofHours(1));

        LeadConversion outcome = pipelines.convert(new ConvertLead(lead.id(), pipeline.id(), "",
                Optional.of(Money.of("9000.00", "EUR")), Optional.empty(), ANNA));

        LeadConversion.Converted converted = assertInstanceOf(LeadConversion.Converted.class, outcome);
        Deal deal = converted.deal();
        assertEquals("Need identified", deal.stage());
        assertEquals("Fleet tracking", deal.title());
        assertEquals(Optional.of(lead.contactId()), deal.contactId());
        Company company = converted.company().orElseThrow();
        assertEquals(Optional.of(company.id()), deal.companyId());
        assertEquals(Optional.of(lead.id()), deal.leadId());
        assertEquals("referral", deal.source());
        assertEquals(LeadStatus.CONVERTED, crm.leads().find(lead.id()).orElseThrow().status());
        assertTrue(converted.contact().affiliationWith(company.id()).isPresent());
        assertEquals(1, pipelines.history(deal.id()).size());
        assertFalse(timelineOf(RecordType.COMPANY, company.id().value()).isEmpty());
        assertTrue(timelineOf(RecordType.LEAD, lead.id().value()).stream()
                .anyMatch(a -> a.subject().startsWith("Lead converted to deal")));
    }

    @Test
    void convert_leadWhoseContactAndCompanyAreMissing_createsThem() {
        Pipeline pipeline = pipelines.definePipeline(Presets.b2c());
        Fixtures fx = new Fixtures(99);
        Lead lead = stores.crm().leads().insertOrGet(fx.lead().companyName("Nova Widgets").owner(UserId.of("anna"))
                .status(LeadStatus.QUALIFIED).createdAt(NOW).build());

        LeadConversion outcome = pipelines.convert(new ConvertLead(lead.id(), pipeline.id(), "Widgets",
                Optional.empty(), Optional.empty(), ANNA));

        LeadConversion.Converted converted = assertInstanceOf(LeadConversion.Converted.class, outcome);
        Contact contact = crm.customers().contact(lead.contactId()).orElseThrow();
        assertEquals(lead.email().stream().toList(), contact.emails());
        assertEquals(Optional.of(UserId.of("anna")), contact.owner());
        Company company = stores.crm().companies().findByName("Nova Widgets").orElseThrow();
        assertEquals(Optional.of(company), converted.company());
        assertTrue(contact.affiliationWith(company.id()).isPresent());
        assertEquals(Optional.of(company.id()), converted.deal().companyId());
        assertEquals(Optional.of(UserId.of("anna")), converted.deal().owner());
        assertEquals(LeadStatus.CONVERTED, converted.lead().status());
    }

    @Test
    void convert_existingContact_onlyGainsValuesForEmptyFields() {
        Pipeline pipeline = pipelines.definePipeline(Presets.b2c());
        Fixtures fx = new Fixtures(98);
        Contact existing = stores.crm().contacts().insertOrGet(fx.contact()
                .name(PersonName.of("Ida", "Known")).phones().owner(UserId.of("bert")).build());
        Lead lead = stores.crm().leads().insertOrGet(fx.lead().contactId(existing.id())
                .name(PersonName.of("Other", "Name")).phone(fx.phone())
                .owner(UserId.of("anna")).status(LeadStatus.QUALIFIED).createdAt(NOW).build());

        pipelines.convert(new ConvertLead(lead.id(), pipeline.id(), "Deal", Optional.empty(), Optional.empty(),
                ANNA));

        Contact after = crm.customers().contact(existing.id()).orElseThrow();
        assertEquals(existing.name(), after.name());
        assertEquals(existing.emails(), after.emails());
        assertEquals(lead.phone().stream().toList(), after.phones());
        assertEquals(Optional.of(UserId.of("bert")), after.owner());
    }

    /**
     * A lead whose e-mail and phone are on the suppression list (an erased person's) converts, but its contact does
     * not gain them: neither a contact created for the lead nor an existing one without e-mail or phone, as capture
     * flags such a person instead of storing their values again.
     */
    @Test
    void convert_leadOfASuppressedPerson_neverPutsTheSuppressedValuesOnTheContact() {
        byte[] salt = "the converter test's secret salt".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Crm suppressing = Crm.builder().store(stores.crm()).clock(clock).ids(IdGenerator.seeded(7))
                .defaultRegion("DE").suppressionSalt(salt).build();
        DealPipeline converter = DealPipeline.builder().crm(suppressing).store(stores.pipeline())
                .ids(IdGenerator.seeded(8)).events(events::add).build();
        Pipeline pipeline = converter.definePipeline(Presets.b2c());
        Fixtures fx = new Fixtures(97);
        dev.crmkit.core.privacy.Suppressions list = dev.crmkit.core.privacy.Suppressions.of(
                stores.crm().suppressionList(), salt);
        Contact existing = stores.crm().contacts().insertOrGet(fx.contact().name(PersonName.of("Ida", "Known"))
                .emails().phones().build());
        Lead onExisting = stores.crm().leads().insertOrGet(fx.lead().contactId(existing.id()).phone(fx.phone())
                .status(LeadStatus.QUALIFIED).createdAt(NOW).build());
        Lead onMissing = stores.crm().leads().insertOrGet(fx.lead().phone(fx.phone()).status(LeadStatus.QUALIFIED)
                .createdAt(NOW).build());
        stores.crm().transactions().inTransaction(() -> {
            for (Lead l : List.of(onExisting, onMissing)) {
                list.suppress(l.email().stream().toList(), l.phone().stream().toList(), NOW);
            }
            return null;
        });
        assertTrue(onExisting.email().isPresent() && onExisting.phone().isPresent()
                && onMissing.email().isPresent() && onMissing.phone().isPresent(), "the checks below can fail");

        for (Lead l : List.of(onExisting, onMissing)) {
            assertInstanceOf(LeadConversion.Converted.class, converter.convert(new ConvertLead(l.id(),
                    pipeline.id(), "Deal", Optional.empty(), Optional.empty(), ANNA)));
            Contact after = stores.crm().contacts().findById(l.contactId()).orElseThrow();
            assertEquals(List.of(), after.emails(), "suppressed e-mail not stored again: " + after);
            assertEquals(List.of(), after.phones(), "suppressed phone not stored again: " + after);
        }
    }

    @Test
    void convert_leadNotQualified_isRefusedAndChangesNothing() {
        Pipeline pipeline = pipelines.definePipeline(Presets.b2b());
        Lead lead = crm.capture().capture(LeadSubmission.from(Channel.WEB_FORM).name("Ada", "Poe")
                .email("ada@poe-consulting.example").build()).lead().orElseThrow();

        LeadConversion outcome = pipelines.convert(new ConvertLead(lead.id(), pipeline.id(), "Consulting",
                Optional.empty(), Optional.empty(), ANNA));

        assertEquals("qualified-lead", assertInstanceOf(LeadConversion.ConversionRefused.class, outcome).rule());
        assertEquals(lead, crm.leads().find(lead.id()).orElseThrow());
        assertTrue(pipelines.deals(DealFilter.pipeline(pipeline.id()), PageRequest.first(5)).items().isEmpty());
    }

    @Test
    void revisePipeline_removedStageWithDeals_needsAMappingAndKeepsHistoryNames() {
        Pipeline pipeline = pipelines.definePipeline(Presets.classicLead());
        Deal deal = openDeal(pipeline, contact());
        pipelines.move(MoveDeal.to(deal.id(), "Contacted", ANNA));
        PipelineDefinition shorter = PipelineDefinition.builder("Lead pipeline")
                .stage("New").stage("Talking").won("Won").lost("Lost").build();

        ValidationException e = assertThrows(ValidationException.class, () -> pipelines.revisePipeline(
                pipeline.id(), pipeline.version(), shorter, Map.of(), MARA));
        Pipeline revised = pipelines.revisePipeline(pipeline.id(), pipeline.version(), shorter,
                Map.of("contacted", "Talking"), MARA);

        assertTrue(e.violations().stream().anyMatch(v -> v.rule().equals("stage-mapping")
                && v.field().equals("mapping.Contacted")), e.violations().toString());
        assertEquals(pipeline.version() + 1, revised.version());
        assertEquals("Talking", pipelines.deal(deal.id()).orElseThrow().stage());
        assertEquals(List.of("New", "Contacted", "Talking"),
                pipelines.history(deal.id()).stream().map(StageHistoryEntry::to).toList());
        assertEquals(Optional.of(pipeline), stores.pipeline().pipelines().findRevision(pipeline.id(), 1));
    }

    @Test
    void rotting_dealWithoutActivityPastItsThreshold_isListedOnce() {
        Pipeline pipeline = pipelines.definePipeline(sales());
        Contact contact = contact();
        Deal quiet = openDeal(pipeline, contact);
        Deal busy = openDeal(pipeline, contact);
        clock.advance(Duration.ofDays(2));
        crm.timeline().log(LogActivity.interaction(ActivityType.CALL, Direction.OUTBOUND, "Call", clock.instant(),
                new RecordRef(RecordType.DEAL, busy.id().value())));
        clock.advance(Duration.ofDays(2));

        List<RottingDeal> rotting = pipelines.rotting(pipeline.id());

        assertEquals(List.of(quiet.id()), rotting.stream().map(r -> r.deal().id()).toList());
        assertEquals(quiet.stageEnteredAt(), rotting.get(0).lastActivity());
        assertEquals(3, rotting.get(0).thresholdDays());
    }

    @Test
    void board_countsAndSumsEachStage() {
        Pipeline pipeline = pipelines.definePipeline(Presets.classicLead());
        Contact contact = contact();
        Deal a = openDeal(pipeline, contact);
        openDeal(pipeline, contact);
        pipelines.move(MoveDeal.to(a.id(), "Contacted", ANNA));

        Board board = pipelines.forecasts().board(DealFilter.pipeline(pipeline.id()));

        assertEquals(1, board.columns().get(0).count());
        assertEquals(1, board.columns().get(1).count());
        assertEquals(Optional.of(Money.of("12000.00", "EUR")),
                board.columns().get(1).totals().total(Currency.getInstance("EUR")));
        assertEquals(Optional.of(Money.of("24000.00", "EUR")),
                board.totals().total(Currency.getInstance("EUR")));
    }

    @Test
    void moves_randomSequences_refusalsChangeNothingAndHistoryFollowsTheStage() {
        Pipeline pipeline = pipelines.definePipeline(Presets.b2b());
        List<String> stages = pipeline.definition().stages().stream().map(s -> s.name()).toList();
        Contact contact = contact();
        qt().withFixedSeed(8L).withExamples(40)
                .forAll(lists().of(integers().between(0, stages.size() * 2 - 1)).ofSizeBetween(1, 12))
                .checkAssert(steps -> {
                    Deal deal = openDeal(pipeline, contact);
                    for (int step : steps) {
                        clock.advance(Duration.ofMinutes(7));
                        Deal before = pipelines.deal(deal.id()).orElseThrow();
                        List<StageHistoryEntry> historyBefore = pipelines.history(deal.id());
                        List<Activity> timelineBefore = timelineOf(RecordType.DEAL, deal.id().value());
                        MoveDeal move = MoveDeal.to(deal.id(), stages.get(step / 2), ANNA);
                        StageChange change = pipelines.move(step % 2 == 0 ? move.because("price") : move);
                        if (change instanceof StageChange.StageChangeRejected) {
                            assertEquals(before, pipelines.deal(deal.id()).orElseThrow());
                            assertEquals(historyBefore, pipelines.history(deal.id()));
                            assertEquals(timelineBefore, timelineOf(RecordType.DEAL, deal.id().value()));
                        }
                    }
                    Deal after = pipelines.deal(deal.id()).orElseThrow();
                    List<StageHistoryEntry> history = pipelines.history(deal.id());
                    assertEquals(Optional.empty(), history.get(0).from());
                    for (int i = 1; i < history.size(); i++) {
                        assertEquals(Optional.of(history.get(i - 1).to()), history.get(i).from());
                        assertTrue(history.get(i).dealVersion() > history.get(i - 1).dealVersion());
                    }
                    assertEquals(after.stage(), history.get(history.size() - 1).to());
                    assertEquals(after.stageEnteredAt(), history.get(history.size() - 1).at());
                });
    }

    @Test
    void build_pipelineStoreWithOtherUnitsOfWork_isRefused() {
        Stores other = newStore();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DealPipeline.builder().crm(crm).store(other.pipeline()).build());

        assertTrue(e.getMessage().contains("units of work"), e.getMessage());
    }

    @Test
    void definePipeline_ruleOnACustomField_needsTheFieldInTheDealSchema() {
        PipelineDefinition withBudget = PipelineDefinition.builder("Budgeted")
                .stage("New").stage("Qualified", s -> s.rule(Rules.requiredFields("customFields.budget")))
                .won("Won").lost("Lost").build(Set.of("budget"));

        ValidationException unknown = assertThrows(ValidationException.class,
                () -> pipelines.definePipeline(withBudget));
        crm.customers().defineCustomFields(CustomFieldSchema.of(RecordType.DEAL,
                FieldDefinition.optional("budget", FieldType.NUMBER)));
        Pipeline pipeline = pipelines.definePipeline(withBudget);
        Deal deal = openDeal(pipeline, contact());
        StageChange before = pipelines.move(MoveDeal.to(deal.id(), "Qualified", ANNA));
        pipelines.setCustomFields(deal.id(), CustomFields.empty().with("budget",
                new FieldValue.Number(BigDecimal.valueOf(5000))));
        StageChange after = pipelines.move(MoveDeal.to(deal.id(), "Qualified", ANNA));

        assertEquals("known-field", unknown.violations().get(0).rule());
        assertTrue(((StageChange.StageChangeRejected) before).refusedBy("required-fields"));
        assertInstanceOf(StageChange.StageChanged.class, after);
        assertThrows(ValidationException.class, () -> pipelines.setCustomFields(deal.id(),
                CustomFields.empty().with("colour", new FieldValue.Text("red"))));
    }

    @Test
    void approve_thenMove_passesTheApprovalRule() {
        Pipeline pipeline = pipelines.definePipeline(PipelineDefinition.builder("Approvals")
                .stage("Draft").stage("Signed off", s -> s.rule(Rules.approvalRequired()))
                .won("Won").lost("Lost").build());
        Deal deal = openDeal(pipeline, contact());

        StageChange refused = pipelines.move(MoveDeal.to(deal.id(), "Signed off", ANNA));
        Deal approved = pipelines.approve(deal.id(), "signed OFF", MARA);
        StageChange moved = pipelines.move(MoveDeal.to(deal.id(), "Signed off", ANNA));

        assertTrue(((StageChange.StageChangeRejected) refused).refusedBy("approval-required"));
        assertEquals(Set.of("Signed off"), approved.approvals());
        assertInstanceOf(StageChange.StageChanged.class, moved);
        assertTrue(timelineOf(RecordType.DEAL, deal.id().value()).stream()
                .anyMatch(a -> a.subject().equals("Approved for Signed off")));
    }

    @Test
    void definePipeline_nameTaken_isRefused() {
        pipelines.definePipeline(Presets.b2c());

        ValidationException e = assertThrows(ValidationException.class, () -> pipelines.definePipeline(
                Presets.b2c()));

        assertTrue(e.violations().stream().anyMatch(v -> v.rule().equals("unique")));
    }
}
