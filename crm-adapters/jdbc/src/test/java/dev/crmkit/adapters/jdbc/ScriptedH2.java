package dev.crmkit.adapters.jdbc;

import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * An H2 database in memory with one table {@code t (x INT)}, whose connections record the calls made on them and
 * throw, instead of running it, a call they are told to fail ({@code "rollback"}, {@code "setAutoCommit(true)"}):
 * the real driver underneath, so a half-done write that something commits is really there to find. H2, as pgjdbc and
 * MariaDB's driver, commits an open transaction when auto-commit is switched back on.
 */
final class ScriptedH2 {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Set<String> TRANSACTION_CALLS = Set.of("setAutoCommit", "setTransactionIsolation", "commit",
            "rollback");

    private final JdbcDataSource h2 = new JdbcDataSource();
    private final List<String> calls = new ArrayList<>();
    private final Map<String, Throwable> failures = new HashMap<>();

    ScriptedH2() {
        h2.setURL("jdbc:h2:mem:scripted_" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        sql("CREATE TABLE t (x INT)");
    }

    /** Fails {@code call} (a method name, or a name with its arguments) with {@code failure}, each time it is made. */
    ScriptedH2 failing(String call, Throwable failure) {
        failures.put(call, failure);
        return this;
    }

    /** A new connection, recording and failing as told. */
    Connection connection() throws SQLException {
        Connection target = h2.getConnection();
        InvocationHandler handler = (proxy, method, args) -> {
            String call = method.getName() + (args == null ? "" : Arrays.stream(args).map(String::valueOf)
                    .collect(Collectors.joining(", ", "(", ")")));
            calls.add(call);
            Throwable failure = failures.getOrDefault(call, failures.get(method.getName()));
            if (failure != null) {
                throw failure;
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }

    /** A data source handing out {@link #connection()}s (and nothing else). */
    DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && args == null) {
                        return connection();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Every call made on the connections, in order, with its arguments. */
    List<String> calls() {
        return calls;
    }

    /** The calls that begin, end or restore a transaction: auto-commit, isolation, commit, rollback. */
    List<String> transactionCalls() {
        return calls.stream().filter(c -> TRANSACTION_CALLS.contains(c.replaceFirst("\\(.*", ""))).toList();
    }

    /** How many times {@code call} was made (committed or not). */
    long count(String call) {
        return calls.stream().filter(call::equals).count();
    }

    /** The values in {@code t} as another connection sees them: what was committed. */
    List<Integer> committed() {
        List<Integer> values = new ArrayList<>();
        try (Connection c = h2.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT x FROM t ORDER BY x")) {
            while (rs.next()) {
                values.add(rs.getInt(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    /** How many rows {@code table} holds as another connection sees it. */
    int committedRows(String table) {
        try (Connection c = h2.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a statement on an unrecorded connection in auto-commit. */
    void sql(String statement) {
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Inserts {@code x} into {@code t} on {@code c}. */
    static void insert(Connection c, int x) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO t (x) VALUES (" + x + ")");
        }
    }

    /** Throws {@code e}, checked or not, from anywhere. */
    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
        throw (E) e;
    }
}
