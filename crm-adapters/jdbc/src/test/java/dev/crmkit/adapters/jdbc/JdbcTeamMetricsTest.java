package dev.crmkit.adapters.jdbc;

import dev.crmkit.adapters.metrics.QualityRecords;
import dev.crmkit.adapters.metrics.TeamRecords;
import dev.crmkit.core.Crm;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.ActivityOutcome;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.activity.Visibility;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.customfield.CustomFieldSchema;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.customfield.FieldDefinition;
import dev.crmkit.core.customfield.FieldType;
import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskId;
import dev.crmkit.core.task.TaskStatus;
import dev.crmkit.metrics.quality.FillRates;
import dev.crmkit.metrics.quality.FillReport;
import dev.crmkit.metrics.quality.RecordFill;
import dev.crmkit.metrics.team.ActivityRecord;
import dev.crmkit.metrics.team.Attainment;
import dev.crmkit.metrics.team.Attainments;
import dev.crmkit.metrics.team.CallStats;
import dev.crmkit.metrics.team.CountAttainment;
import dev.crmkit.metrics.team.CountAttainments;
import dev.crmkit.metrics.team.CountTarget;
import dev.crmkit.metrics.team.Counted;
import dev.crmkit.metrics.team.PersonActivity;
import dev.crmkit.metrics.team.Period;
import dev.crmkit.metrics.team.SalesTarget;
import dev.crmkit.metrics.team.TeamActivity;
import dev.crmkit.metrics.team.WonDeal;
import dev.crmkit.metrics.team.Window;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.deal.StageHistoryEntry;
import dev.crmkit.pipeline.definition.PipelineId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The team statistics pushed down to SQL give exactly crm-metrics' in-memory answers on the records
 * {@link TeamRecords} and {@link QualityRecords} make of the same seeded data, on H2, PostgreSQL and MariaDB.
 */
class JdbcTeamMetricsTest {

