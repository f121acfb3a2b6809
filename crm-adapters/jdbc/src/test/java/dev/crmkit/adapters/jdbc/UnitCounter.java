package dev.crmkit.adapters.jdbc;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the units of work begun on a data source (each a {@code setAutoCommit(false)} on a connection it handed
 * out), so a test can tell a unit that ran once from one that was rerun, without timing anything.
 */
final class UnitCounter {

    private final AtomicInteger begun = new AtomicInteger();
    private final DataSource dataSource;

    UnitCounter(DataSource target) {
        this.dataSource = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{DataSource.class}, (proxy, method, args) -> {
                    Object result = call(target, method, args);
                    return result instanceof Connection c ? counting(c) : result;
                });
    }

    /** The counting data source. */
    DataSource dataSource() {
        return dataSource;
    }

    /** How many units of work were begun so far. */
    int begun() {
        return begun.get();
    }

    private Connection counting(Connection target) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("setAutoCommit") && Boolean.FALSE.equals(args[0])) {
                        begun.incrementAndGet();
                    }
                    return call(target, method, args);
                });
    }

    /** Calls the method on the proxied target, throwing what it throws. */
    static Object call(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
