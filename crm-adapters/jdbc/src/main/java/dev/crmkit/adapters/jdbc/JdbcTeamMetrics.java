package dev.crmkit.adapters.jdbc;

import dev.crmkit.adapters.metrics.QualityRecords;
import dev.crmkit.core.access.Actor;
import dev.crmkit.core.access.StatisticsScope;
import dev.crmkit.core.customfield.CustomFieldSchema;
import dev.crmkit.core.customfield.CustomFieldSchemas;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.customfield.FieldDefinition;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.metrics.quality.FillRates;
import dev.crmkit.metrics.quality.FillReport;
import dev.crmkit.metrics.team.Attainment;
import dev.crmkit.metrics.team.Attainments;
import dev.crmkit.metrics.team.CallStats;
import dev.crmkit.metrics.team.CountAttainment;
import dev.crmkit.metrics.team.CountAttainments;
import dev.crmkit.metrics.team.CountTarget;
import dev.crmkit.metrics.team.PersonActivity;
import dev.crmkit.metrics.team.Period;
import dev.crmkit.metrics.team.SalesTarget;
import dev.crmkit.metrics.team.TeamActivity;
import dev.crmkit.metrics.team.WonDeal;
import dev.crmkit.metrics.team.Window;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Team statistics and data quality computed inside a JDBC store's database: activity counts per person from the
 * timeline and the tasks, won amounts per person and currency for sales targets, and the fill counts of every
 * standard field per record type and owner, each one grouped query instead of loading every row into Java. The
 * definitions are {@link dev.crmkit.adapters.metrics.TeamRecords}' and {@link QualityRecords}': every answer equals
 * crm-metrics' in-memory calculator on the records those make of the same data (tests compare them with
 * {@code equals} on PostgreSQL, MariaDB and H2). Custom fields are JSON, which the three dialects query differently:
 * their fill counts read the one JSON column of each record in Java.
 *
 * <p>Queries run in the store's running unit of work, if any, or on a connection of their own; values are bound
 * parameters. A database failure is a {@link JdbcStoreException}. Thread-safe.
 */
public final class JdbcTeamMetrics {

    private static final String NOT_MERGED = "t." + JdbcContacts.LISTED;

    private final Jdbc jdbc;
    private final CustomFieldSchemas schemas;
    private final AccessSql access;

    private JdbcTeamMetrics(Jdbc jdbc, CustomFieldSchemas schemas) {
        this.jdbc = jdbc;
        this.schemas = schemas;
        this.access = new AccessSql(jdbc.tables);
    }

    /** The team statistics of a JDBC store, joining its units of work. */
    public static JdbcTeamMetrics of(JdbcCrmStore store) {
        Objects.requireNonNull(store, "store");
        return new JdbcTeamMetrics(store.jdbc(), store.customFieldSchemas());
    }

