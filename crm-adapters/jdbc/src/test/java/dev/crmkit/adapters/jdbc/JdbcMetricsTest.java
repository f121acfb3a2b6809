package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.metrics.cohort.CohortCount;
import dev.crmkit.metrics.cohort.CohortPeriod;
import dev.crmkit.metrics.cohort.Cohorts;
import dev.crmkit.metrics.funnel.FunnelDefinition;
import dev.crmkit.metrics.funnel.FunnelReport;
import dev.crmkit.metrics.funnel.Grouping;
import dev.crmkit.metrics.funnel.StageCount;
import dev.crmkit.metrics.funnel.StageEntry;
import dev.crmkit.metrics.funnel.StageHistoryFunnel;
import dev.crmkit.metrics.order.Order;
import dev.crmkit.metrics.order.OrderBook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pushdown path gives exactly the in-memory calculators' answers: funnel counts against
 * {@link StageHistoryFunnel} and cohort cells against {@link Cohorts#counts}, on the same seeded data loaded into host
 * tables of H2, PostgreSQL and MariaDB.
 */
class JdbcMetricsTest {

    private static final List<String> ORDER = List.of("lead", "qualified", "proposal", "negotiation", "won");
    private static final FunnelDefinition DEFINITION = new FunnelDefinition(ORDER, "won", Optional.of("lost"));
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Map<TestDatabase, DataSource> DATABASES = new EnumMap<>(TestDatabase.class);
    private static final AtomicInteger TABLES = new AtomicInteger();

    @AfterAll
    static void closeDatabases() {
        DATABASES.values().forEach(TestDatabase::close);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void funnelCounts_seededHistory_equalsStageHistoryFunnel(TestDatabase db) throws SQLException {
        List<StageEntry> history = stageHistory(new Random(7), 600);
        StageEventTable table = stageTable(db, history);
        JdbcMetrics metrics = metrics(db);

        FunnelReport inMemory = StageHistoryFunnel.analyze(known(history), DEFINITION, Map.of()).funnel();
        List<StageCount> pushed = metrics.funnelCounts(table, ORDER);

        assertEquals(inMemory, metrics.funnel(table, ORDER, FunnelFilter.ALL));
        assertEquals(inMemory.stages().stream().map(s -> new StageCount(s.name(), s.count())).toList(), pushed);
        assertTrue(pushed.get(0).count() > pushed.get(ORDER.size() - 1).count() && pushed.get(4).count() > 0,
                "the data has deals at every depth: " + pushed);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void funnelCounts_bySourceAndOwner_equalsTheInMemoryGroups(TestDatabase db) throws SQLException {
        List<StageEntry> history = stageHistory(new Random(11), 500);
        StageEventTable table = stageTable(db, history);
        JdbcMetrics metrics = metrics(db);
        List<StageEntry> known = known(history);

        for (String source : List.of("web", "fair", "referral")) {
            assertEquals(StageHistoryFunnel.analyzeBy(known, DEFINITION, Map.of(), Grouping.SOURCE, ZoneOffset.UTC)
                    .get(source).funnel(), metrics.funnel(table, ORDER, FunnelFilter.ALL.withSource(source)), source);
        }
        for (String owner : List.of("ann", "bob")) {
            assertEquals(StageHistoryFunnel.analyzeBy(known, DEFINITION, Map.of(), Grouping.OWNER, ZoneOffset.UTC)
                    .get(owner).funnel(), metrics.funnel(table, ORDER, FunnelFilter.ALL.withOwner(owner)), owner);
        }
        List<StageEntry> webAndAnn = dealsOf(known, "web", "ann");
        assertEquals(StageHistoryFunnel.analyze(webAndAnn, DEFINITION, Map.of()).funnel(),
                metrics.funnel(table, ORDER, FunnelFilter.ALL.withSource("web").withOwner("ann")));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void funnelCounts_emptyTable_isZeroAtEveryStage(TestDatabase db) throws SQLException {
        StageEventTable table = stageTable(db, List.of());

        List<StageCount> counts = metrics(db).funnelCounts(table, ORDER);

        assertEquals(ORDER.stream().map(s -> new StageCount(s, 0)).toList(), counts);
        assertEquals(StageHistoryFunnel.analyze(List.of(), DEFINITION, Map.of()).funnel(),
                metrics(db).funnel(table, ORDER, FunnelFilter.ALL));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void funnelCounts_stagesNotInTheOrder_areIgnored(TestDatabase db) throws SQLException {
        Instant t = Instant.parse("2024-03-01T10:00:00Z");
        StageEventTable table = stageTable(db, List.of(
                StageEntry.of("d1", "archived", t),
                StageEntry.of("d1", "proposal", t.plusSeconds(60)),
                StageEntry.of("d1", "lead", t.plusSeconds(120)),
                StageEntry.of("d2", "lost", t),
                StageEntry.of("d3", "LEAD", t),
                StageEntry.of("d4", "qualified", t),
                StageEntry.of("d4", "qualified", t.plusSeconds(5))));

        List<StageCount> counts = metrics(db).funnelCounts(table, ORDER);

        assertEquals(List.of(2L, 2L, 1L, 0L, 0L), counts.stream().map(StageCount::count).toList());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void cohortCounts_seededOrders_equalCohortsCounts_byMonthAndWeek(TestDatabase db) throws SQLException {
        List<Order> orders = orders(new Random(3), 3_000, 400, EUR);
        OrderTable table = orderTable(db, orders);
        JdbcMetrics metrics = metrics(db);
        OrderBook book = OrderBook.of(orders);

        for (CohortPeriod period : CohortPeriod.values()) {
            List<CohortCount> inMemory = Cohorts.counts(book, period);
            assertEquals(inMemory, metrics.cohortCounts(table.amountMinor("amount_cents"), period, EUR), "cents, "
                    + period);
            assertEquals(inMemory, metrics.cohortCounts(table.amount("amount"), period, EUR), "decimal, " + period);
            assertEquals(Cohorts.of(book, period), metrics.cohorts(table, period, EUR), "matrix, " + period);
            assertTrue(inMemory.stream().anyMatch(c -> c.offset() >= 3), "customers come back: " + period);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void cohortCounts_aroundYearEnds_putsDaysInTheirIsoWeekAndMonth(TestDatabase db) throws SQLException {
        List<Order> orders = new ArrayList<>();
        LocalDate day = LocalDate.of(2020, 12, 20);
        Random random = new Random(5);
        for (int i = 0; i < 400; i++) {
            day = day.plusDays(random.nextInt(3));
            orders.add(new Order("c" + random.nextInt(40), day, Money.of(BigDecimal.valueOf(i + 1, 2), EUR)));
        }
        OrderTable table = orderTable(db, orders);
        OrderBook book = OrderBook.of(orders);

        for (CohortPeriod period : CohortPeriod.values()) {
            assertEquals(Cohorts.counts(book, period), metrics(db).cohortCounts(table, period, EUR), period.name());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void cohortCounts_emptyTable_isEmpty(TestDatabase db) throws SQLException {
        OrderTable table = orderTable(db, List.of());

        assertEquals(List.of(), metrics(db).cohortCounts(table, CohortPeriod.MONTH, EUR));
        assertEquals(List.of(), metrics(db).cohortCounts(table.amount("amount"), CohortPeriod.WEEK, EUR));
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL"})
    void cohortCounts_decimalsBeyondTheCurrency_areRefused(TestDatabase db) throws SQLException {
        OrderTable table = orderTable(db, List.of(
                new Order("c1", LocalDate.of(2024, 1, 5), Money.of(new BigDecimal("12.50"), EUR))));

        ValidationException e = assertThrows(ValidationException.class, () -> metrics(db)
                .cohortCounts(table.amount("amount"), CohortPeriod.MONTH, Currency.getInstance("JPY")));

        assertTrue(e.getMessage().contains("currency-scale") || e.getMessage().contains("JPY"), e.getMessage());
    }

    @Test
    void funnelCounts_filterOnAColumnNotConfigured_isRefused() throws SQLException {
        StageEventTable table = stageTable(TestDatabase.H2, List.of());
        StageEventTable withoutOwner = StageEventTable.named(table.table()).source("source");

        ValidationException e = assertThrows(ValidationException.class, () -> metrics(TestDatabase.H2)
                .funnelCounts(withoutOwner, ORDER, FunnelFilter.ALL.withOwner("ann")));

        assertTrue(e.getMessage().contains("filter.owner"), e.getMessage());
    }

    @Test
    void funnelCounts_repeatedStage_isRefusedNamingIt() {
        ValidationException e = assertThrows(ValidationException.class, () -> metrics(TestDatabase.H2)
                .funnelCounts(StageEventTable.named("t"), List.of("lead", "won", "lead")));

        assertTrue(e.getMessage().contains("stageOrder[2]"), e.getMessage());
    }

    @Test
    void funnelCounts_missingTable_isAJdbcStoreException() {
        assertThrows(JdbcStoreException.class, () -> metrics(TestDatabase.H2)
                .funnelCounts(StageEventTable.named("no_such_table"), ORDER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders; DROP TABLE crm_contact", "erp orders", "\"orders\"", "orders'", "a.b.c",
            "1orders", "orders--", "", ".orders", "orders.", "x2345678901234567890123456789012345678901234567890"
            + "12345678901234"})
    void named_hostileOrOddTableName_isRefused(String name) {
        ValidationException stages = assertThrows(ValidationException.class, () -> StageEventTable.named(name));
        ValidationException orders = assertThrows(ValidationException.class, () -> OrderTable.named(name));

        assertTrue(stages.getMessage().contains("table") && stages.getMessage().contains("sql-identifier"),
                stages.getMessage());
        assertTrue(orders.getMessage().contains("sql-identifier"), orders.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"stage; --", "stage name", "`stage`", "erp.stage", "stage)", "st'age"})
    void columns_hostileName_isRefusedNamingTheSetting(String name) {
        StageEventTable stages = StageEventTable.named("erp.deal_stages");
        OrderTable orders = OrderTable.named("erp_orders");

        assertField("deal", () -> stages.deal(name));
        assertField("stage", () -> stages.stage(name));
        assertField("enteredAt", () -> stages.enteredAt(name));
        assertField("source", () -> stages.source(name));
        assertField("owner", () -> stages.owner(name));
        assertField("customer", () -> orders.customer(name));
        assertField("date", () -> orders.date(name));
        assertField("amount", () -> orders.amountMinor(name));
        assertField("amount", () -> orders.amount(name));
    }

    @Test
    void named_schemaQualifiedNames_areKept() {
        StageEventTable t = StageEventTable.named("erp.deal_stages").deal("Deal_No").stage("_stage")
                .enteredAt("at2").source("src").owner("own");

        assertEquals("erp.deal_stages", t.table());
        assertEquals(List.of("Deal_No", "_stage", "at2", "src", "own"), List.of(t.dealColumn(), t.stageColumn(),
                t.enteredAtColumn(), t.sourceColumn().orElseThrow(), t.ownerColumn().orElseThrow()));
    }

    private static void assertField(String field, Runnable setter) {
        ValidationException e = assertThrows(ValidationException.class, setter::run);
        assertTrue(e.getMessage().contains(field) && e.getMessage().contains("sql-identifier"), e.getMessage());
    }

    // ---- data

    /**
     * Deals on seeded random walks: forward by one or two stages (skipping one), back by one, or a stop; some end
     * lost; a few rows of a stage outside the order. Source and owner are set on most deals from their first row,
     * on some only from a later row, and a few deals change source on the way. Every deal's rows have distinct times.
     */
    private static List<StageEntry> stageHistory(Random random, int deals) {
        List<String> sources = List.of("web", "fair", "referral");
        List<String> owners = List.of("ann", "bob");
        List<StageEntry> out = new ArrayList<>();
        Instant start = Instant.parse("2024-01-01T08:00:00Z");
        for (int d = 0; d < deals; d++) {
            String deal = "deal-" + d;
            Instant at = start.plusSeconds(random.nextInt(90 * 86_400));
            String source = random.nextInt(10) == 0 ? null : sources.get(random.nextInt(sources.size()));
            String owner = random.nextInt(10) == 0 ? null : owners.get(random.nextInt(owners.size()));
            int late = random.nextInt(6);
            int stage = random.nextInt(8) == 0 ? 1 : 0;
            for (int step = 0; ; step++) {
                if (random.nextInt(15) == 0) {
                    out.add(StageEntry.of(deal, "archived", at));
                    at = at.plusSeconds(1 + random.nextInt(3_600));
                }
                String src = late == 0 && step == 0 ? null : source;
                String own = late == 1 && step < 2 ? null : owner;
                if (late == 2 && step > 1 && src != null) {
                    src = sources.get((sources.indexOf(src) + 1) % sources.size());
                }
                out.add(StageEntry.of(deal, ORDER.get(stage), at).with(src, own, null));
                at = at.plusSeconds(1 + random.nextInt(86_400));
                if (stage == ORDER.size() - 1) {
                    break;
                }
                int move = random.nextInt(10);
                if (move < 2) {
                    if (random.nextBoolean()) {
                        out.add(StageEntry.of(deal, "lost", at).with(src, own, null));
                    }
                    break;
                } else if (move < 4) {
                    stage = Math.max(0, stage - 1);
                } else if (move < 5) {
                    stage = Math.min(ORDER.size() - 1, stage + 2);
                } else {
                    stage++;
                }
            }
        }
        return out;
    }

    /** The entries of stages the in-memory calculator knows: the order and the lost stage. */
    private static List<StageEntry> known(List<StageEntry> history) {
        return history.stream().filter(e -> DEFINITION.indexOf(e.stage()) >= 0 || e.stage().equals("lost")).toList();
    }

    /** The entries of deals whose first known source and owner are the given ones. */
    private static List<StageEntry> dealsOf(List<StageEntry> history, String source, String owner) {
        Map<String, List<StageEntry>> byDeal = new LinkedHashMap<>();
        history.forEach(e -> byDeal.computeIfAbsent(e.dealId(), k -> new ArrayList<>()).add(e));
        List<StageEntry> out = new ArrayList<>();
        byDeal.values().forEach(entries -> {
            List<StageEntry> sorted = entries.stream().sorted(Comparator.comparing(StageEntry::enteredAt)).toList();
            Optional<String> s = sorted.stream().map(StageEntry::source).flatMap(Optional::stream).findFirst();
            Optional<String> o = sorted.stream().map(StageEntry::owner).flatMap(Optional::stream).findFirst();
            if (s.equals(Optional.of(source)) && o.equals(Optional.of(owner))) {
                out.addAll(entries);
            }
        });
        return out;
    }

    /**
     * Orders of customers whose first orders fall in different months; each customer orders a few times over the
     * following months, sometimes twice on one day.
     */
    private static List<Order> orders(Random random, int count, int customers, Currency currency) {
        LocalDate first = LocalDate.of(2023, 10, 1);
        Map<Integer, LocalDate> starts = new HashMap<>();
        List<Order> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int c = random.nextInt(customers);
            LocalDate start = starts.computeIfAbsent(c, k -> first.plusDays(random.nextInt(200)));
            LocalDate day = random.nextInt(8) == 0 && !out.isEmpty() && out.get(out.size() - 1).customerId()
                    .equals("cust-" + c) ? out.get(out.size() - 1).date() : start.plusDays(random.nextInt(240));
            long cents = 100 + random.nextInt(50_000);
            out.add(new Order("cust-" + c, day, Money.of(BigDecimal.valueOf(cents, 2), currency)));
            if (random.nextInt(10) == 0) {
                out.add(new Order("cust-" + c, day, Money.of(BigDecimal.valueOf(cents / 3, 2), currency)));
                i++;
            }
        }
        return out;
    }

    // ---- host tables

    private static synchronized JdbcMetrics metrics(TestDatabase db) {
        return JdbcMetrics.builder(database(db)).build();
    }

    private static synchronized DataSource database(TestDatabase db) {
        return DATABASES.computeIfAbsent(db, TestDatabase::isolated);
    }

    private static StageEventTable stageTable(TestDatabase db, List<StageEntry> history) throws SQLException {
        String name = "host_stage_event_" + TABLES.incrementAndGet();
        try (Connection c = database(db).getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + name + " (deal_no VARCHAR(20) NOT NULL, stage_code VARCHAR(40) NOT NULL, "
                        + "changed_at TIMESTAMP NOT NULL, lead_source VARCHAR(20), owner_login VARCHAR(20))");
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + name
                    + " (deal_no, stage_code, changed_at, lead_source, owner_login) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < history.size(); i++) {
                    StageEntry e = history.get(i);
                    ps.setString(1, e.dealId());
                    ps.setString(2, e.stage());
                    ps.setTimestamp(3, Timestamp.valueOf(LocalDateTime.ofInstant(e.enteredAt(), ZoneOffset.UTC)));
                    ps.setString(4, e.source().orElse(null));
                    ps.setString(5, e.owner().orElse(null));
                    ps.addBatch();
                    if (i % 1_000 == 999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
        return StageEventTable.named(name).deal("deal_no").stage("stage_code").enteredAt("changed_at")
                .source("lead_source").owner("owner_login");
    }

    private static OrderTable orderTable(TestDatabase db, List<Order> orders) throws SQLException {
        String name = "host_order_" + TABLES.incrementAndGet();
        try (Connection c = database(db).getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + name + " (customer_id VARCHAR(20), ordered_on DATE, "
                        + "amount_cents BIGINT, amount DECIMAL(12, 2))");
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + name
                    + " (customer_id, ordered_on, amount_cents, amount) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < orders.size(); i++) {
                    Order o = orders.get(i);
                    ps.setString(1, o.customerId());
                    ps.setObject(2, o.date());
                    ps.setLong(3, o.amount().amount().movePointRight(2).longValueExact());
                    ps.setBigDecimal(4, o.amount().amount());
                    ps.addBatch();
                    if (i % 1_000 == 999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
        return OrderTable.named(name).customer("customer_id").date("ordered_on").amountMinor("amount_cents");
    }
}
