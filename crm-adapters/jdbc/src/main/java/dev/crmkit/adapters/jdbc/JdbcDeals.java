package dev.crmkit.adapters.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealFilter;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.deal.Deals;
import dev.crmkit.pipeline.deal.StageHistory;
import dev.crmkit.pipeline.deal.StageHistoryEntry;
import dev.crmkit.pipeline.definition.PipelineId;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Deals in a relational database, one row each with every field as a column and a version for optimistic locking
 * ({@code UPDATE ... WHERE id = ? AND version = ?}). Money is an amount column ({@code DECIMAL(38, 4)}: up to 34
 * digits before the point and the 4 decimals the finest currency has) beside a currency code column, read back at
 * the currency's scale; custom fields, documents and approvals are JSON. A list is a keyset page in creation order
 * (then id) of the equalities of its filter, read from the index on {@code (pipeline_id, created_at, id)} or, when
 * the filter names one, on the stage, owner or source after the pipeline; the close month is the range of dates
 * from its first day to the next month's. The stage and the source are indexed, so each is at most
 * {@value #MAX_KEY_TEXT} characters. Thread-safe.
 */
final class JdbcDeals implements Deals {

    /** The longest stage name and source a deal row holds (both are index keys). */
    static final int MAX_KEY_TEXT = 400;
    /** The most digits an amount may have before the decimal point ({@code DECIMAL(38, 4)}). */
    static final int MAX_WHOLE_DIGITS = 34;

    /** The refusal codes of a checked update ({@link #updateWithHistoryLast}) of a deal at another version, or none. */
    private static final String STALE = "stale";
    private static final String MISSING = "missing";
    /**
     * The columns a move changes ({@link #moveWithHistoryLast}), in the order {@link #moveValues} binds them; its
     * update's WHERE then names the id, the version and the {@code updated_at} of the deal as read.
     */
    private static final List<String> MOVED = List.of("stage", "stage_entered_at", "stage_probability",
            "probability_override", "lost_reason", "won_at", "lost_at", "updated_at");
    /** The refusal code of a checked update whose deal's pipeline is no longer at the version the unit took. */
    private static final String PIPELINE_MOVED_ON = "pipeline";

    private static final TypeReference<Map<String, String>> DOCUMENTS = new TypeReference<>() {
    };

    private final Jdbc jdbc;
    private final Dialect dialect;
    private final Jdbc.Versioned rows;
    private final String insertRow;
    private final String updateRow;
    private final String selectById;
    private final String selectWithPipelineVersion;
    private final JdbcStageHistory ownHistory;
    private final String updateWithHistory;
    private final String updateWithHistoryChecked;
    private final String updateWithHistoryCheckedAtPipeline;
    private final String moveChecked;
    private final String moveCheckedAtPipeline;
    private final String selectPipelineVersion;

    /**
     * The deals of the store whose database access and stage history these are.
     *
     * @param jdbc       the store's database access
     * @param ownHistory the store's own stage history, on the same {@code jdbc}: the only history port whose rows
     *                   {@link #updateWithHistory} may write itself
     */
    JdbcDeals(Jdbc jdbc, JdbcStageHistory ownHistory) {
        this.jdbc = jdbc;
        this.dialect = jdbc.dialect;
        this.ownHistory = Objects.requireNonNull(ownHistory, "ownHistory");
        String json = dialect.json();
        String columns = "pipeline_id, title, stage, stage_entered_at, stage_probability, probability_override, "
                + "amount, amount_currency, expected_close_date, margin, margin_currency, owner_id, contact_id, "
                + "company_id, lead_id, source, custom_fields, documents, approvals, lost_reason, won_at, lost_at, "
                + "created_at, updated_at";
        rows = new Jdbc.Versioned(jdbc, "deal", "deal");
        insertRow = jdbc.sql("INSERT INTO {deal} (id, version, " + columns + ") VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, " + json + ", " + json + ", " + json + ", ?, ?, ?, ?, ?)");
        StringBuilder set = new StringBuilder();
        for (String column : columns.split(", ")) {
            boolean isJson = column.equals("custom_fields") || column.equals("documents")
                    || column.equals("approvals");
            set.append(", ").append(column).append(" = ").append(isJson ? json : "?");
        }
        updateRow = jdbc.sql("UPDATE {deal} SET version = version + 1" + set + " WHERE id = ? AND version = ?");
        // PostgreSQL: the update, then the history row and the reached stage only when the update matched its row
        updateWithHistory = dialect != Dialect.POSTGRESQL ? null : "WITH u AS (" + updateRow + " RETURNING id), "
                + JdbcStageHistory.insertWithReachAfter(jdbc, "u")
                + " SELECT (SELECT count(*) FROM u), (SELECT count(*) FROM h)";
        // PostgreSQL, sent later with the unit's last statements and its COMMIT (updateWithHistoryLast): the same, then
        // a query that raises an error naming the refusal when the update matched no row or the entry went not in,
        // so that the database skips what was sent after it, the COMMIT included
        updateWithHistoryChecked = dialect != Dialect.POSTGRESQL ? null : checkedSql(jdbc, updateRow, null);
        // the same, for a unit that took the pipeline's current version without reading it (a move of a deal its
        // caller holds, JdbcPipelines.findByIdCheckedByDealWrite): the update goes in only while the pipeline is at
        // that version, and a pipeline revised since is refused first (the move then reads both and tries again)
        String atPipeline = jdbc.sql("EXISTS (SELECT 1 FROM {pipeline} WHERE id = ? AND version = ?)");
        updateWithHistoryCheckedAtPipeline = dialect != Dialect.POSTGRESQL ? null : checkedSql(jdbc, updateRow,
                atPipeline);
        // a move's checked update (moveWithHistoryLast): only the columns a move changes, so the row's other values
        // (the three JSON columns among them) are neither encoded nor bound nor parsed by the server again; the row
        // must still be the one read: at its version and its updated_at (a version alone can name two row states: a
        // merge's undo lowers it, JdbcMerges.putBack)
        String moveRow = jdbc.sql("UPDATE {deal} SET version = version + 1, " + String.join(" = ?, ", MOVED)
                + " = ? WHERE id = ? AND version = ? AND updated_at = ?");
        moveChecked = dialect != Dialect.POSTGRESQL ? null : checkedSql(jdbc, moveRow, null);
        moveCheckedAtPipeline = dialect != Dialect.POSTGRESQL ? null : checkedSql(jdbc, moveRow, atPipeline);
        selectPipelineVersion = jdbc.sql("SELECT version FROM {pipeline} WHERE id = ?");
        selectById = jdbc.sql("SELECT * FROM {deal} WHERE id = ?");
        // in a unit of work the deal comes with its pipeline's current version, so that the pipeline store can take
        // that revision from its cache instead of reading it (a move reads the deal, then its pipeline)
        selectWithPipelineVersion = jdbc.sql("SELECT d.*, p.version AS crm_pipeline_version FROM {deal} d "
                + "LEFT JOIN {pipeline} p ON p.id = d.pipeline_id WHERE d.id = ?");
    }

    @Override
    public Deal insert(Deal deal) {
        Objects.requireNonNull(deal, "deal");
        rows.checkNew(deal.id(), deal.version());
        checkFits(deal);
        return jdbc.tx.write(c -> {
            Deal stored = deal.atVersion(1);
            try {
                jdbc.update(c, insertRow, rowValues(stored, false));
            } catch (SQLException e) {
                if (dialect.isDuplicateKey(e)) {
                    throw new IllegalArgumentException("deal " + deal.id() + " is already stored", e);
                }
                throw e;
            }
            return stored;
        });
    }

    @Override
    public Deal update(Deal deal) {
        Objects.requireNonNull(deal, "deal");
        checkFits(deal);
        return jdbc.tx.write(c -> {
            checkAssumedPipeline(c, deal);
            rows.update(c, updateRow, rowValues(deal, true), deal.id(), deal.id().value(), deal.version());
            return deal.atVersion(deal.version() + 1);
        });
    }

    /**
     * Where the running unit took the deal's pipeline at a version without reading it and this write cannot check it
     * in its own statement: reads the pipeline's version and refuses a pipeline revised since, before anything is
     * written; then the note is checked and dropped.
     */
    private void checkAssumedPipeline(java.sql.Connection c, Deal deal) throws SQLException {
        Long assumed = jdbc.tx.pipelineVersionAssumed(deal.pipelineId().value());
        if (assumed == null) {
            return;
        }
        Optional<Long> current = jdbc.one(c, selectPipelineVersion, rs -> rs.getLong(1), deal.pipelineId().value());
        if (current.isEmpty() || current.get().longValue() != assumed) {
            throw pipelineMovedOn(deal, assumed);
        }
        jdbc.tx.pipelineVersionsAssumed().remove(deal.pipelineId().value());
    }

    /**
     * The checked update of {@link #updateWithHistoryLast} on PostgreSQL: the update, the history row and the reached
     * stage, then a query that raises an error naming the refusal when the update matched no row or the entry went not
     * in. With {@code atPipeline} (a condition with the pipeline's id and version as parameters) the update goes in
     * only while it holds, and its failing is the first refusal ({@value #PIPELINE_MOVED_ON}); its parameters then
     * come after the update's and again before the deal's id.
     */
    private static String checkedSql(Jdbc jdbc, String updateRow, String atPipeline) {
        String refused = "'" + JdbcTransactions.Checked.REFUSED;
        // it takes the move's timeline entry (updateWithHistoryLast): checked once here, not with every move
        return JdbcTransactions.Checked.takingInserts("WITH u AS (" + updateRow
                + (atPipeline == null ? "" : " AND " + atPipeline) + " RETURNING id), "
                + JdbcStageHistory.insertWithReachAfter(jdbc, "u")
                + " SELECT CAST(CASE WHEN (SELECT count(*) FROM h) = 1 THEN '0' WHEN (SELECT count(*) FROM u) = 1 THEN "
                + JdbcStageHistory.takenSql(jdbc)
                + (atPipeline == null ? "" : " WHEN NOT " + atPipeline + " THEN " + refused + PIPELINE_MOVED_ON + "'")
                + jdbc.sql(" WHEN EXISTS (SELECT 1 FROM {deal} WHERE id = ?) THEN " + refused + STALE + "' ELSE "
                + refused + MISSING + "' END AS integer)"));
    }

    private static StaleVersionException pipelineMovedOn(Deal deal, long assumed) {
        return new StaleVersionException("pipeline", deal.pipelineId().toString(), assumed);
    }

    /**
     * The update and the entry in one write of the running unit of work (one savepoint), when {@code history} is this
     * store's own stage history; on PostgreSQL as one statement (data-modifying common table expressions: the history
     * row and the deal's reached stage are inserted only when the update matched the deal at its version), so a move
     * waits once instead of twice. A stale version or a taken entry id is refused as {@link #update} and
     * {@link StageHistory#append} refuse them, and nothing is written. Any other history port (a host's decorator,
     * another store's) gets the default: {@link #update}, then its {@code append}.
     */
    @Override
    public Deal updateWithHistory(Deal deal, StageHistoryEntry entry, StageHistory history) {
        if (history != ownHistory) {
            return Deals.super.updateWithHistory(deal, entry, history);
        }
        Deals.checkEntryOf(deal, entry);
        checkFits(deal);
        Object[] update = rowValues(deal, true);
        if (updateWithHistory == null || jdbc.tx.pipelineVersionAssumed(deal.pipelineId().value()) != null) {
            return jdbc.tx.write(c -> {
                checkAssumedPipeline(c, deal);
                rows.update(c, updateRow, update, deal.id(), deal.id().value(), deal.version());
                ownHistory.appendIn(c, entry);
                return deal.atVersion(deal.version() + 1);
            });
        }
        Object[] params = concat(update, JdbcStageHistory.withReachParams(entry));
        // the write's savepoint goes with the statement (JdbcTransactions.writeInOne): one round trip for both
        return jdbc.tx.writeInOne((c, leading) -> {
            long[] counts = leading.query(c, updateWithHistory, ps -> jdbc.bind(ps, params), rs -> {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            });
            long deals = counts[0];
            long entries = counts[1];
            if (deals == 0) { // nothing written: the CTEs after the update had no row to follow
                rows.refuse(c, deal.id(), deal.id().value(), deal.version());
            }
            if (entries == 0) { // the update is undone with the write's savepoint
                ownHistory.refuse(c, entry);
            }
            return deal.atVersion(deal.version() + 1);
        });
    }

    /**
     * {@link #updateWithHistory}, on PostgreSQL in a unit of work that owns its transaction queued instead
     * ({@link JdbcTransactions#writeLaterChecked}): its one statement goes in front of the unit's next statement, or
     * with the unit's last deferred write and its COMMIT in one round trip, and raises an error when the update matched
     * no row or the entry's row went not in, so the unit rolls back with nothing written and the refusal is thrown as
     * {@link #updateWithHistory} throws it. Elsewhere, and for any other history port, {@link #updateWithHistory}.
     */
    @Override
    public Deal updateWithHistoryLast(Deal deal, StageHistoryEntry entry, StageHistory history) {
        if (history != ownHistory || updateWithHistoryChecked == null) {
            return updateWithHistory(deal, entry, history);
        }
        Deals.checkEntryOf(deal, entry);
        checkFits(deal);
        return writeChecked(deal, entry, history, rowValues(deal, true), updateWithHistoryChecked,
                updateWithHistoryCheckedAtPipeline);
    }

    /**
     * The checked update queued by {@link #updateWithHistoryLast} and {@link #moveWithHistoryLast}: {@code update}
     * the values of {@code checked} (or of {@code checkedAtPipeline}, when the unit took the pipeline's version
     * unread), the values of its WHERE (the id and expected version, a move's updated_at as read) last.
     */
    private Deal writeChecked(Deal deal, StageHistoryEntry entry, StageHistory history, Object[] update,
                              String checked, String checkedAtPipeline) {
        Long pipelineVersion = jdbc.tx.pipelineVersionAssumed(deal.pipelineId().value());
        Object[] atPipeline = pipelineVersion == null ? new Object[0]
                : new Object[] {deal.pipelineId().value(), pipelineVersion};
        Object[] params = concat(update, atPipeline, JdbcStageHistory.withReachParams(entry),
                JdbcStageHistory.takenParams(entry), atPipeline, new Object[] {deal.id().value()});
        JdbcTransactions.Checked write = new JdbcTransactions.Checked(pipelineVersion == null
                ? checked : checkedAtPipeline, jdbc.params(params),
                code -> code.equals(STALE) ? rows.stale(deal.id(), deal.version())
                        : code.equals(MISSING) ? rows.missing(deal.id())
                        : code.equals(PIPELINE_MOVED_ON) ? pipelineMovedOn(deal, pipelineVersion)
                        : JdbcStageHistory.refusal(code, entry), true); // the move's timeline entry goes into it
        if (!jdbc.tx.writeLaterChecked(write)) {
            return updateWithHistory(deal, entry, history);
        }
        return deal.atVersion(deal.version() + 1);
    }

    /**
     * {@link #updateWithHistoryLast} writing only the columns a move changes ({@link #MOVED}) when {@code moved}
     * differs from {@code stored} in no other field. The update matches the row only at {@code stored}'s version and
     * {@code updated_at} (bound as the column is written), else it is refused as stale and nothing is written: not
     * every writer raises the version (a merge's undo lowers it again, {@link JdbcMerges}), but every change of a
     * deal's own fields stamps {@code updated_at}, so a row that came back to the version with other fields is
     * refused. Not told apart: a row that only merges changed back to the read version (a merge's re-pointing and its
     * undo keep {@code updated_at}). Otherwise (another change too, another history port, not PostgreSQL) as
     * {@link #updateWithHistoryLast}.
     */
    @Override
    public Deal moveWithHistoryLast(Deal stored, Deal moved, StageHistoryEntry entry, StageHistory history) {
        if (history != ownHistory || moveChecked == null || !onlyStageFieldsDiffer(stored, moved)) {
            return updateWithHistoryLast(moved, entry, history);
        }
        Deals.checkEntryOf(moved, entry);
        checkFits(moved);
        return writeChecked(moved, entry, history, moveValues(moved, stored.updatedAt()), moveChecked,
                moveCheckedAtPipeline);
    }

    /** Whether the two are the same deal at the same version, with the same values but in the {@link #MOVED} ones. */
    static boolean onlyStageFieldsDiffer(Deal a, Deal b) {
        return a.id().equals(b.id()) && a.version() == b.version() && a.pipelineId().equals(b.pipelineId())
                && a.title().equals(b.title()) && a.amount().equals(b.amount())
                && a.expectedCloseDate().equals(b.expectedCloseDate()) && a.expectedMargin().equals(b.expectedMargin())
                && a.owner().equals(b.owner()) && a.contactId().equals(b.contactId())
                && a.companyId().equals(b.companyId()) && a.leadId().equals(b.leadId()) && a.source().equals(b.source())
                && a.customFields().equals(b.customFields()) && a.documents().equals(b.documents())
                && a.approvals().equals(b.approvals()) && a.createdAt().equals(b.createdAt());
    }

    /** The values of a move's update ({@link #MOVED}, then the id, the expected version and updated_at as read). */
    private static Object[] moveValues(Deal d, Instant readUpdatedAt) {
        return new Object[] {d.stage(), d.stageEnteredAt(), d.stageProbability(),
            d.probabilityOverride().map(Object.class::cast).orElse(Jdbc.Null.LONG),
            d.lostReason().map(Object.class::cast).orElse(Jdbc.Null.TEXT),
            d.wonAt().map(Object.class::cast).orElse(Jdbc.Null.INSTANT),
            d.lostAt().map(Object.class::cast).orElse(Jdbc.Null.INSTANT), d.updatedAt(), d.id().value(), d.version(),
            readUpdatedAt};
    }

    private static Object[] concat(Object[]... parts) {
        int length = 0;
        for (Object[] part : parts) {
            length += part.length;
        }
        Object[] all = new Object[length];
        int at = 0;
        for (Object[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    @Override
    public Optional<Deal> findById(DealId id) {
        Objects.requireNonNull(id, "id");
        Map<UUID, Long> seen = jdbc.tx.pipelineVersionsSeen();
        if (seen == null) {
            return jdbc.tx.read(c -> jdbc.one(c, selectById, this::map, id.value()));
        }
        return jdbc.tx.read(c -> jdbc.one(c, selectWithPipelineVersion, rs -> {
            Deal deal = map(rs);
            long version = rs.getLong("crm_pipeline_version");
            UUID pipeline = deal.pipelineId().value();
            // a pipeline this unit wrote stays marked: its rows are read from the database, never cached
            if (!rs.wasNull() && !Long.valueOf(JdbcPipelines.WRITTEN).equals(seen.get(pipeline))) {
                seen.put(pipeline, version);
            }
            return deal;
        }, id.value()));
    }

    /** A row lock ({@code SELECT ... FOR UPDATE}) held until the running unit of work ends. */
    @Override
    public Optional<Deal> lockById(DealId id) {
        Objects.requireNonNull(id, "id");
        return jdbc.tx.read(c -> jdbc.one(c, selectById + " FOR UPDATE", this::map, id.value()));
    }

    @Override
    public Page<Deal> find(DealFilter filter, PageRequest page) {
        return find(filter, new AccessSql.Fragment("1 = 1", List.of()), page);
    }

    /**
     * The deals passing the filter and an access fragment over the columns {@code d.id} and {@code d.owner_id} (the
     * deal table is {@code d}; see {@link JdbcVisibleDeals}), ANDed in before the keyset condition, ORDER BY and
     * LIMIT.
     */
    Page<Deal> find(DealFilter filter, AccessSql.Fragment access, PageRequest page) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(page, "page");
        Jdbc.checkCursor(page);
        // the WHERE clause is chosen from fixed fragments by which criteria are present; values are parameters
        StringBuilder where = new StringBuilder("SELECT * FROM {deal} d WHERE pipeline_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(filter.pipeline().value());
        filter.stage().ifPresent(stage -> {
            where.append(" AND stage = ?");
            params.add(stage);
        });
        filter.owner().ifPresent(owner -> {
            where.append(" AND owner_id = ?");
            params.add(owner.value());
        });
        filter.source().ifPresent(source -> {
            where.append(" AND source = ?");
            params.add(source);
        });
        filter.closeMonth().ifPresent(month -> {
            where.append(" AND expected_close_date >= ? AND expected_close_date < ?");
            params.add(month.atDay(1));
            params.add(month.plusMonths(1).atDay(1));
        });
        if (!access.sql().equals("1 = 1")) {
            where.append(" AND ").append(access.sql());
            params.addAll(access.params());
        }
        String select = jdbc.sql(where.toString());
        return jdbc.tx.read(c -> jdbc.page(c, select, "created_at", "seq", false, page, this::map, Deal::createdAt,
                params.toArray()));
    }

    /** Refuses values the columns cannot hold before any SQL runs, naming the field. */
    private static void checkFits(Deal deal) {
        checkKeyText("stage", deal.stage());
        checkKeyText("source", deal.source());
        deal.amount().ifPresent(m -> checkDigits("amount", m));
        deal.expectedMargin().ifPresent(m -> checkDigits("expectedMargin", m));
    }

    private static void checkKeyText(String field, String value) {
        if (value.length() > MAX_KEY_TEXT) {
            throw ValidationException.of(field, "max-length", field + " is at most " + MAX_KEY_TEXT
                    + " characters in the JDBC store, got " + value.length());
        }
    }

    private static void checkDigits(String field, Money money) {
        BigDecimal amount = money.amount();
        if (amount.precision() - amount.scale() > MAX_WHOLE_DIGITS) {
            throw ValidationException.of(field, "range", field + " has at most " + MAX_WHOLE_DIGITS
                    + " digits before the decimal point in the JDBC store");
        }
    }

    /** The values of the insert (id first) or of the update (id and expected version last). */
    private Object[] rowValues(Deal d, boolean forUpdate) {
        List<Object> v = new ArrayList<>(27);
        if (!forUpdate) {
            v.add(d.id().value());
        }
        v.add(d.pipelineId().value());
        v.add(d.title());
        v.add(d.stage());
        v.add(d.stageEnteredAt());
        v.add(d.stageProbability());
        v.add(d.probabilityOverride().map(Object.class::cast).orElse(Jdbc.Null.LONG));
        addMoney(v, d.amount());
        v.add(d.expectedCloseDate().map(Object.class::cast).orElse(Jdbc.Null.DATE));
        addMoney(v, d.expectedMargin());
        v.add(d.owner().map(UserId::value).map(Object.class::cast).orElse(Jdbc.Null.TEXT));
        v.add(d.contactId().map(ContactId::value).map(Object.class::cast).orElse(Jdbc.Null.UUID));
        v.add(d.companyId().map(CompanyId::value).map(Object.class::cast).orElse(Jdbc.Null.UUID));
        v.add(d.leadId().map(LeadId::value).map(Object.class::cast).orElse(Jdbc.Null.UUID));
        v.add(d.source());
        v.add(jdbc.json.customFields(d.customFields()));
        v.add(jdbc.json.write(d.documents()));
        v.add(jdbc.json.strings(List.copyOf(d.approvals())));
        v.add(d.lostReason().map(Object.class::cast).orElse(Jdbc.Null.TEXT));
        v.add(d.wonAt().map(Object.class::cast).orElse(Jdbc.Null.INSTANT));
        v.add(d.lostAt().map(Object.class::cast).orElse(Jdbc.Null.INSTANT));
        v.add(d.createdAt());
        v.add(d.updatedAt());
        if (forUpdate) {
            v.add(d.id().value());
            v.add(d.version());
        }
        return v.toArray();
    }

    private static void addMoney(List<Object> values, Optional<Money> money) {
        values.add(money.map(m -> (Object) m.amount()).orElse(Jdbc.Null.DECIMAL));
        values.add(money.map(m -> (Object) m.currency().getCurrencyCode()).orElse(Jdbc.Null.TEXT));
    }

    private Deal map(ResultSet rs) throws SQLException {
        int override = rs.getInt("probability_override");
        Optional<Integer> probabilityOverride = rs.wasNull() ? Optional.empty() : Optional.of(override);
        return new Deal(
                new DealId(dialect.getUuid(rs, "id")),
                rs.getLong("version"),
                new PipelineId(dialect.getUuid(rs, "pipeline_id")),
                rs.getString("title"),
                rs.getString("stage"),
                dialect.getInstant(rs, "stage_entered_at"),
                rs.getInt("stage_probability"),
                probabilityOverride,
                money(rs, "amount", "amount_currency"),
                Optional.ofNullable(rs.getObject("expected_close_date", LocalDate.class)),
                money(rs, "margin", "margin_currency"),
                Optional.ofNullable(rs.getString("owner_id")).map(UserId::new),
                Optional.ofNullable(dialect.getUuid(rs, "contact_id")).map(ContactId::new),
                Optional.ofNullable(dialect.getUuid(rs, "company_id")).map(CompanyId::new),
                Optional.ofNullable(dialect.getUuid(rs, "lead_id")).map(LeadId::new),
                rs.getString("source"),
                jdbc.json.customFields(dialect.getJson(rs, "custom_fields")),
                jdbc.json.read(dialect.getJson(rs, "documents"), DOCUMENTS),
                new LinkedHashSet<>(jdbc.json.strings(dialect.getJson(rs, "approvals"))),
                Optional.ofNullable(rs.getString("lost_reason")),
                Optional.ofNullable(dialect.getInstant(rs, "won_at")),
                Optional.ofNullable(dialect.getInstant(rs, "lost_at")),
                dialect.getInstant(rs, "created_at"),
                dialect.getInstant(rs, "updated_at"));
    }

    /** Money from its amount and currency columns, at the currency's scale (the column keeps 4 decimals). */
    private static Optional<Money> money(ResultSet rs, String amountColumn, String currencyColumn)
            throws SQLException {
        BigDecimal amount = rs.getBigDecimal(amountColumn);
        if (amount == null) {
            return Optional.empty();
        }
        return Optional.of(Money.of(amount, Currency.getInstance(rs.getString(currencyColumn))));
    }

    /** The archive of the deal rows, keyed by id: export and restore only. */
    JdbcArchive<Deal> archive() {
        return JdbcArchive.versioned(jdbc, "deal", this::map, Deal::id, Deal::version,
                r -> insert(r.atVersion(0)), (c, all) -> {
                    all.forEach(JdbcDeals::checkFits);
                    jdbc.batch(c, insertRow, all, r -> rowValues(r, false));
                });
    }
}
