package dev.crmkit.adapters.jdbc;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

/**
 * A data source that counts, by the first three words of their SQL, the statements MariaDB runs for the prepared
 * statements of its connections, as the client sees them: every execution is one; a JDBC batch of an INSERT is one
 * (MariaDB Connector/J 3 sends it as one bulk command, {@code useBulkStmtsForInserts}), a batch of anything else is
 * one statement a row (the driver's {@code useBulkStmts} is off by default, so it runs them one by one). Not timed.
 */
final class StatementCounter {

    private StatementCounter() {
    }

    /** The data source over {@code target}, adding to {@code statements}. */
    static DataSource counting(DataSource target, Map<String, Integer> statements) {
        return proxy(DataSource.class, target, (method, result, args) -> result instanceof Connection c
                ? proxy(Connection.class, c, (m, r, a) -> {
                    if (!(r instanceof PreparedStatement ps)) {
                        return r;
                    }
                    String head = head((String) a[0]); // once a statement, not for each parameter it binds
                    boolean insert = head.startsWith("INSERT ");
                    return proxy(PreparedStatement.class, ps, (sm, sr, sa) -> {
                        String name = sm.getName();
                        if (name.equals("addBatch") && !insert || name.equals("executeBatch") && insert
                                || name.startsWith("execute") && !name.equals("executeBatch")) {
                            statements.merge(head, 1, Integer::sum);
                        }
                        return sr;
                    });
                })
                : result);
    }

    /** The data source over {@code target}, adding the SQL of every statement its connections prepare to texts. */
    static DataSource recording(DataSource target, List<String> texts) {
        return proxy(DataSource.class, target, (m, r, a) -> r instanceof Connection c
                ? proxy(Connection.class, c, (cm, cr, ca) -> {
                    if (cm.getName().equals("prepareStatement")) {
                        texts.add((String) ca[0]);
                    }
                    return cr;
                })
                : r);
    }

    /** The statements counted whose head starts with {@code prefix}. */
    static int starting(Map<String, Integer> statements, String prefix) {
        return statements.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToInt(Map.Entry::getValue).sum();
    }

    /**
     * The first three words; for PostgreSQL's multi-row update ({@code WITH v (p0, ... UPDATE table t ...},
     * {@link Jdbc#updateRowsById}) the table it updates too, as {@code "WITH v (p0, UPDATE table "}.
     */
    private static String head(String sql) {
        String[] words = sql.split(" ", 4);
        String head = words.length < 3 ? sql : words[0] + " " + words[1] + " " + words[2] + " ";
        int update = head.equals("WITH v (p0, ") ? sql.indexOf(") UPDATE ") : -1;
        if (update < 0) {
            return head;
        }
        int table = update + ") UPDATE ".length();
        return head + "UPDATE " + sql.substring(table, sql.indexOf(' ', table)) + " ";
    }

    /** What a {@link #proxy} does after each call, with its result. */
    interface After {
        Object apply(Method method, Object result, Object[] args) throws Throwable;
    }

    /** A proxy of {@code target} that runs each call, then {@code after} with its result, returning what that returns. */
    static <T> T proxy(Class<T> type, T target, After after) {
        return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    return after.apply(method, result, args);
                }));
    }
}