    private static final List<String> OWNERS = List.of("ann", "bob", "cy");
    private static final List<Currency> CURRENCIES = List.of(Currency.getInstance("EUR"), Currency.getInstance("USD"),
            Currency.getInstance("JPY"));
    private static final Instant START = Instant.parse("2026-09-25T00:00:00Z");
    private static final int SPAN_SECONDS = 110 * 86_400;
    private static final Window WINDOW = new Window(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 10),
            ZoneId.of("Europe/Berlin"));
    private static final Instant AS_OF = Instant.parse("2026-11-20T12:00:00Z");
    private static final List<DataSource> OPENED = new ArrayList<>();

    @AfterAll
    static void closeDatabases() {
        OPENED.forEach(TestDatabase::close);
    }

    private static JdbcCrmStore store(TestDatabase db) {
        DataSource ds = db.isolated();
        OPENED.add(ds);
        return JdbcCrmStore.builder(ds).build();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void activity_seededTimelineAndTasks_equalsTeamActivity(TestDatabase db) {
        JdbcCrmStore store = store(db);
        Random random = new Random(18);
        List<ActivityRecord> records = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Activity a = activity(random);
            store.activities().append(a);
            TeamRecords.activity(a).ifPresent(records::add);
        }
        for (int i = 0; i < 300; i++) {
            Task t = task(random);
            store.tasks().insert(t);
            TeamRecords.task(t, AS_OF).ifPresent(records::add);
        }
        for (int i = 0; i < 200; i++) {
            StageHistoryEntry e = new StageHistoryEntry(new UUID(random.nextLong(), random.nextLong()),
                    new DealId(new UUID(0, i)), 1 + random.nextInt(3), new PipelineId(new UUID(1, 1)),
                    random.nextInt(4) == 0 ? Optional.empty() : Optional.of("lead"), "qualified",
                    UserId.of(OWNERS.get(random.nextInt(OWNERS.size()))), at(random), Duration.ofHours(1));
            store.stageHistory().append(e);
            TeamRecords.dealMove(e).ifPresent(records::add);
        }

        SortedMap<String, PersonActivity> pushed = JdbcTeamMetrics.of(store).activity(WINDOW, AS_OF);

        SortedMap<String, PersonActivity> inMemory = TeamActivity.of(records, WINDOW);
        assertEquals(inMemory, pushed);
        PersonActivity all = TeamActivity.total(pushed);
        assertTrue(all.calls().inbound() > 0 && all.calls().outbound() > 0 && all.calls().answered() > 0
                && all.calls().missed() > 0 && all.calls().timedAnswered() > 0
                && all.calls().talkSeconds() > all.calls().timedAnsweredSeconds() && all.emailsSent() > 0
                && all.emailsReceived() > 0 && all.meetings() > 0 && all.tasksDone() > 0 && all.tasksOverdue() > 0
                && all.dealsMoved() > 0,
                "the data exercises every count: " + all);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void attainments_seededWonDeals_equalAttainmentsOf(TestDatabase db) {
        JdbcCrmStore store = store(db);
        Random random = new Random(19);
        List<WonDeal> won = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Deal d = deal(random, CustomFields.empty());
            store.deals().insert(d);
            TeamRecords.wonDeal(d, WINDOW.zone()).ifPresent(won::add);
        }
        List<SalesTarget> targets = new ArrayList<>();
        for (String owner : List.of("ann", "bob")) {
            targets.add(new SalesTarget(owner, Period.parse("2026-10"), Money.of("5000.00", "EUR")));
            targets.add(new SalesTarget(owner, Period.parse("2026-11"), Money.of("5000.00", "EUR")));
            targets.add(new SalesTarget(owner, Period.parse("2026-Q4"), Money.of("15000.00", "USD")));
            targets.add(new SalesTarget(owner, Period.parse("2026"), Money.of("90000", "JPY")));
        }
        targets.add(new SalesTarget("cy", Period.parse("2026-12"), Money.of("100.00", "EUR")));
        LocalDate asOf = AS_OF.atZone(WINDOW.zone()).toLocalDate();

        List<Attainment> pushed = JdbcTeamMetrics.of(store).attainments(targets, WINDOW, asOf);

        assertEquals(Attainments.of(targets, won, WINDOW, asOf), pushed);
        assertTrue(pushed.stream().filter(a -> a.target().isPresent()).allMatch(a -> a.achieved().isPositive())
                && pushed.stream().anyMatch(a -> a.target().isEmpty()), "every target has deals, and some currency "
                + "was won without one: " + pushed);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void activity_callsOnTheWindowsEdgesInItsZone_countInsideOnly_withTheirOutcomesAndTalkTime(TestDatabase db) {
        JdbcCrmStore store = store(db);
        Window november = new Window(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
                ZoneId.of("America/New_York"));
        Instant first = Instant.parse("2026-11-01T04:00:00Z"); // midnight in New York, still summer time
        Instant afterLast = Instant.parse("2026-12-01T05:00:00Z"); // midnight after the last day, winter time
        List<Activity> calls = List.of(
                call(1, first.minusNanos(1000), ActivityOutcome.ANSWERED, Optional.of(Duration.ofSeconds(500))),
                call(2, first, ActivityOutcome.ANSWERED, Optional.of(Duration.ofSeconds(61))),
                call(3, first, ActivityOutcome.ANSWERED, Optional.empty()),
                call(4, afterLast.minusNanos(1000), ActivityOutcome.MISSED, Optional.of(Duration.ZERO)),
                call(5, afterLast, ActivityOutcome.MISSED, Optional.of(Duration.ofSeconds(9))));
        List<ActivityRecord> records = new ArrayList<>();
        for (Activity a : calls) {
            store.activities().append(a);
            TeamRecords.activity(a).ifPresent(records::add);
        }

        SortedMap<String, PersonActivity> pushed = JdbcTeamMetrics.of(store).activity(november, AS_OF);

        assertEquals(TeamActivity.of(records, november), pushed);
        CallStats ann = pushed.get("ann").calls();
        assertEquals(new CallStats(3, 0, 3, 2, 1, 61, 1, 61), ann, "the calls of the first and the last day only");
        assertEquals(Optional.of(new BigDecimal("61.0")), ann.averageTalkSeconds(),
                "over the answered call with a duration, not the one without");
    }

    private static Activity call(int id, Instant at, ActivityOutcome outcome, Optional<Duration> talk) {
        return new Activity(new ActivityId(new UUID(7, id)), ActivityType.CALL, "call", "", Direction.OUTBOUND, at,
                List.of(), Set.of(new RecordRef(RecordType.LEAD, new UUID(7, 0))), Optional.of(UserId.of("ann")),
                Visibility.PUBLIC, at, Optional.of(outcome), talk);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void countAttainments_seededTimelineAndDeals_equalCountAttainmentsOf(TestDatabase db) {
        JdbcCrmStore store = store(db);
        Random random = new Random(21);
        List<ActivityRecord> records = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            Activity a = activity(random);
            store.activities().append(a);
            TeamRecords.activity(a).ifPresent(records::add);
        }
        List<WonDeal> won = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Deal d = deal(random, CustomFields.empty());
            store.deals().insert(d);
            TeamRecords.wonDeal(d, WINDOW.zone()).ifPresent(won::add);
        }
        List<CountTarget> targets = new ArrayList<>();
        for (String owner : OWNERS) {
            for (Counted counted : Counted.values()) {
                targets.add(new CountTarget(owner, Period.parse("2026-11"), counted, 10));
                targets.add(new CountTarget(owner, Period.parse("2026-Q4"), counted, 40));
            }
        }
        targets.add(new CountTarget("ann", Period.parse("2027-01"), Counted.CALLS_MADE, 5));
        LocalDate asOf = AS_OF.atZone(WINDOW.zone()).toLocalDate();

        List<CountAttainment> pushed = JdbcTeamMetrics.of(store).countAttainments(targets, WINDOW, asOf);

        assertEquals(CountAttainments.of(targets, records, won, WINDOW, asOf), pushed);
        assertTrue(pushed.stream().filter(a -> a.target().period().equals(Period.parse("2026-Q4")))
                .allMatch(a -> a.achieved() > 0), pushed.toString());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void fillRates_capturedLeadsAndDeals_equalFillRatesOf(TestDatabase db) {
        JdbcCrmStore store = store(db);
        store.customFieldSchemas().save(CustomFieldSchema.of(RecordType.LEAD,
                FieldDefinition.optional("segment", FieldType.TEXT)));
        store.customFieldSchemas().save(CustomFieldSchema.of(RecordType.DEAL,
                FieldDefinition.optional("region", FieldType.TEXT)));
        Crm crm = Crm.builder().store(store).clock(Clock.fixed(START, ZoneOffset.UTC)).ids(IdGenerator.seeded(20))
                .defaultRegion("DE").build();
        Random random = new Random(20);
        for (int i = 0; i < 60; i++) {
            crm.capture().capture(submission(random, i));
        }
        List<Deal> deals = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            Deal d = deal(random, random.nextBoolean() ? CustomFields.empty()
                    : CustomFields.empty().with("region", new FieldValue.Text("north")));
            deals.add(store.deals().insert(d));
        }
        Map<String, Set<String>> required = QualityRecords.required(QualityRecords.DEFAULT_REQUIRED, List.of());

        FillReport pushed = JdbcTeamMetrics.of(store).fillRates(required);

        List<RecordFill> records = new ArrayList<>();
        CustomFieldSchema leads = store.customFieldSchemas().schemaFor(RecordType.LEAD);
        CustomFieldSchema none = CustomFieldSchema.empty(RecordType.CONTACT);
        all(r -> store.leads().findAll(r)).forEach(l -> records.add(QualityRecords.lead((Lead) l, leads)));
        all(r -> store.contacts().findAll(r)).forEach(c -> records.add(QualityRecords.contact((Contact) c, none)));
        all(r -> store.companies().findAll(r)).forEach(c -> records.add(QualityRecords.company((Company) c,
                CustomFieldSchema.empty(RecordType.COMPANY))));
        deals.forEach(d -> records.add(QualityRecords.deal(d, store.customFieldSchemas().schemaFor(RecordType.DEAL))));
        FillReport inMemory = FillRates.of(records, required);
        assertEquals(inMemory, pushed);
        assertTrue(pushed.fields().stream().anyMatch(f -> f.filled() > 0 && f.filled() < f.records())
                && pushed.fields().stream().anyMatch(f -> f.field().equals("custom.segment") && f.filled() > 0)
                && !pushed.mostOftenEmptyRequired(3).isEmpty() && pushed.byOwner().size() == 3, pushed.toString());
    }

    // ---- data

    private static Instant at(Random random) {
        return START.plusSeconds(random.nextInt(SPAN_SECONDS));
    }

    private static Optional<UserId> owner(Random random) {
        int i = random.nextInt(OWNERS.size() + 1);
        return i == OWNERS.size() ? Optional.empty() : Optional.of(UserId.of(OWNERS.get(i)));
    }

    private static Activity activity(Random random) {
        ActivityType type = ActivityType.values()[random.nextInt(ActivityType.values().length)];
        Direction direction = Direction.values()[random.nextInt(Direction.values().length)];
        Optional<UserId> owner = owner(random);
        Visibility visibility = owner.isPresent() && random.nextInt(5) == 0 ? Visibility.PRIVATE : Visibility.PUBLIC;
        Instant when = at(random);
        return new Activity(new ActivityId(new UUID(random.nextLong(), random.nextLong())), type, "subject", "",
                direction, when, List.of(), Set.of(new RecordRef(RecordType.CONTACT, new UUID(0, random.nextInt(50)))),
                owner, visibility, when, outcome(random, type), duration(random, type));
    }

    /** None, or one that ends the type: calls answered or missed, meetings held or cancelled. */
    private static Optional<ActivityOutcome> outcome(Random random, ActivityType type) {
        List<ActivityOutcome> fitting = Arrays.stream(ActivityOutcome.values()).filter(o -> o.fits(type)).toList();
        int i = random.nextInt(fitting.size() + 1);
        return i == fitting.size() ? Optional.empty() : Optional.of(fitting.get(i));
    }

    /** None, or for a call or meeting up to an hour and a half, to the millisecond (stores keep whole seconds). */
    private static Optional<Duration> duration(Random random, ActivityType type) {
        return (type == ActivityType.CALL || type == ActivityType.MEETING) && random.nextInt(3) > 0
                ? Optional.of(Duration.ofMillis(random.nextInt(5_400_000))) : Optional.empty();
    }

    private static Task task(Random random) {
        Instant due = at(random);
        TaskStatus status = TaskStatus.values()[random.nextInt(TaskStatus.values().length)];
        Optional<Instant> closed = status == TaskStatus.OPEN ? Optional.empty()
                : Optional.of(due.plusSeconds(random.nextInt(10 * 86_400) - 5 * 86_400));
        return new Task(new TaskId(new UUID(random.nextLong(), random.nextLong())), 0, "call back", due,
                Optional.empty(), UserId.of(OWNERS.get(random.nextInt(OWNERS.size()))), Optional.empty(), status,
                closed, due.minusSeconds(86_400));
    }

    private static Deal deal(Random random, CustomFields custom) {
        Instant created = at(random);
        int outcome = random.nextInt(4);
        Optional<Instant> wonAt = outcome < 2 ? Optional.of(created.plusSeconds(random.nextInt(86_400)))
                : Optional.empty();
        Optional<Instant> lostAt = outcome == 2 ? Optional.of(created) : Optional.empty();
        Currency currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
        Optional<Money> amount = random.nextInt(8) == 0 ? Optional.empty() : Optional.of(Money.of(
                BigDecimal.valueOf(random.nextInt(500_000), Math.max(0, currency.getDefaultFractionDigits())),
                currency));
        return new Deal(new DealId(new UUID(random.nextLong(), random.nextLong())), 0,
                new PipelineId(new UUID(1, 1)), "deal", wonAt.isPresent() ? "won" : "open", created, 50,
                Optional.empty(), amount, random.nextBoolean() ? Optional.of(LocalDate.of(2026, 12, 1))
                : Optional.empty(), Optional.empty(), owner(random), Optional.empty(), Optional.empty(),
                Optional.empty(), "web", custom, Map.of(), Set.of(), lostAt.map(x -> "price"), wonAt, lostAt,
                created, created);
    }

    private static LeadSubmission submission(Random random, int i) {
        LeadSubmission.Builder b = LeadSubmission.from(Channel.WEB_FORM)
                .name(random.nextBoolean() ? "First" + i : "", "Last" + i);
        if (random.nextInt(4) > 0) {
            b.email("person" + i + "@example" + (i % 7) + ".com");
        } else {
            b.phone("030 9018" + String.format("%04d", i));
        }
        if (random.nextBoolean()) {
            b.company("Company " + (i % 9));
        }
        if (random.nextBoolean()) {
            b.request("a quote");
        }
        owner(random).ifPresent(b::owner);
        if (random.nextInt(3) == 0) {
            b.customField("segment", "smb");
        }
        return b.build();
    }

    private static List<Object> all(Function<PageRequest, Page<?>> finder) {
        List<Object> out = new ArrayList<>();
        PageRequest request = PageRequest.first(100);
        while (true) {
            Page<?> page = finder.apply(request);
            out.addAll(page.items());
            Optional<PageRequest> next = request.next(page);
            if (next.isEmpty()) {
                return out;
            }
            request = next.get();
        }
    }
}