    /**
     * Each person's activity in the window: calls (with their outcomes and talk time), e-mails and meetings not
     * cancelled of the timeline by who recorded them, tasks done on time or overdue as of {@code asOf}, and deals
     * moved from stage to stage by who moved them.
     * Equal to {@link TeamActivity#of} over {@link dev.crmkit.adapters.metrics.TeamRecords}' records of every
     * activity, task and stage history entry.
     */
    public SortedMap<String, PersonActivity> activity(Window window, Instant asOf) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(asOf, "asOf");
        Instant start = window.startInstant();
        Instant end = window.endInstant();
        String timeline = jdbc.sql("SELECT owner_id, activity_type, direction, outcome, COUNT(*), "
                + "SUM(CASE WHEN duration_seconds IS NULL THEN 0 ELSE 1 END), SUM(duration_seconds) FROM {activity} "
                + "WHERE occurred_at >= ? AND occurred_at < ? AND owner_id IS NOT NULL AND activity_type IN (?, ?, ?) "
                + "AND (outcome IS NULL OR outcome <> ?) GROUP BY owner_id, activity_type, direction, outcome");
        String tasks = jdbc.sql("SELECT assignee, SUM(CASE WHEN status = ? AND closed_at <= due THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN status = ? AND closed_at <= due THEN 0 ELSE 1 END) FROM {task} WHERE (status = ? "
                + "AND closed_at IS NOT NULL AND closed_at >= ? AND closed_at < ?) OR (status = ? AND due < ? AND "
                + "due >= ? AND due < ?) GROUP BY assignee");
        String moves = jdbc.sql("SELECT moved_by, COUNT(*) FROM {stage_history} WHERE moved_at >= ? AND moved_at < ? "
                + "AND from_stage IS NOT NULL GROUP BY moved_by");
        SortedMap<String, PersonActivity> out = new TreeMap<>();
        jdbc.tx.read(c -> {
            for (Counted row : jdbc.list(c, timeline, rs -> new Counted(rs.getString(1), rs.getString(2),
                    rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)), start, end,
                    "CALL", "EMAIL", "MEETING", "CANCELLED")) {
                out.merge(row.owner(), row.activity(), PersonActivity::plus);
            }
            for (Object[] row : jdbc.list(c, tasks, rs -> new Object[] {rs.getString(1), rs.getLong(2),
                    rs.getLong(3)}, "DONE", "DONE", "DONE", start, end, "OPEN", asOf, start, end)) {
                out.merge((String) row[0], new PersonActivity(CallStats.NONE, 0, 0, 0, (Long) row[1],
                        (Long) row[2], 0), PersonActivity::plus);
            }
            for (Object[] row : jdbc.list(c, moves, rs -> new Object[] {rs.getString(1), rs.getLong(2)}, start,
                    end)) {
                out.merge((String) row[0], new PersonActivity(CallStats.NONE, 0, 0, 0, 0, 0, (Long) row[1]),
                        PersonActivity::plus);
            }
            return null;
        });
        return out;
    }

    /**
     * One group of timeline entries: an owner's entries of one type, direction and outcome, how many, how many of
     * them have a duration, and the sum of those durations in seconds.
     */
    private record Counted(String owner, String type, String direction, String outcome, long n, long timed,
                           long seconds) {

        /** The group as {@link dev.crmkit.adapters.metrics.TeamRecords#activity} and {@link TeamActivity} count it. */
        PersonActivity activity() {
            long in = "INBOUND".equals(direction) ? n : 0;
            long out = "OUTBOUND".equals(direction) ? n : 0;
            switch (type) {
                case "CALL" -> {
                    boolean answered = "ANSWERED".equals(outcome);
                    return new PersonActivity(new CallStats(n, in, out, answered ? n : 0, "MISSED".equals(outcome)
                            ? n : 0, seconds, answered ? timed : 0, answered ? seconds : 0), 0, 0, 0, 0, 0, 0);
                }
                case "EMAIL" -> {
                    return new PersonActivity(CallStats.NONE, out, in, 0, 0, 0, 0);
                }
                default -> {
                    return new PersonActivity(CallStats.NONE, 0, 0, n, 0, 0, 0); // cancelled ones are left out
                }
            }
        }
    }

    /**
     * The attainment of each target by the store's won deals: per target period, the won amounts of the period's
     * days within the window are summed per owner and currency in the database. Equal to
     * {@link Attainments#of}(targets, {@link dev.crmkit.adapters.metrics.TeamRecords}' won deals, window, asOf).
     *
     * @throws dev.crmkit.core.kernel.ValidationException as {@link Attainments#of}
     */
    public List<Attainment> attainments(List<SalesTarget> targets, Window window, LocalDate asOf) {
        return attainments(targets, window, asOf, StatisticsScope.everything(Actor.system("statistics")));
    }

    /**
     * {@link #attainments(List, Window, LocalDate)} as an actor sees it: over every won deal when the scope covers
     * everything ({@link dev.crmkit.core.access.AdminPermission#STATISTICS}), otherwise over the won deals the actor
     * may view only: the deal's owner among the visible owners or a share of the deal with the actor or their teams,
     * ANDed into the grouped query. Equal to {@link Attainments#of} over the won deals of exactly the visible deals.
     *
     * @param scope whose statistics: {@link StatisticsScope#of}
     * @throws dev.crmkit.core.kernel.ValidationException as {@link Attainments#of}
     */
    public List<Attainment> attainments(List<SalesTarget> targets, Window window, LocalDate asOf,
                                        StatisticsScope scope) {
        Objects.requireNonNull(window, "window");
        AccessSql.Fragment visible = deals(Objects.requireNonNull(scope, "scope"), "d.id", "d.owner_id");
        Set<Period> periods = new TreeSet<>();
        targets.forEach(t -> periods.add(t.period()));
        Attainments.of(targets, List.of(), window, asOf); // refuses a repeated target naming its index
        String sql = jdbc.sql("SELECT d.owner_id, d.amount_currency, SUM(d.amount) FROM {deal} d WHERE d.won_at >= ? "
                + "AND d.won_at < ? AND d.owner_id IS NOT NULL AND d.amount IS NOT NULL AND " + visible.sql()
                + " GROUP BY d.owner_id, d.amount_currency");
        List<Attainment> out = new ArrayList<>();
        jdbc.tx.read(c -> {
            for (Period period : periods) {
                List<SalesTarget> planned = targets.stream().filter(t -> t.period().equals(period)).toList();
                LocalDate first = max(period.start(), window.from());
                LocalDate last = min(period.end(), window.to());
                List<WonDeal> sums = new ArrayList<>();
                if (!last.isBefore(first)) {
                    Window days = new Window(first, last, window.zone());
                    List<Object> params = new ArrayList<>(List.of(days.startInstant(), days.endInstant()));
                    params.addAll(visible.params());
                    for (Object[] row : jdbc.list(c, sql, rs -> new Object[] {rs.getString(1), rs.getString(2),
                            rs.getBigDecimal(3)}, params.toArray())) {
                        // the owner's deals of these days, summed: one won deal on the first of them
                        sums.add(new WonDeal((String) row[0], first, Money.of((BigDecimal) row[2],
                                Currency.getInstance(((String) row[1]).strip()))));
                    }
                }
                out.addAll(Attainments.of(planned, sums, window, asOf));
            }
            return null;
        });
        out.sort(Attainments.ORDER);
        return List.copyOf(out);
    }

    /**
     * The attainment of each count target: per target period, outbound calls and meetings counted as
     * {@link #activity} counts them and won deals (with an owner and an amount, as
     * {@link dev.crmkit.adapters.metrics.TeamRecords#wonDeal} takes them) counted per owner, over the period's days
     * within the window. Equal to {@link CountAttainments#of} on {@link dev.crmkit.adapters.metrics.TeamRecords}'
     * records of the same data.
     *
     * @throws dev.crmkit.core.kernel.ValidationException as {@link CountAttainments#of}
     */
    public List<CountAttainment> countAttainments(List<CountTarget> targets, Window window, LocalDate asOf) {
        Objects.requireNonNull(window, "window");
        CountAttainments.of(targets, List.of(), List.of(), window, asOf); // refuses a repeated target naming it
        Set<Period> periods = new TreeSet<>();
        targets.forEach(t -> periods.add(t.period()));
        String sql = jdbc.sql("SELECT owner_id, COUNT(*) FROM {deal} WHERE won_at >= ? AND won_at < ? AND "
                + "owner_id IS NOT NULL AND amount IS NOT NULL GROUP BY owner_id");
        List<CountAttainment> out = new ArrayList<>();
        for (Period period : periods) {
            LocalDate first = max(period.start(), window.from());
            LocalDate last = min(period.end(), window.to());
            Map<String, PersonActivity> activity = Map.of();
            Map<String, Long> won = new TreeMap<>();
            if (!last.isBefore(first)) {
                Window days = new Window(first, last, window.zone());
                activity = activity(days, days.endInstant());
                jdbc.tx.read(c -> jdbc.list(c, sql, rs -> Map.entry(rs.getString(1), rs.getLong(2)),
                        days.startInstant(), days.endInstant())).forEach(e -> won.put(e.getKey(), e.getValue()));
            }
            for (CountTarget t : targets) {
                if (t.period().equals(period)) {
                    PersonActivity a = activity.getOrDefault(t.owner(), PersonActivity.NONE);
                    long achieved = switch (t.counted()) {
                        case DEALS_WON -> won.getOrDefault(t.owner(), 0L);
                        case MEETINGS_HELD -> a.meetings();
                        case CALLS_MADE -> a.calls().outbound();
                    };
                    out.add(CountAttainments.attainment(t, achieved, asOf));
                }
            }
        }
        out.sort(CountAttainments.ORDER);
        return List.copyOf(out);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /**
     * The fill rates of every standard field of leads, contacts, companies and deals (counted in the database per
     * owner) and of every custom field of their schemas (read from each record's custom fields column). Equal to
     * {@link FillRates#of} over {@link QualityRecords}' records of every lead, contact, company and deal.
     *
     * @param required the required fields per record type name ({@code lead}, ...)
     */
    public FillReport fillRates(Map<String, Set<String>> required) {
        return fillRates(required, StatisticsScope.everything(Actor.system("statistics")));
    }

    /**
     * {@link #fillRates(Map)} as an actor sees it: over everything when the scope does
     * ({@link dev.crmkit.core.access.AdminPermission#STATISTICS}), otherwise over the leads, contacts, companies and
     * deals the actor may view only. Each record type's {@link AccessSql} condition (owner in the visible owners, or a
     * share with the actor or their teams) is ANDed into the grouped queries, so no hidden record is counted and
     * none is loaded. Equal to {@link FillRates#of} over {@link QualityRecords}' records of exactly the visible ones.
     *
     * @param required the required fields per record type name ({@code lead}, ...)
     * @param scope    whose statistics: {@link StatisticsScope#of}
     */
    public FillReport fillRates(Map<String, Set<String>> required, StatisticsScope scope) {
        Objects.requireNonNull(scope, "scope");
        FillRates.Tally tally = FillRates.tally();
        AccessSql.Fragment leads = access.where(scope.filter(RecordType.LEAD), RecordType.LEAD, "t.id", "t.owner_id");
        AccessSql.Fragment contacts = access.where(scope.filter(RecordType.CONTACT), RecordType.CONTACT, "t.id",
                "t.owner_id");
        AccessSql.Fragment companies = access.whereUnowned(scope.filter(RecordType.COMPANY), RecordType.COMPANY,
                "t.id");
        AccessSql.Fragment deals = deals(scope, "t.id", "t.owner_id");
        jdbc.tx.read(c -> {
            // merged-away leads keep their rows, but are leads no longer
            standard(c, tally, scope, RecordType.LEAD, "{lead} t WHERE t." + JdbcLeads.LISTED, leads, "t.owner_id",
                    "t.first_name <> ''", "t.last_name <> ''",
                    "t.email IS NOT NULL", "t.phone IS NOT NULL", "t.company_name <> ''", "t.owner_id IS NOT NULL",
                    "t.request <> ''", "t.campaign <> ''");
            // merged-away contacts keep their rows, but are contacts no longer
            standard(c, tally, scope, RecordType.CONTACT, "{contact} t WHERE " + NOT_MERGED, contacts, "t.owner_id",
                    "t.first_name <> ''",
                    "t.last_name <> ''", point("e:%"), point("p:%"),
                    "EXISTS (SELECT 1 FROM {contact_company} a WHERE a.contact_id = t.id)", "t.language IS NOT NULL",
                    "t.birthday IS NOT NULL", "t.owner_id IS NOT NULL");
            standard(c, tally, scope, RecordType.COMPANY, "{company} t WHERE 1 = 1", companies, "NULL",
                    "t.legal_name <> ''",
                    "t.registration_number <> ''", "t.tax_number <> ''", "t.legal_address IS NOT NULL",
                    "t.web_domain IS NOT NULL", "t.industry <> ''", "t.size <> 'UNKNOWN'");
            standard(c, tally, scope, RecordType.DEAL, "{deal} t WHERE 1 = 1", deals, "t.owner_id",
                    "t.amount IS NOT NULL",
                    "t.expected_close_date IS NOT NULL", "t.owner_id IS NOT NULL", "t.contact_id IS NOT NULL",
                    "t.company_id IS NOT NULL");
            custom(c, tally, scope, RecordType.LEAD, "{lead} t WHERE t." + JdbcLeads.LISTED, leads, "owner_id");
            custom(c, tally, scope, RecordType.CONTACT, "{contact} t WHERE " + NOT_MERGED, contacts, "owner_id");
            custom(c, tally, scope, RecordType.COMPANY, "{company} t WHERE 1 = 1", companies, "NULL");
            custom(c, tally, scope, RecordType.DEAL, "{deal} t WHERE 1 = 1", deals, "owner_id");
            return null;
        });
        return tally.report(required);
    }

    /**
     * The condition on deals of a scope, on a deal's owner and its shares exactly as {@link AccessSql} restricts
     * leads (crm-pipeline's deals are owned records like leads).
     */
    private AccessSql.Fragment deals(StatisticsScope scope, String idColumn, String ownerColumn) {
        return access.where(scope.filter(RecordType.DEAL), RecordType.DEAL, idColumn, ownerColumn);
    }

    private static String point(String like) {
        return "EXISTS (SELECT 1 FROM {contact_point} p WHERE p.contact_id = t.id AND p.point LIKE '" + like + "')";
    }

    /**
     * Counts the records of a type and, per standard field the scope shows, those where it is filled ({@code all}:
     * one condition per field of {@link QualityRecords#STANDARD_FIELDS}); a field the actor's role hides is not
     * queried, and the records are not grouped by an owner the role hides.
     */
    private void standard(Connection c, FillRates.Tally tally, StatisticsScope scope, RecordType type, String from,
                          AccessSql.Fragment visible, String ownerColumn, String... all) throws SQLException {
        List<String> fields = new ArrayList<>();
        List<String> filled = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            String field = QualityRecords.STANDARD_FIELDS.get(type).get(i);
            if (QualityRecords.counted(scope, type, field)) {
                fields.add(field);
                filled.add(all[i]);
            }
        }
        String owner = scope.shows(type, "owner") ? ownerColumn : "NULL";
        StringBuilder sql = new StringBuilder("SELECT ").append(owner).append(" AS owner_key, COUNT(*)");
        for (String condition : filled) {
            sql.append(", SUM(CASE WHEN ").append(condition).append(" THEN 1 ELSE 0 END)");
        }
        sql.append(" FROM ").append(from).append(" AND ").append(visible.sql());
        if (!owner.equals("NULL")) {
            sql.append(" GROUP BY ").append(owner);
        }
        String name = QualityRecords.name(type);
        for (OwnerCounts row : jdbc.list(c, jdbc.sql(sql.toString()), rs -> {
            long[] counts = new long[filled.size() + 1];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = rs.getLong(i + 2);
            }
            return new OwnerCounts(Optional.ofNullable(rs.getString(1)), counts);
        }, visible.params().toArray())) {
            for (int i = 0; i < fields.size(); i++) {
                tally.add(name, row.owner(), fields.get(i), row.counts()[0], row.counts()[i + 1]);
            }
        }
    }

    /** The records of one owner (or of none) and how many of them have each field filled, after their count. */
    private record OwnerCounts(Optional<String> owner, long[] counts) {
    }

    /** Counts the custom fields of a type's schema that the scope shows (none read when the role hides them all). */
    private void custom(Connection c, FillRates.Tally tally, StatisticsScope scope, RecordType type, String table,
                        AccessSql.Fragment visible, String ownerColumn) throws SQLException {
        List<FieldDefinition> shown = schemas.schemaFor(type).fields().stream()
                .filter(f -> QualityRecords.counted(scope, type, "custom." + f.key())).toList();
        if (shown.isEmpty()) {
            return;
        }
        String owner = scope.shows(type, "owner") ? ownerColumn : "NULL";
        String name = QualityRecords.name(type);
        String sql = jdbc.sql("SELECT " + owner + " AS owner_key, custom_fields FROM " + table + " AND "
                + visible.sql());
        for (Object[] row : jdbc.list(c, sql, rs -> new Object[] {rs.getString(1),
                jdbc.dialect.getJson(rs, "custom_fields")}, visible.params().toArray())) {
            CustomFields values = jdbc.json.customFields((String) row[1]);
            for (FieldDefinition f : shown) {
                tally.add(name, Optional.ofNullable((String) row[0]), "custom." + f.key(), 1,
                        values.get(f.key()).isPresent() ? 1 : 0);
            }
        }
    }
}
