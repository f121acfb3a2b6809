package dev.crmkit.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The {@code crmkit.*} settings of a Spring Boot host. Every one has a default, so a host that sets nothing but a
 * {@code DataSource} starts.
 */
@ConfigurationProperties(prefix = "crmkit")
public class CrmkitProperties {

    /** ISO 3166 region national phone numbers (without a country code) are read in. */
    private String defaultRegion = "US";

    /** Prefix of every crmkit table name and of crmkit's Flyway history table ({@code <prefix>schema_history}). */
    private String tablePrefix = "crm_";

    /** When the follow-up task of a new lead's owner is due after capture; zero turns the task off. */
    private Duration followUpDelay = Duration.ofHours(24);

    /** Whether crmkit migrates its own tables at start-up (after the application's own Flyway migrations). */
    private boolean migrate = true;

    private final Outbox outbox = new Outbox();

    /** The region national phone numbers are read in. */
    public String getDefaultRegion() {
        return defaultRegion;
    }

    /** Sets the region national phone numbers are read in. */
    public void setDefaultRegion(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /** The table prefix. */
    public String getTablePrefix() {
        return tablePrefix;
    }

    /** Sets the table prefix. */
    public void setTablePrefix(String tablePrefix) {
        this.tablePrefix = tablePrefix;
    }

    /** When a new lead's follow-up task is due. */
    public Duration getFollowUpDelay() {
        return followUpDelay;
    }

    /** Sets when a new lead's follow-up task is due. */
    public void setFollowUpDelay(Duration followUpDelay) {
        this.followUpDelay = followUpDelay;
    }

    /** Whether crmkit migrates its tables at start-up. */
    public boolean isMigrate() {
        return migrate;
    }

    /** Sets whether crmkit migrates its tables at start-up. */
    public void setMigrate(boolean migrate) {
        this.migrate = migrate;
    }

    /** The outbox settings. */
    public Outbox getOutbox() {
        return outbox;
    }

    /** The {@code crmkit.outbox.*} settings. */
    public static class Outbox {

        private final Relay relay = new Relay();

        /** The relay settings. */
        public Relay getRelay() {
            return relay;
        }
    }

    /** The {@code crmkit.outbox.relay.*} settings: the relay that delivers the outbox as {@code OutboxMessage} events. */
    public static class Relay {

        /** Whether the outbox relay runs with the application context. */
        private boolean enabled = true;

        /** How long the relay waits after a round before polling again. */
        private Duration pollInterval = Duration.ofSeconds(1);

        /** How many events one relay batch (one transaction) delivers at most, from 1 to 10000. */
        private int batchSize = 100;

        /** Whether the relay runs. */
        public boolean isEnabled() {
            return enabled;
        }

        /** Sets whether the relay runs. */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** The poll interval. */
        public Duration getPollInterval() {
            return pollInterval;
        }

        /** Sets the poll interval. */
        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        /** The batch size. */
        public int getBatchSize() {
            return batchSize;
        }

        /** Sets the batch size. */
        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }
    }
}
