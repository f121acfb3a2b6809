package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How many statements MariaDB runs to write the leads a bulk capture chunk folds repeats into, counted on the client:
 * every execution of a prepared statement is one, and so is every row added to a JDBC batch (MariaDB Connector/J runs
 * a batched UPDATE as one statement a row). Not timed.
 */
class FoldedLeadStatementsTest {

    private static final Instant AT = Instant.parse("2026-12-06T09:00:00Z");
    private static final int FOLDED = 6;

    @Test
    void mariadb_aChunkFoldingSixStoredLeads_writesTheirRowsAndNameKeysWithOneStatementEach() {
        DataSource ds = TestDatabase.MARIADB.isolated();
        try {
            Map<String, Integer> statements = new TreeMap<>();
            JdbcCrmStore store = JdbcCrmStore.builder(counting(ds, statements)).build();
            Crm crm = Crm.builder().store(store).clock(Clock.fixed(AT, ZoneOffset.UTC)).ids(IdGenerator.seeded(82))
                    .defaultRegion("DE").build();
            List<Lead> stored = new ArrayList<>();
            List<LeadSubmission> chunk = new ArrayList<>();
            for (int i = 0; i < FOLDED; i++) {
                stored.add(crm.capture().capture(LeadSubmission.from(Channel.WEB_FORM).email("f" + i + "@example.org")
                        .build()).lead().orElseThrow());
                chunk.add(LeadSubmission.from(Channel.IMPORT).name("Kathy", "Smith").email("f" + i + "@example.org")
                        .build());
            }
            statements.clear();

            crm.bulkCapture().captureAll(chunk);

            assertEquals(1, statements.entrySet().stream().filter(e -> e.getKey().startsWith("UPDATE crm_lead "))
                    .mapToInt(Map.Entry::getValue).sum(), statements.toString());
            assertEquals(1, statements.getOrDefault("INSERT INTO crm_lead_name_key ", 0), statements.toString());
            assertEquals(0, statements.getOrDefault("DELETE FROM crm_lead_name_key ", 0), statements.toString());
            for (Lead lead : stored) {
                Lead now = store.leads().findById(lead.id()).orElseThrow();
                assertEquals(2, now.version(), "stored at 1, folded once");
                assertEquals("Kathy", now.name().first());
            }
        } finally {
            TestDatabase.close(ds);
        }
    }

    /** Counts statements by the first three words of their SQL. */
    private static DataSource counting(DataSource target, Map<String, Integer> statements) {
        return proxy(DataSource.class, target, (method, result, args) -> result instanceof Connection c
                ? proxy(Connection.class, c, (m, r, a) -> r instanceof PreparedStatement ps
                        ? proxy(PreparedStatement.class, ps, (sm, sr, sa) -> {
                            if (sm.getName().equals("addBatch") || sm.getName().startsWith("execute")
                                    && !sm.getName().equals("executeBatch")) {
                                statements.merge(head((String) a[0]), 1, Integer::sum);
                            }
                            return sr;
                        })
                        : r)
                : result);
    }

    private static String head(String sql) {
        String[] words = sql.split(" ", 4);
        return words.length < 3 ? sql : words[0] + " " + words[1] + " " + words[2] + " ";
    }

    private interface After {
        Object apply(Method method, Object result, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, After after) {
        return type.cast(Proxy.newProxyInstance(FoldedLeadStatementsTest.class.getClassLoader(), new Class<?>[] {type},
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
