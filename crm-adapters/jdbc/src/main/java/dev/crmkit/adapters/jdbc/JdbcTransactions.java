package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.kernel.ConflictException;
import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.DomainEvents;
import dev.crmkit.core.kernel.Transactions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Units of work over one JDBC {@link DataSource}: one connection and one database transaction per outermost unit,
 * bound to the thread; nested calls join it. Every write through a port runs under a savepoint when it joins a unit,
 * so a refused write (stale version, a taken e-mail) leaves nothing behind and the unit can go on, also on PostgreSQL,
 * where a failed statement would otherwise abort the whole transaction.
 *
 * <p>Domain events published inside a unit are written to the outbox table in the same transaction, just before it
 * commits, and reach the in-process subscriber after the commit. With host-managed transactions joined (see
 * {@link JdbcCrmStore.Builder#joinHostTransactions()}), a unit that finds the connection already inside a transaction
 * runs under a savepoint of it and neither commits nor delivers: the host commits, and the outbox relay delivers.
 *
 * <p>Units run at READ COMMITTED: the default of PostgreSQL and H2, set on MariaDB connections whose level differs.
 *
 * <p>Thread-safe.
 */
final class JdbcTransactions implements Transactions {

    private final DataSource dataSource;
    private final Dialect dialect;
    private final boolean joinHost;
    private final Outbox outbox;
    private final HostCommit hostCommit;
    private final ThreadLocal<Unit> current = new ThreadLocal<>();
    /** The joined texts of this store's units ({@link Leading#sql}): per store, so one store's shapes fill no other's. */
    private final SqlTexts joinedTexts = new SqlTexts();

    /** How many joined texts this store keeps (for tests). */
    int textsKept() {
        return joinedTexts.size();
    }

    JdbcTransactions(DataSource dataSource, Dialect dialect, boolean joinHost, Outbox outbox) {
        this(dataSource, dialect, joinHost, outbox, null);
    }

    JdbcTransactions(DataSource dataSource, Dialect dialect, boolean joinHost, Outbox outbox, HostCommit hostCommit) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.joinHost = joinHost;
        this.outbox = outbox;
        this.hostCommit = hostCommit;
    }

    @Override
    public boolean deliversEvents() {
        return !joinHost || hostCommit != null;
    }

    Dialect dialect() {
        return dialect;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        Unit running = current.get();
        if (running != null) {
            running.joined++;
            try {
                return work.get();
            } finally {
                running.joined--;
            }
        }
        Unit unit = begin();
        T result;
        current.set(unit);
        try {
            try {
                result = work.get();
                unit.commit();
            } catch (Throwable e) { // also a checked exception thrown sneakily by a lambda
                unit.rollBack(e);
                throw e;
            }
        } finally {
            current.remove();
            unit.close();
        }
        unit.deliver();
        return result;
    }

    /**
     * Runs reads in one read-only transaction at REPEATABLE READ on one connection, which is given back to the pool
     * with its isolation level and read-only flag as they were. Inside a running unit of work, or when the host's
     * transactions are joined, it runs them in a unit as {@link #inTransaction} does.
     */
    <T> T inSnapshot(Supplier<T> reads) {
        Objects.requireNonNull(reads, "reads");
        if (current.get() != null || joinHost) {
            return inTransaction(reads);
        }
        Connection c;
        int isolation;
        boolean readOnly;
        boolean autoCommit;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw failure("could not start a snapshot read", e);
        }
        Unit unit;
        try {
            isolation = c.getTransactionIsolation();
            readOnly = c.isReadOnly();
            autoCommit = c.getAutoCommit();
            if (dialect != Dialect.H2) {
                c.setReadOnly(true); // before the transaction begins, as MariaDB asks
            }
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            unit = new Unit(c, autoCommit, null);
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw failure("could not start a snapshot read", e);
        }
        current.set(unit);
        try {
            T result;
            try {
                result = reads.get();
                unit.commit();
            } catch (Throwable e) {
                unit.rollBack(e);
                throw e;
            }
            return result;
        } finally {
            current.remove();
            try {
                c.setTransactionIsolation(isolation);
                c.setReadOnly(readOnly);
            } catch (SQLException ignored) {
                // the connection is closed next; a pool resets it
            }
            unit.close();
        }
    }

    @Override
    public boolean inUnitOfWork() {
        return current.get() != null;
    }

    /**
     * Whether units of work join the host's transactions: then what a read sees may be a write of the host's
     * transaction that is not committed yet, and may never be.
     */
    boolean joinsHost() {
        return joinHost;
    }

    /**
     * The running unit's notes of the pipeline versions its deal reads saw (pipeline id to version), or null outside
     * a unit of work. A note lives as long as the unit; a pipeline the unit writes is noted as
     * {@link JdbcPipelines#WRITTEN} instead. Confined to the unit's thread.
     */
    Map<UUID, Long> pipelineVersionsSeen() {
        Unit unit = current.get();
        if (unit == null) {
            return null;
        }
        if (unit.pipelineVersions == null) {
            unit.pipelineVersions = new HashMap<>(4);
        }
        return unit.pipelineVersions;
    }

    /**
     * The running unit's notes of the pipeline versions it took as current without reading them (pipeline id to
     * version; see {@link JdbcPipelines#findByIdCheckedByDealWrite}), which its deal writes check; null outside a unit
     * of work and where a deal write is never queued checked (not PostgreSQL, the host's transaction or savepoint): there
     * the pipeline is read. Confined to the unit's thread.
     */
    Map<UUID, Long> pipelineVersionsAssumed() {
        Unit unit = current.get();
        if (unit == null || dialect != Dialect.POSTGRESQL || joinHost || unit.hostSavepoint != null) {
            return null;
        }
        if (unit.pipelinesAssumed == null) {
            unit.pipelinesAssumed = new HashMap<>(4);
        }
        return unit.pipelinesAssumed;
    }

    /**
     * The running unit's notes of what it made that other sessions see only once it commits (an object made by DDL,
     * say), for the store's parts to tell their own uncommitted work from committed state; null outside a unit of
     * work. A note lives as long as the unit. Confined to the unit's thread.
     */
    Set<Object> madeInUnit() {
        Unit unit = current.get();
        if (unit == null) {
            return null;
        }
        if (unit.made == null) {
            unit.made = new HashSet<>(4);
        }
        return unit.made;
    }

    /**
     * Runs {@code action} once the running unit of work has committed, in the order given, after its events are
     * published; never if it rolls back. In a unit joined to the host's transaction, after the host's commit where
     * the store is told of it, else never. Outside a unit of work it runs at once. It must not throw.
     */
    void afterCommit(Runnable action) {
        Objects.requireNonNull(action, "action");
        Unit unit = current.get();
        if (unit == null) {
            action.run();
            return;
        }
        if (unit.committedActions == null) {
            unit.committedActions = new ArrayList<>(2);
        }
        unit.committedActions.add(action);
    }

    /** The version of the pipeline the running unit took as current without reading it; null if none. */
    Long pipelineVersionAssumed(UUID pipeline) {
        Unit unit = current.get();
        return unit == null || unit.pipelinesAssumed == null ? null : unit.pipelinesAssumed.get(pipeline);
    }

    /** Runs a read on the running unit's connection, or on a connection of its own. */
    <T> T read(SqlWork<T> query) {
        Unit unit = current.get();
        try {
            if (unit != null) {
                unit.beforeStatement();
                return query.run(unit.connection);
            }
            try (Connection c = dataSource.getConnection()) {
                boolean hostOwned = joinHost && !c.getAutoCommit(); // the host's transaction: never end it here
                T result;
                try {
                    result = query.run(c);
                } catch (Throwable e) {
                    // the first error is the one to report: on a connection the database closed, ending the read
                    // fails as well ("connection is closed"), and that only joins it as suppressed
                    if (!hostOwned) {
                        try {
                            endRead(c);
                        } catch (SQLException | RuntimeException ending) {
                            e.addSuppressed(ending);
                        }
                    }
                    throw e;
                }
                if (!hostOwned) {
                    endRead(c);
                }
                return result;
            }
        } catch (SQLException e) {
            throw failure("a read failed", e);
        }
    }

    /**
     * Runs a write of its own in auto-commit on a connection of its own, outside any unit of work: each statement
     * commits as it ends, so the row locks it takes are held only while it runs. Empty, with nothing run, while a unit
     * of work runs on this thread (its rollback must undo the write) or when the host's transactions are joined (a
     * connection may be inside the host's transaction).
     */
    <T> Optional<T> autoCommitted(SqlWork<T> change) {
        if (current.get() != null || joinHost) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            if (!autoCommit) {
                c.setAutoCommit(true); // a pool may hand out auto-commit off; nothing was run on it yet
            }
            try {
                return Optional.of(change.run(c));
            } finally {
                if (!autoCommit) {
                    c.setAutoCommit(false);
                }
            }
        } catch (SQLException e) {
            throw failure("a write failed", e);
        }
    }

    /** Ends the transaction a read on a connection of its own may have opened (a pool may hand out auto-commit off). */
    private static void endRead(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.rollback();
        }
    }

    /**
     * Runs a write atomically: inside the running unit under a savepoint (rolled back if the write throws, so the
     * unit can go on), or in a unit of its own.
     */
    <T> T write(SqlWork<T> change) {
        Unit unit = current.get();
        if (unit == null) { // a unit of its own: its rollback undoes the write, no savepoint needed
            return inTransaction(() -> {
                Unit own = current.get();
                own.wrote = true;
                own.writing++; // inside a write: nothing the work appends is deferred past its own statements
                try {
                    return change.run(own.connection);
                } catch (SQLException e) {
                    throw failure("a write failed", e);
                } finally {
                    own.writing--;
                }
            });
        }
        if (dialect == Dialect.POSTGRESQL) {
            return unit.writeUnderSavepoint(change);
        }
        unit.beforeStatement();
        unit.wrote = true;
        try {
            Savepoint savepoint = unit.connection.setSavepoint();
            T result;
            try {
                result = change.run(unit.connection);
            } catch (Throwable e) {
                try {
                    unit.connection.rollback(savepoint);
                } catch (SQLException undo) {
                    e.addSuppressed(undo);
                }
                throw e;
            }
            if (dialect != Dialect.MARIADB) { // MariaDB's RELEASE SAVEPOINT would be one more round trip for nothing
                unit.connection.releaseSavepoint(savepoint);
            }
            return result;
        } catch (SQLException e) {
            throw failure("a write failed", e);
        }
    }

    /**
     * Runs a write atomically, as {@link #write} does, but on MariaDB, as the first write of a unit of work that owns
     * its transaction (not joined to the host's) and that the innermost {@link #inTransaction} call began (no caller's
     * unit around it), without a savepoint: nothing was written before it in the transaction, so if it throws,
     * rolling the whole transaction back undoes what a rollback to a savepoint would have, and a write that goes
     * through costs no round trip for the savepoint. Such a rollback also releases the row locks the unit's reads took
     * before the write (InnoDB keeps them across a rollback to a savepoint), which only the work of that one call took
     * (in a caller's unit, whose locks must outlive a failure it catches, the write keeps its savepoint); the unit's
     * published events are kept, as they are written to the outbox only by its commit. Used by a bulk capture chunk's
     * write, whose failure its unit retries from the chunk's reads. Elsewhere exactly {@link #write}.
     */
    <T> T writeFirst(SqlWork<T> change) {
        Unit unit = current.get();
        if (unit == null || dialect != Dialect.MARIADB || unit.hostSavepoint != null || unit.wrote
                || unit.joined > 0) {
            return write(change);
        }
        unit.beforeStatement();
        unit.wrote = true;
        try {
            try {
                return change.run(unit.connection);
            } catch (Throwable e) {
                try {
                    unit.connection.rollback();
                    unit.wrote = false; // the transaction holds no write again
                } catch (SQLException undo) {
                    e.addSuppressed(undo);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw failure("a write failed", e);
        }
    }

    /**
     * Runs a write of one statement atomically, as {@link #write} does, but on PostgreSQL inside a unit of work the
     * write's savepoint commands (the release the previous write owes, then this write's savepoint) go to the database
     * in front of the statement, in the same round trip, instead of in one of their own. Elsewhere, and in a unit of
     * its own, nothing goes in front. The work sends its first statement through {@link Leading#execute} or
     * {@link Leading#query} (which bind it, mark the commands as sent and execute it), or sends
     * {@link Leading#sendAlone} first.
     */
    <T> T writeInOne(OneStatementWrite<T> change) {
        Unit unit = current.get();
        if (unit == null || dialect != Dialect.POSTGRESQL) {
            return write(c -> change.run(c, Leading.none()));
        }
        return unit.writeInOne(change, null, null);
    }

    /**
     * {@link #writeInOne}, then {@code events.publish(announced)} once the write went through. When {@code events}
     * is a publisher of these units ({@link #events}) and the write runs inside a PostgreSQL unit that writes an
     * outbox, the write may also insert the unit's events not in the outbox yet and {@code announced} with its
     * statement ({@link Leading#takeEvents}), so the commit has none left to write. Not in a unit joined to the host's
     * transaction: the host may roll back a savepoint of its own around the write, taking the outbox rows with it
     * without this unit knowing, so there the events wait for the commit as before.
     */
    <T> T writeInOneAndPublish(OneStatementWrite<T> change, DomainEvent announced, DomainEvents events) {
        Objects.requireNonNull(announced, "announced");
        Objects.requireNonNull(events, "events");
        Unit unit = current.get();
        if (unit == null || dialect != Dialect.POSTGRESQL || outbox == null || unit.hostSavepoint != null
                || !(events instanceof UnitEvents own) || own.owner() != this) {
            T result = writeInOne(change);
            events.publish(announced);
            return result;
        }
        return unit.writeInOne(change, own, announced);
    }

    /**
     * {@link #writeInOneAndPublish} for a write whose caller needs no result, which may be sent later: in a
     * PostgreSQL unit that owns its transaction (not joined to the host's), outside any other write, with this
     * store's publisher, the write is queued and {@code announced} published at once; the queued statement goes to
     * the database in front of the unit's next statement (any read or write: the unit reads its own writes), or with
     * the unit's COMMIT in one round trip. If it fails there, the unit can no longer commit: the failure is thrown
     * (as the write would have thrown it), every later statement and the commit are refused, and the whole unit
     * rolls back, its events undelivered. So defer only a write whose failure no caller catches to go on with the
     * unit. Elsewhere it runs at once, as {@link #writeInOneAndPublish}.
     */
    void writeLaterAndPublish(OneStatementWrite<?> change, DomainEvent announced, DomainEvents events) {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(announced, "announced");
        Objects.requireNonNull(events, "events");
        Unit unit = current.get();
        // joinHost: the host's own SQL may share the connection and would not see a queued write (review of t17-trips)
        if (unit == null || dialect != Dialect.POSTGRESQL || joinHost || unit.hostSavepoint != null
                || unit.writing > 0 || !(events instanceof UnitEvents own) || own.owner() != this) {
            writeInOneAndPublish(change, announced, events);
            return;
        }
        unit.defer(change, own, announced);
    }

    /**
     * Queues a checked write, the unit's statement that must not fail quietly (a versioned update): in a PostgreSQL
     * unit that owns its transaction (not joined to the host's), outside any other write, it goes to the database in
     * front of the unit's next statement, or in front of the write {@link #writeLaterAndPublish} queues after it, and
     * then with the unit's COMMIT, in one round trip. Its statement raises an error when its check fails ({@link
     * Checked}), so the database skips what was sent after it, the COMMIT included, and the unit rolls back: the
     * failure is thrown as {@link Checked#refusal} makes it, by the unit's next statement or its commit, and nothing of
     * the unit is written or delivered. So queue only a write whose refusal the caller handles after its whole unit
     * rolled back. False when it cannot be queued here (nothing was done): the caller writes at once.
     */
    boolean writeLaterChecked(Checked write) {
        Objects.requireNonNull(write, "write");
        Unit unit = current.get();
        if (unit == null || dialect != Dialect.POSTGRESQL || joinHost || unit.hostSavepoint != null
                || unit.writing > 0) {
            return false;
        }
        unit.deferChecked(write);
        return true;
    }

    /**
     * A statement queued by {@link #writeLaterChecked}: its SQL and parameters, and what its refusal is. The statement
     * ends with a query that raises an error when the check fails, by casting {@link #REFUSED} and a code to an
     * integer ({@code invalid input syntax for type integer: "crmkit-refused:stale"}); {@code refusal} makes the
     * exception of a code.
     *
     * <p>A statement that {@code takesInserts} is one {@code WITH ... SELECT ...} whose main query raises the refusal
     * and whose common table expressions are not named {@code f0}, {@code f1}, ...: the inserts of a deferred write
     * queued after it ({@link Jdbc#insertAsOne}) may then go into it as common table expressions of their own that no
     * query reads ({@link Leading#foldableAhead}), one statement instead of two. A refusal raised by the main query
     * fails the whole statement, so nothing of it is written whatever the order. Which error wins when an insert's key
     * is taken too rests on the order PostgreSQL runs them in: it documents data-modifying expressions as run
     * "concurrently" with the main query in an unpredictable order; what it does (observed since 9.1, and in the
     * executor today: unread ones run when the main query has ended) is run them after it, so a refusal stops them
     * before they insert anything and a taken key of theirs never hides the refusal. That reliance is pinned by
     * tests for every refusal (stale, missing deal, pipeline moved on, entry id taken) with a taken activity id
     * ({@code RoundTripsTest}); once the check passed, they run as their own statement would have.
     *
     * @param sql          the statement (no COMMIT or savepoint commands)
     * @param params       its parameters
     * @param refusal      the exception of a refusal code the statement raised
     * @param takesInserts whether inserts queued after it may go into it (see above)
     */
    record Checked(String sql, Params params, Function<String, RuntimeException> refusal, boolean takesInserts) {

        /** What a checked statement's refusal starts with, in a text it casts to an integer to raise an error. */
        static final String REFUSED = "crmkit-refused:";

        Checked {
            Objects.requireNonNull(sql, "sql");
            Objects.requireNonNull(params, "params");
            Objects.requireNonNull(refusal, "refusal");
            if (takesInserts && !sql.startsWith("WITH ")) {
                throw new IllegalArgumentException("only a WITH statement takes inserts: " + sql);
            }
        }

        /** A common table expression named as a folded insert ({@code f0}, {@code f1}, ...; see {@link Jdbc}). */
        private static final java.util.regex.Pattern FOLDED_NAME = java.util.regex.Pattern.compile(
                "(?i)(?:^WITH|,)\\s+\"?f\\d+\"?\\s+AS\\s*\\(");

        /**
         * The text of a statement that {@link #takesInserts}, checked once where it is built (not with every
         * statement queued): one {@code WITH} that is not {@code RECURSIVE} (the folded inserts go in front of its
         * expressions, and would make a recursive one invalid) and names no expression {@code f0}, {@code f1}, ...
         * (the names of the folded inserts).
         *
         * @throws IllegalArgumentException when it cannot take inserts, naming the rule
         */
        static String takingInserts(String sql) {
            Objects.requireNonNull(sql, "sql");
            if (!sql.startsWith("WITH ") || sql.regionMatches(true, "WITH ".length(), "RECURSIVE", 0, 9)) {
                throw new IllegalArgumentException("sql: only a WITH statement, not WITH RECURSIVE, takes inserts: "
                        + sql);
            }
            if (FOLDED_NAME.matcher(sql).find()) {
                throw new IllegalArgumentException("sql: a statement that takes inserts names no expression f0, f1, "
                        + "...: " + sql);
            }
            return sql;
        }

        /** A checked statement that takes no inserts queued after it. */
        Checked(String sql, Params params, Function<String, RuntimeException> refusal) {
            this(sql, params, refusal, false);
        }

        /**
         * The exception of this statement's refusal, if the failure is one; else null. The code is read as the letters
         * and dashes after {@link #REFUSED}, whatever quotes the server's language puts around the text.
         */
        RuntimeException refused(SQLException e) {
            String message = e.getMessage();
            int at = message == null || !"22P02".equals(e.getSQLState()) ? -1 : message.indexOf(REFUSED);
            if (at < 0) {
                return null;
            }
            int from = at + REFUSED.length();
            int to = from;
            while (to < message.length() && (Character.isLetter(message.charAt(to)) || message.charAt(to) == '-')) {
                to++;
            }
            RuntimeException refused = refusal.apply(message.substring(from, to));
            refused.addSuppressed(e);
            return refused;
        }
    }

    /** Parameters bound from a given index on (see {@link Jdbc#params}). */
    interface Params {
        /** No parameters. */
        Params NONE = new Params() {
            @Override
            public int count() {
                return 0;
            }

            @Override
            public void bind(PreparedStatement ps, int from) {
                // none
            }
        };

        /** How many parameters there are. */
        int count();

        /** Binds them at {@code from}, {@code from + 1}, ... */
        void bind(PreparedStatement ps, int from) throws SQLException;
    }

    /** A write of one statement with what goes in front of it (see {@link #writeInOne}). */
    @FunctionalInterface
    interface OneStatementWrite<T> {
        /** Runs the write on the unit's connection; its first statement goes through {@code leading}. */
        T run(Connection connection, Leading leading) throws SQLException;
    }

    /**
     * What a {@link #writeInOne} write sends in front of its statement, in the same round trip: the savepoint commands
     * (none outside a PostgreSQL unit); and, for {@link #writeInOneAndPublish}, the unit's events not in the outbox yet
     * and the announced one, which the write may take to insert them with its statement. Taken events count as
     * written only when the write went through; if it fails, or a savepoint it ran under is rolled back, the commit
     * writes them as before. Confined to the unit's thread.
     */
    static final class Leading {
        /** Nothing in front, no events: for writes outside a PostgreSQL unit and for callers of plain writes. */
        static Leading none() {
            return new Leading("", List.of(), null, false, List.of(), null);
        }

        /** The store's joined texts of {@link #sql}, or null to keep none. */
        private final SqlTexts texts;

        private final String commands;
        private final List<DomainEvent> events;
        private final Outbox outbox;
        /** A deferred write sent by the commit: COMMIT goes after its statement when no outbox rows are left. */
        private final boolean commitAfter;
        /** Checked statements queued in front of a deferred write's (see {@link #writeLaterChecked}); none once sent. */
        private List<Checked> ahead;
        private boolean sent;
        private boolean eventsTaken;
        private boolean commitSent;
        /** Whether the unit's transaction has not begun on the server, so its one last statement may commit itself. */
        private boolean mayAutoCommit;
        /** Whether the statement of {@link #sql} commits itself, run in auto-commit instead of before a COMMIT. */
        private boolean autoCommit;

        /**
         * With checked statements in front (only of a deferred write, which sends no savepoint commands), and the
         * store's joined texts ({@code null}: none kept).
         */
        Leading(String commands, List<DomainEvent> events, Outbox outbox, boolean commitAfter, List<Checked> ahead,
                SqlTexts texts) {
            if (!ahead.isEmpty() && !commands.isEmpty()) {
                throw new IllegalArgumentException("checked statements go only in front of a deferred write");
            }
            this.commands = commands;
            this.events = events;
            this.outbox = outbox;
            this.commitAfter = commitAfter;
            this.ahead = ahead;
            this.texts = texts;
        }

        /**
         * {@link #execute} with parameters that can be bound after those of the checked statements in front, so that
         * all go in the one round trip (the {@link Binding} of {@link #execute} binds from index 1, and there the
         * checked statements are sent first, in a round trip of their own). A null {@code statement}: the checked
         * statements alone (with the COMMIT after them when it goes).
         */
        void execute(Connection c, String statement, Params params) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql(statement))) {
                params.bind(ps, bindAhead(ps));
                sending();
                executeChecked(c, ps, ahead);
            }
        }

        /**
         * The one checked statement in front, when inserts may go into it as common table expressions
         * ({@link Checked#takesInserts}); else null. Then {@link #executeFolded} sends them.
         */
        Checked foldableAhead() {
            return ahead.size() == 1 && ahead.get(0).takesInserts() ? ahead.get(0) : null;
        }

        /**
         * Sends a statement that holds the checked statement of {@link #foldableAhead} with the inserts folded in front
         * of its own expressions: the inserts' parameters first, then the checked statement's, in one statement (with
         * the COMMIT after it when it goes). A refusal is thrown as {@link #execute} throws it.
         */
        void executeFolded(Connection c, String statement, Params params) throws SQLException {
            List<Checked> folded = ahead;
            if (folded.size() != 1 || !folded.get(0).takesInserts()) {
                throw new IllegalStateException("no checked statement in front takes inserts");
            }
            ahead = List.of(); // in the statement itself: nothing goes in front of it
            try (PreparedStatement ps = c.prepareStatement(sql(statement))) {
                params.bind(ps, 1);
                folded.get(0).params().bind(ps, 1 + params.count());
                sending();
                executeChecked(c, ps, folded);
            }
        }

        /** The checked statements in front, joined; empty if none. */
        private String aheadSql() {
            if (ahead.size() <= 1) { // a move's one checked statement is sent as its text, not a copy of it
                return ahead.isEmpty() ? "" : ahead.get(0).sql();
            }
            StringBuilder sql = new StringBuilder();
            for (Checked checked : ahead) {
                sql.append(sql.length() == 0 ? "" : "; ").append(checked.sql());
            }
            return sql.toString();
        }

        /** Binds the parameters of the checked statements in front from index 1; the next free index. */
        private int bindAhead(PreparedStatement ps) throws SQLException {
            int from = 1;
            for (Checked checked : ahead) {
                checked.params().bind(ps, from);
                from += checked.params().count();
            }
            return from;
        }

        /** Executes a statement with the checked statements in front: a refusal of theirs thrown as they make it. */
        private void executeChecked(Connection c, PreparedStatement ps, List<Checked> ahead) throws SQLException {
            try {
                run(c, ps);
            } catch (SQLException e) {
                for (Checked checked : ahead) {
                    RuntimeException refused = checked.refused(e);
                    if (refused != null) {
                        throw refused;
                    }
                }
                throw e;
            }
        }

        /** Sends the checked statements in front alone, before a statement bound from index 1. */
        private void sendAhead(Connection c) throws SQLException {
            if (ahead.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement(aheadSql())) {
                bindAhead(ps);
                executeChecked(c, ps, ahead);
            }
            ahead = List.of();
            mayAutoCommit = false; // the transaction began with them
        }

        /**
         * Sends the write's first statement with the savepoint commands in front, in one round trip: prepares it,
         * binds it, marks the commands as sent and executes it. A failure before the execution (while binding) leaves
         * the unit as it was: no rollback to a savepoint the database never set, which would abort a PostgreSQL
         * transaction.
         */
        void execute(Connection c, String statement, Binding binding) throws SQLException {
            sendAhead(c);
            try (PreparedStatement ps = c.prepareStatement(sql(statement))) {
                binding.bind(ps);
                sending();
                run(c, ps); // commands in front answer with update counts of their own: none is a result set
            }
        }

        /**
         * {@link #execute} for a query: returns what {@code reading} makes of its rows, which come after the
         * commands' update counts.
         */
        <T> T query(Connection c, String statement, Binding binding, Reading<T> reading) throws SQLException {
            sendAhead(c);
            try (PreparedStatement ps = c.prepareStatement(sql(statement))) {
                binding.bind(ps);
                sending();
                boolean rows = run(c, ps);
                while (!rows) {
                    if (ps.getUpdateCount() == -1) {
                        throw new SQLException("the query returned no rows: " + statement);
                    }
                    rows = ps.getMoreResults();
                }
                try (ResultSet rs = ps.getResultSet()) {
                    return reading.read(rs);
                }
            }
        }

        /** The statement with the savepoint commands in front, and a COMMIT after it when it ends the unit. */
        private String sql(String statement) {
            checkUnsent();
            String front = commands.isEmpty() ? aheadSql() : commands; // never both (see the constructor)
            // the outbox rows must go before the COMMIT: with this statement, or by the commit as before
            commitSent = commitAfter && (events.isEmpty() || eventsTaken);
            // the unit's only statement, and its last: it commits itself, with no BEGIN or COMMIT sent around it
            autoCommit = commitSent && mayAutoCommit && (front.isEmpty() ? statement != null
                    : statement == null && commands.isEmpty() && ahead.size() == 1);
            if (autoCommit) {
                return front.isEmpty() ? statement : front;
            }
            if (front.isEmpty() && !commitSent) {
                return statement;
            }
            Supplier<String> joined = () -> {
                String sql = front.isEmpty() ? statement : statement == null ? front : front + "; " + statement;
                return commitSent ? sql + "; COMMIT" : sql;
            };
            // the same parts each unit of the same kind (the statement texts are kept ones): the same joined text;
            // savepoint commands name the unit's n-th write, so texts with them are not kept (a unit of many writes
            // would fill the texts with names)
            return commands.isEmpty() && texts != null ? texts.text(new Joined(front, statement, commitSent), joined)
                    : joined.get();
        }

        /**
         * Executes the statement of {@link #sql}; in auto-commit when it commits itself ({@link #allowAutoCommit}), the
         * connection back out of it after, with no transaction open (pgjdbc's commit then sends nothing).
         *
         * <p>Auto-commit only if the session is still idle here, at the switch: a write that sent a statement of its
         * own on the connection before this one (against the {@link OneStatementWrite} contract) began the
         * transaction, which switching to auto-commit would commit, so that a refusal of this statement would leave
         * the earlier writes committed. Then the statement runs in the transaction and the unit's commit sends the
         * COMMIT (review 1 of stop 12, M2). The connection goes back out of auto-commit whatever ends the statement, an
         * {@link Error} included (L1); a switch that failed sent nothing, so the failure is not one of a commit whose
         * outcome is unknown (L2).
         */
        private boolean run(Connection c, PreparedStatement ps) throws SQLException {
            if (autoCommit && !PgSession.idle(c)) {
                autoCommit = false;
                commitSent = false; // no COMMIT in the text (see sql): the unit's commit sends it
            }
            if (!autoCommit) {
                return ps.execute();
            }
            try {
                c.setAutoCommit(true); // nothing is sent: no transaction is open
            } catch (SQLException | RuntimeException e) {
                sent = false; // nothing reached the server: the unit fails as a write that was not sent
                commitSent = false;
                throw e;
            }
            Throwable failure = null;
            try {
                return ps.execute();
            } catch (Throwable e) {
                failure = e;
                throw e;
            } finally {
                try {
                    c.setAutoCommit(false);
                } catch (SQLException back) {
                    if (failure == null) {
                        throw back; // the statement went through, its reply came: a connection lost since
                    }
                    failure.addSuppressed(back); // a connection lost: the statement's failure is the one to report
                }
            }
        }

        /**
         * Lets the statement that ends the unit with its COMMIT ({@code commitAfter}) run in auto-commit instead, when
         * it is one statement (with nothing in front, or a checked statement alone): called only when the unit's
         * transaction has not begun on the server (nothing of the unit was sent), so that statement is the whole unit,
         * as atomic alone as between BEGIN and COMMIT, and two commands fewer for the server.
         */
        void allowAutoCommit() {
            mayAutoCommit = true;
        }

        /** What the text of {@link #sql} is made of ({@code statement} null for the front alone). */
        private record Joined(String front, String statement, boolean commit) {
        }

        /** Marks the statement of {@link #sql} as sent: from then on a failure rolls back to the savepoint. */
        private void sending() {
            checkUnsent();
            sent = true;
        }

        /**
         * Sends the savepoint commands alone, for a write whose first statement cannot carry them. If they fail, no
         * savepoint was set: the write fails with nothing to roll back to.
         */
        void sendAlone(Connection c) throws SQLException {
            checkUnsent();
            sendAhead(c); // never with a COMMIT: the write's own statements follow
            if (!commands.isEmpty()) {
                try (java.sql.Statement s = c.createStatement()) {
                    s.execute(commands);
                }
            }
            sent = true;
        }

        /** Binds the parameters of a statement sent by {@link #execute} or {@link #query}. */
        @FunctionalInterface
        interface Binding {
            void bind(PreparedStatement ps) throws SQLException;
        }

        /** Reads the rows of a query sent by {@link #query}. */
        @FunctionalInterface
        interface Reading<T> {
            T read(ResultSet rs) throws SQLException;
        }

        /** How many events the write may insert into the outbox with its statement (0: none offered). */
        int events() {
            return events.size();
        }

        /** The outbox's insert of one event, for {@link Jdbc#insertAsOne}; only when {@link #events()} is not 0. */
        String outboxInsert() {
            return outbox.insertSql();
        }

        /** The outbox rows of the {@link #events()}, which the write inserts with its statement: then written. */
        List<Object[]> takeEvents() {
            eventsTaken = true;
            return outbox.rows(events);
        }

        private void checkUnsent() {
            if (sent) {
                throw new IllegalStateException("the savepoint commands were already sent");
            }
        }
    }

    /**
     * The failure as an unchecked exception: a {@link ConflictException} when the database aborted the unit to
     * resolve a conflict with a concurrent one (deadlock, serialization failure), so running it again may succeed; a
     * {@link LockTimeoutException} when a lock was held too long by another session (never rerun: it would wait
     * again); otherwise a {@link JdbcStoreException}.
     */
    RuntimeException failure(String what, SQLException e) {
        if (dialect.isLockTimeout(e)) {
            return new LockTimeoutException(what, e);
        }
        if (dialect.isTransient(e)) {
            return new ConflictException(what + ": the database aborted it to resolve a conflict with a concurrent "
                    + "unit of work (" + e.getMessage() + ", SQLState " + e.getSQLState() + "); run it again", e);
        }
        return new JdbcStoreException(what, e, false);
    }

    /** A publisher that writes to the outbox and delivers to the subscriber after commit. */
    DomainEvents events(DomainEvents subscriber) {
        return new UnitEvents(Objects.requireNonNull(subscriber, "subscriber"));
    }

    /** The publisher of {@link #events}, known as this store's by {@link #writeInOneAndPublish}. */
    private final class UnitEvents implements DomainEvents {
        private final DomainEvents subscriber;

        UnitEvents(DomainEvents subscriber) {
            this.subscriber = subscriber;
        }

        JdbcTransactions owner() {
            return JdbcTransactions.this;
        }

        @Override
        public void publish(DomainEvent event) {
            Objects.requireNonNull(event, "event");
            Unit unit = current.get();
            if (unit != null) {
                unit.pending.add(new Pending(subscriber, event));
            } else {
                inTransaction(() -> {
                    current.get().pending.add(new Pending(subscriber, event));
                    return null;
                });
            }
        }
    }

    private Unit begin() {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            boolean hostOwned = joinHost && !c.getAutoCommit();
            if (hostOwned) {
                return new Unit(c, false, c.setSavepoint());
            }
            boolean restore = c.getAutoCommit();
            if (restore) {
                c.setAutoCommit(false);
            }
            if (dialect == Dialect.MARIADB && c.getTransactionIsolation() != Connection.TRANSACTION_READ_COMMITTED) {
                // InnoDB's REPEATABLE READ would read a snapshot older than the rows a lock or a lost key claim
                // waited for; every dialect runs crmkit's units at READ COMMITTED (PostgreSQL's and H2's default)
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
            return new Unit(c, restore, null);
        } catch (SQLException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw failure("could not start a unit of work", e);
        }
    }

    private record Pending(DomainEvents subscriber, DomainEvent event) {
    }

    private final class Unit {
        final Connection connection;
        final boolean restoreAutoCommit;
        final Savepoint hostSavepoint;
        final List<Pending> pending = new ArrayList<>();
        /** How many of the pending events a write already inserted into the outbox (see {@link Leading}). */
        int outboxed;
        boolean committed;
        /** The rollback failed: the transaction may still be open, so switching auto-commit back on could commit it. */
        boolean rollbackFailed;
        /** PostgreSQL: how many savepoints this unit named, and the one whose release is owed (null if none). */
        int savepoints;
        String unreleased;
        /** The pipeline versions this unit's deal reads saw (see {@link #pipelineVersionsSeen}); null until then. */
        Map<UUID, Long> pipelineVersions;
        /** The pipeline versions this unit took as current unread (see {@link #pipelineVersionsAssumed}); or null. */
        Map<UUID, Long> pipelinesAssumed;
        /** What this unit made that others see once it commits (see {@link #madeInUnit}); null until then. */
        Set<Object> made;
        /** What to run once this unit committed (see {@link JdbcTransactions#afterCommit}); null until then. */
        List<Runnable> committedActions;
        /** MariaDB: whether a write ran in the transaction (then {@link #writeFirst} needs its savepoint). */
        boolean wrote;
        /** How many {@link #inTransaction} calls joined this unit and are running (0: only the one that began it). */
        int joined;
        /** PostgreSQL: how many writes are running (nested ones counted): a write is deferred only outside them. */
        int writing;
        /** The write queued by {@link #writeLaterAndPublish}, sent with the next statement or the commit; or null. */
        OneStatementWrite<?> deferred;
        /** The failure of a deferred write: the unit can only roll back. */
        Throwable failed;
        /** Checked writes queued by {@link #writeLaterChecked}, in order, sent in front of {@link #deferred}. */
        final List<Checked> ahead = new ArrayList<>(2);

        /** Queues a checked write; a write deferred before it is sent first (with what is queued in front of it). */
        void deferChecked(Checked write) {
            if (deferred != null || failed != null) {
                beforeStatement();
            }
            ahead.add(write);
        }

        /**
         * Queues a write (see {@link JdbcTransactions#writeLaterAndPublish}); one queued before is sent first (with the
         * checked writes queued in front of it), while checked writes queued since stay queued, in front of this one.
         */
        void defer(OneStatementWrite<?> change, UnitEvents events, DomainEvent announced) {
            if (deferred != null || failed != null) { // queued checked writes stay in front of this one
                beforeStatement();
            }
            deferred = change;
            pending.add(new Pending(events.subscriber, announced));
        }

        /**
         * Before any statement of the unit: refuses it if a deferred write failed, and sends a queued one first, in
         * a round trip of its own.
         */
        void beforeStatement() {
            if (failed != null) {
                if (failed instanceof ConflictException conflict) {
                    throw conflict; // still a conflict, so a retrying caller retries the whole unit (review of t17-trips)
                }
                throw new IllegalStateException("the unit of work cannot go on: a write it deferred failed ("
                        + failed.getMessage() + "); it can only roll back", failed);
            }
            sendDeferred(false);
        }

        /**
         * Sends the queued write, if any, with the unit's events not in the outbox yet when the write takes them, and
         * with COMMIT after it when {@code commit} and no outbox rows are left for the commit to write. True if the
         * COMMIT went with it. A failure marks the unit as failed and is thrown as the write would have thrown it; a
         * connection lost while the COMMIT went with it leaves the outcome unknown.
         */
        private boolean sendDeferred(boolean commit) {
            OneStatementWrite<?> change = deferred;
            if (change == null && ahead.isEmpty()) {
                return false;
            }
            deferred = null;
            List<Checked> checked = List.copyOf(ahead);
            ahead.clear();
            List<DomainEvent> offered = outbox == null || change == null ? List.of()
                    : pending.subList(outboxed, pending.size()).stream().map(Pending::event).toList();
            // checked writes alone: the COMMIT after them only when the commit has no outbox rows left to write
            boolean commitAfter = commit && (change != null || outbox == null || outboxed == pending.size());
            // no savepoint of its own: a failure ends the unit, which nothing can roll back to a point before it
            Leading leading = new Leading("", offered, outbox, commitAfter, checked, joinedTexts);
            try {
                if (commitAfter && hostSavepoint == null && PgSession.idle(connection)) {
                    leading.allowAutoCommit(); // nothing of the unit reached the server: no transaction to end
                }
                if (change == null) { // the checked statements, and the COMMIT after them when it may go
                    leading.execute(connection, null, Params.NONE);
                } else {
                    change.run(connection, leading);
                }
            } catch (Throwable e) {
                failed = e;
                if (leading.sent && leading.commitSent && e instanceof SQLException sql && lostConnection(sql)) {
                    throw new CommitOutcomeUnknownException(sql);
                }
                throw unchecked(e);
            }
            if (!leading.sent && !checked.isEmpty()) { // the checked writes go only with what the work sends
                IllegalStateException lost = new IllegalStateException("a deferred write sent no statement, so the "
                        + checked.size() + " checked write(s) queued in front of it did not reach the database; "
                        + "the unit of work can only roll back");
                failed = lost;
                throw lost;
            }
            if (leading.eventsTaken) {
                outboxed = pending.size();
            }
            return leading.sent && leading.commitSent;
        }

        /**
         * PostgreSQL: a write under a savepoint of its own, which costs one round trip instead of two. The savepoint
         * of a write that went through is released only with the next write's savepoint, in the same round trip
         * ({@code RELEASE SAVEPOINT a; SAVEPOINT b}), or by the commit; a write that throws is rolled back to its
         * savepoint, as before. Releasing the outer savepoint of nested writes releases the inner ones with it. In a
         * unit joined to the host's transaction the release goes at once (the host's own savepoints stay nested).
         */
        <T> T writeUnderSavepoint(SqlWork<T> change) {
            return writeInOne((c, leading) -> {
                leading.sendAlone(c);
                return change.run(c);
            }, null, null);
        }

        /**
         * PostgreSQL: a write of one statement under a savepoint of its own, the savepoint commands sent in front of
         * the statement (see {@link JdbcTransactions#writeInOne}). If the work fails before it sent them, nothing
         * reached the database: there is no savepoint to roll back to, and the previous write's release is still owed.
         * With a publisher ({@link JdbcTransactions#writeInOneAndPublish}), the announced event is published when the
         * write went through, and counts as written to the outbox, with the events before it, if the write took them.
         */
        <T> T writeInOne(OneStatementWrite<T> change, UnitEvents events, DomainEvent announced) {
            beforeStatement();
            writing++;
            try {
                return writeInOneNow(change, events, announced);
            } finally {
                writing--;
            }
        }

        private <T> T writeInOneNow(OneStatementWrite<T> change, UnitEvents events, DomainEvent announced) {
            String name = "crm_write_" + (++savepoints);
            String owed = unreleased;
            unreleased = null;
            int outboxedBefore = outboxed;
            List<DomainEvent> offered = List.of();
            if (announced != null) {
                List<DomainEvent> unwritten = new ArrayList<>(pending.size() - outboxed + 1);
                pending.subList(outboxed, pending.size()).forEach(p -> unwritten.add(p.event()));
                unwritten.add(announced);
                offered = unwritten;
            }
            Leading leading = new Leading((owed == null ? "" : "RELEASE SAVEPOINT " + owed + "; ") + "SAVEPOINT "
                    + name, offered, outbox, false, List.of(), joinedTexts);
            T result;
            try {
                result = change.run(connection, leading);
            } catch (Throwable e) {
                outboxed = outboxedBefore; // also the outbox rows of nested writes are rolled back
                if (!leading.sent) {
                    unreleased = owed;
                    throw unchecked(e);
                }
                unreleased = null;
                try (java.sql.Statement s = connection.createStatement()) {
                    s.execute("ROLLBACK TO SAVEPOINT " + name);
                } catch (SQLException undo) {
                    e.addSuppressed(undo);
                }
                throw unchecked(e);
            }
            if (announced != null) {
                // right after the events it was offered with: the one-statement work published none of its own
                int at = outboxedBefore + offered.size() - 1;
                pending.add(at, new Pending(events.subscriber, announced));
                if (leading.eventsTaken) {
                    outboxed = at + 1;
                }
            }
            if (!leading.sent) { // the work had nothing to send
                unreleased = owed;
                return result;
            }
            return released(name, result);
        }

        /** A failure of the connection (SQL state class 08, or none): the server may have run what was sent. */
        private boolean lostConnection(SQLException e) {
            return e.getSQLState() == null || e.getSQLState().startsWith("08");
        }

        private RuntimeException unchecked(Throwable e) {
            if (e instanceof SQLException sql) {
                return failure("a write failed", sql);
            }
            if (e instanceof Error error) {
                throw error;
            }
            return (RuntimeException) e;
        }

        /** After a write under the savepoint: its release owed to the next write or the commit, or sent now. */
        private <T> T released(String name, T result) {
            if (hostSavepoint != null) {
                // a unit on the host's connection: the host may set savepoints of its own between our writes, and a
                // late RELEASE of ours would release (destroy) theirs with it, so ours goes at once, as before
                try (java.sql.Statement s = connection.createStatement()) {
                    s.execute("RELEASE SAVEPOINT " + name);
                } catch (SQLException e) {
                    throw failure("a write failed", e);
                }
                return result;
            }
            unreleased = name; // also when a nested write left its own owed: releasing this one releases it
            return result;
        }

        Unit(Connection connection, boolean restoreAutoCommit, Savepoint hostSavepoint) {
            this.connection = connection;
            this.restoreAutoCommit = restoreAutoCommit;
            this.hostSavepoint = hostSavepoint;
        }

        void commit() {
            if (failed != null) {
                beforeStatement(); // throws: the unit rolls back
            }
            boolean sent = sendDeferred(true);
            try {
                if (!sent && outbox != null && outboxed < pending.size()) {
                    outbox.append(connection, pending.subList(outboxed, pending.size()).stream()
                            .map(Pending::event).toList());
                }
                if (hostSavepoint == null) {
                    try {
                        connection.commit(); // after a COMMIT sent with a deferred write, pgjdbc sends nothing
                    } catch (SQLException e) {
                        if (dialect.isTransient(e)) {
                            throw e; // the database refused the commit (a serialization failure): rolled back
                        }
                        // the database may have committed before the connection died: say so, never "rolled back"
                        throw new CommitOutcomeUnknownException(e);
                    }
                } else if (dialect != Dialect.MARIADB) {
                    connection.releaseSavepoint(hostSavepoint);
                }
                committed = true;
            } catch (SQLException e) {
                throw failure("the unit of work could not commit", e);
            }
        }

        void rollBack(Throwable cause) {
            pending.clear();
            outboxed = 0;
            deferred = null; // never sent: nothing of it to undo
            ahead.clear();
            try {
                if (hostSavepoint == null) {
                    connection.rollback();
                } else {
                    connection.rollback(hostSavepoint);
                }
            } catch (SQLException | RuntimeException e) { // the first error is the one to report
                rollbackFailed = true;
                cause.addSuppressed(e);
            }
        }

        void close() {
            try {
                if (restoreAutoCommit && !rollbackFailed) { // else closing ends the transaction, never committing it
                    connection.setAutoCommit(true);
                }
            } catch (SQLException ignored) {
                // the connection is closed next; a pool resets it
            } finally {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // nothing left to undo: the unit already committed or rolled back
                }
            }
        }

        void deliver() {
            List<Runnable> actions = committedActions == null ? List.of() : List.copyOf(committedActions);
            if (hostSavepoint == null) {
                publish(pending);
                actions.forEach(Runnable::run);
            } else if (hostCommit != null && !(pending.isEmpty() && actions.isEmpty())) {
                List<Pending> events = List.copyOf(pending);
                hostCommit.afterCommit(() -> { // the host commits later, or rolls back: never then
                    publish(events);
                    actions.forEach(Runnable::run);
                });
            }
            // else: the host commits later, or not, and only the outbox relay can deliver what it commits
        }

        private static void publish(List<Pending> events) {
            for (Pending p : events) {
                p.subscriber().publish(p.event());
            }
        }
    }
}
