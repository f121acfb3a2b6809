package dev.crmkit.spring;

import dev.crmkit.adapters.jdbc.EmbeddedDatabase;
import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.LeadEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The starter in a Spring Boot application on a real PostgreSQL (embedded), with its own Flyway migrations: crmkit's
 * tables are migrated after the host's, in the same schema, without {@code baselineOnMigrate}; a second node starts
 * on the same database; and an application without Flyway migrations starts on a schema that already has tables.
 */
@SpringBootTest(classes = StarterOnPostgresTest.App.class, properties = {
        "spring.flyway.locations=classpath:db/host-migration", "crmkit.default-region=DE",
        "crmkit.outbox.relay.enabled=false"})
class StarterOnPostgresTest {

    private static final String DATABASE = EmbeddedDatabase.newDatabase("starter");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EmbeddedDatabase.url(DATABASE));
        registry.add("spring.datasource.username", () -> "postgres");
    }

    @Autowired
    Notes notes;
    @Autowired
    AfterCommit afterCommit;
    @Autowired
    JdbcTemplate jdbc;

    /** The host application. */
    @SpringBootApplication
    static class App {
        @Bean
        Notes notes(JdbcTemplate jdbc, Crm crm) {
            return new Notes(jdbc, crm);
        }

        @Bean
        AfterCommit afterCommit() {
            return new AfterCommit();
        }
    }

    /** A service of the host that writes its own row and captures a lead in one transaction. */
    @Service
    static class Notes {
        private final JdbcTemplate jdbc;
        private final Crm crm;

        Notes(JdbcTemplate jdbc, Crm crm) {
            this.jdbc = jdbc;
            this.crm = crm;
        }

        @Transactional
        public CaptureOutcome noteAndCapture(String email, boolean fail) {
            jdbc.update("INSERT INTO host_note (text) VALUES (?)", "lead " + email);
            CaptureOutcome outcome = crm.capture().capture(LeadSubmission.from(Channel.WEB_FORM)
                    .name("Anna", "Berg").email(email).build());
            if (fail) {
                throw new IllegalStateException("the host's own work failed");
            }
            return outcome;
        }
    }

    /** Receives captures after commit, through Spring's transactional event listener. */
    static class AfterCommit {
        final List<LeadEvent.LeadCaptured> captured = new CopyOnWriteArrayList<>();

        @TransactionalEventListener
        public void on(LeadEvent.LeadCaptured event) {
            captured.add(event);
        }
    }

    private int count(String table, String email) {
        return email == null ? jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class)
                : jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE text = ?", Integer.class,
                "lead " + email);
    }

    @Test
    void theHostsMigrationsRanFirst_thenCrmkits_eachWithItsOwnHistory() {
        assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success",
                Integer.class));
        assertEquals(CrmkitScripts.of("postgresql"), jdbc.queryForObject("SELECT COUNT(*) FROM crm_schema_history WHERE success AND version <> '0'",
                Integer.class));
    }

    @Test
    void commit_keepsBoth_andTheListenerHearsOfIt_rollback_removesBoth() {
        CaptureOutcome kept = notes.noteAndCapture("kept@berg.example", false);
        CaptureOutcome.NewLeadNewContact created = assertInstanceOf(CaptureOutcome.NewLeadNewContact.class, kept);
        assertEquals(1, count("host_note", "kept@berg.example"));
        assertTrue(afterCommit.captured.stream().anyMatch(e -> e.leadId().equals(created.capturedLead().id())));

        int leadsBefore = count("crm_lead", null);
        int heardBefore = afterCommit.captured.size();
        assertThrows(IllegalStateException.class, () -> notes.noteAndCapture("gone@berg.example", true));
        assertEquals(0, count("host_note", "gone@berg.example"));
        assertEquals(leadsBefore, count("crm_lead", null));
        assertEquals(heardBefore, afterCommit.captured.size());
    }

    @Test
    void aSecondNode_startsOnTheSameDatabase_andSharesTheData() {
        notes.noteAndCapture("shared@berg.example", false);
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(App.class)
                .properties("spring.flyway.locations=classpath:db/host-migration", "crmkit.default-region=DE",
                        "crmkit.outbox.relay.enabled=false", "spring.main.banner-mode=off",
                        "spring.datasource.url=" + EmbeddedDatabase.url(DATABASE),
                        "spring.datasource.username=postgres")
                .run()) {
            Crm other = second.getBean(Crm.class);
            assertTrue(other.customers().contactByEmail("shared@berg.example").isPresent());
        }
    }

    @Test
    void anApplicationWithoutFlywayMigrations_startsOnASchemaThatAlreadyHasTables() {
        String legacy = EmbeddedDatabase.newDatabase("legacy");
        new JdbcTemplate(EmbeddedDatabase.dataSource(legacy)).execute("CREATE TABLE invoice (id bigint PRIMARY KEY)");
        String[] properties = {"crmkit.default-region=DE", "crmkit.outbox.relay.enabled=false",
                "spring.main.banner-mode=off", "spring.datasource.url=" + EmbeddedDatabase.url(legacy),
                "spring.datasource.username=postgres"};

        // what crmkit's flyway-core on the class path did before: Boot's Flyway refused the non-empty schema
        Exception refused = assertThrows(Exception.class, () -> SpringApplication.exit(
                new SpringApplicationBuilder(Bare.class).properties(properties)
                        .properties("spring.flyway.enabled=true").run()));
        assertTrue(String.valueOf(rootCause(refused).getMessage()).contains("non-empty schema"),
                String.valueOf(rootCause(refused).getMessage()));

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Bare.class).properties(properties)
                .run()) {
            assertEquals(CrmkitScripts.of("postgresql"), app.getBean(CrmkitSchema.class).migrationsRun());
            assertEquals("false", app.getEnvironment().getProperty("spring.flyway.enabled"));
        }
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    /** A host without Flyway migrations of its own. */
    @SpringBootApplication
    static class Bare {
    }
}
