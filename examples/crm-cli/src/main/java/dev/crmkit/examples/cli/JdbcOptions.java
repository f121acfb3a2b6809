package dev.crmkit.examples.cli;

import com.zaxxer.hikari.HikariDataSource;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.util.Map;
import java.util.Optional;

/**
 * The options that point a command at a database of one's own: {@code --jdbc-url}, {@code --jdbc-user} and
 * {@code --jdbc-password}. Each falls back to an environment variable ({@code CRM_JDBC_URL}, {@code CRM_JDBC_USER},
 * {@code CRM_JDBC_PASSWORD}); the option wins. The fallback is wired by {@link CrmCommand#commandLine(Map)}.
 */
public final class JdbcOptions {

    /** The environment variable behind each option. */
    static final Map<String, String> ENVIRONMENT = Map.of(
            "--jdbc-url", "CRM_JDBC_URL",
            "--jdbc-user", "CRM_JDBC_USER",
            "--jdbc-password", "CRM_JDBC_PASSWORD");

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "A PostgreSQL (jdbc:postgresql://host:5432/db) or MariaDB (jdbc:mariadb://host:3306/db) "
                    + "database to use instead; env CRM_JDBC_URL. crmkit creates or updates its tables (crm_*) "
                    + "there on every start.")
    String url;

    @Option(names = "--jdbc-user", paramLabel = "USER", description = "The database user; env CRM_JDBC_USER.")
    String user;

    @Option(names = "--jdbc-password", paramLabel = "PASSWORD",
            description = "The database password; env CRM_JDBC_PASSWORD (safer: not in the process list).")
    String password;

    /** The URL given by option or environment, if any. */
    Optional<String> url() {
        return Optional.ofNullable(url).map(String::strip).filter(s -> !s.isEmpty());
    }

    Optional<String> user() {
        return Optional.ofNullable(user).filter(s -> !s.isEmpty());
    }

    Optional<String> password() {
        return Optional.ofNullable(password).filter(s -> !s.isEmpty());
    }

    /**
     * A connection pool on the database of the options, if a URL is given.
     *
     * @throws ParameterException naming {@code --jdbc-url} when it is not a JDBC URL crmkit speaks
     */
    Optional<HikariDataSource> pool(CommandSpec spec) {
        if (url().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Database.pool(url().get(), user(), password()));
        } catch (Database.BadUrlException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--jdbc-url': "
                    + e.getMessage());
        }
    }
}
