package dev.crmkit.examples.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The time limits the {@code crm} program gives each JDBC driver, so that a server that accepts the connection and
 * never answers, or stops answering later, ends in a one-line error instead of a hang: a connect timeout for the TCP
 * connection, a login timeout for the whole start of a session (PostgreSQL), and a socket timeout for every read
 * after it, above the store's query timeout ({@link dev.crmkit.adapters.jdbc.JdbcCrmStore#DEFAULT_QUERY_TIMEOUT}) so a
 * slow statement is cancelled cleanly before the connection is given up. On H2 a lock another session holds is waited
 * for {@link #H2_LOCK}. A setting the URL names itself is left to the URL.
 */
final class DriverTimeouts {

    /** The time to open the TCP connection. */
    static final Duration CONNECT = Duration.ofSeconds(10);

    /** The time to open a session: connection, TLS negotiation and login (PostgreSQL's {@code loginTimeout}). */
    static final Duration LOGIN = Duration.ofSeconds(20);

    /** The longest wait for any answer of the server once connected. */
    static final Duration SOCKET = Duration.ofSeconds(60);

    /** How long an H2 statement waits for a lock another session holds. */
    static final Duration H2_LOCK = Duration.ofSeconds(10);

    private DriverTimeouts() {
    }

    /**
     * The driver properties that set the time limits for a JDBC URL, leaving out those the URL sets itself; empty for
     * a driver the program does not know.
     */
    static Map<String, String> forUrl(String url) {
        Map<String, String> properties = new LinkedHashMap<>();
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) { // the PostgreSQL driver counts in seconds
            properties.put("connectTimeout", String.valueOf(CONNECT.toSeconds()));
            properties.put("loginTimeout", String.valueOf(LOGIN.toSeconds()));
            properties.put("socketTimeout", String.valueOf(SOCKET.toSeconds()));
        } else if (lower.startsWith("jdbc:mariadb:")) { // MariaDB's in milliseconds; its connect covers the login
            properties.put("connectTimeout", String.valueOf(LOGIN.toMillis()));
            properties.put("socketTimeout", String.valueOf(SOCKET.toMillis()));
        } else if (lower.startsWith("jdbc:h2:")) {
            properties.put("LOCK_TIMEOUT", String.valueOf(H2_LOCK.toMillis()));
        }
        properties.keySet().removeIf(name -> lower.matches("(?s).*[?&;]\\s*" + name.toLowerCase(Locale.ROOT)
                + "\\s*=.*"));
        return properties;
    }

    /** The longest a connection attempt to the URL may take before the driver gives up. */
    static Duration connectionLimit(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:") ? CONNECT : LOGIN;
    }
}
