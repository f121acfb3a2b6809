package dev.crmkit.spring;

import dev.crmkit.adapters.jdbc.JdbcCrmStore;
import dev.crmkit.adapters.json.CrmkitModule;
import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.LeadEvent;
import dev.crmkit.core.task.Task;
import dev.crmkit.pipeline.DealPipeline;
import dev.crmkit.service.ServiceDesk;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.MoveDeal;
import dev.crmkit.pipeline.deal.OpenDeal;
import dev.crmkit.pipeline.deal.StageChange;
import dev.crmkit.pipeline.definition.Actor;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.Presets;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each condition and each {@code crmkit.*} property of the auto-configuration, on H2 databases of their own. */
class CrmkitAutoConfigurationTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CrmkitAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class))
            .withPropertyValues("crmkit.outbox.relay.enabled=false")
            .withUserConfiguration(Host.class);

    /** The host: a data source on a new H2 database and a fixed clock. */
    @Configuration(proxyBeanMethods = false)
    static class Host {
        @Bean
        DataSource dataSource() {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:starter" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
            return ds;
        }

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Bean
        Events events() {
            return new Events();
        }
    }

    /** Every domain event the context published, and whether a transaction was open when it arrived. */
    static class Events implements ApplicationListener<ApplicationEvent> {
        final List<DomainEvent> received = new CopyOnWriteArrayList<>();

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof DomainEvent e) {
                received.add(e);
            }
        }
    }

    private static LeadSubmission anna() {
        return LeadSubmission.from(Channel.WEB_FORM).name("Anna", "Berg").email("anna@berg.example")
                .phone("030 901820").build();
    }

    @Test
    void withoutADataSource_nothingIsWired() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CrmkitAutoConfiguration.class))
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertTrue(context.getBeansOfType(Crm.class).isEmpty());
                });
    }

    @Test
    void withoutTheJdbcStore_nothingIsWired() {
        runner.withClassLoader(new FilteredClassLoader(JdbcCrmStore.class)).run(context -> {
            assertNull(context.getStartupFailure());
            assertTrue(context.getBeansOfType(Crm.class).isEmpty());
        });
    }

    @Test
    void aMessageChannel_addsTheCampaignsOnTheSameStore_andNoChannelNoCampaigns() {
        dev.crmkit.campaigns.messaging.MessageChannel channel =
                m -> new dev.crmkit.campaigns.messaging.SendResult.Accepted("<" + m.idempotencyKey() + ">");
        runner.withBean(dev.crmkit.campaigns.messaging.MessageChannel.class, () -> channel).run(context -> {
            assertNull(context.getStartupFailure());
            dev.crmkit.campaigns.delivery.Campaigns campaigns =
                    context.getBean(dev.crmkit.campaigns.delivery.Campaigns.class);
            SpringCrmStore store = context.getBean(SpringCrmStore.class);
            assertSame(store.campaignStores().enrollments().getClass(), campaigns.enrollments().getClass());
            dev.crmkit.campaigns.message.DueMessage m = new dev.crmkit.campaigns.message.DueMessage("c1", "birthday",
                    1, "2026", java.time.LocalDate.of(2026, 3, 3), java.time.LocalDate.of(2026, 3, 10),
                    dev.crmkit.campaigns.message.MessageKind.MARKETING);
            assertTrue(campaigns.messages().schedule(m));
            assertTrue(store.campaignStores().messages().find(m.key()).isPresent(), "one ledger: the store's");
        });
        runner.run(context -> assertTrue(context.getBeansOfType(dev.crmkit.campaigns.delivery.Campaigns.class)
                .isEmpty()));
    }

    @Test
    void aDataSource_isEnough_forEveryEntryPointOnOneMigratedStore() {
        runner.run(context -> {
            assertNull(context.getStartupFailure());
            SpringCrmStore store = context.getBean(SpringCrmStore.class);
            assertSame(store, context.getBean(Crm.class).store());
            assertNotNull(context.getBean(DealPipeline.class));
            assertNotNull(context.getBean(ServiceDesk.class));
            assertSame(store.jdbc(), context.getBean(JdbcCrmStore.class));
            assertEquals("crm_", store.jdbc().tablePrefix());
            assertEquals(CrmkitScripts.of("h2"), context.getBean(CrmkitSchema.class).migrationsRun());
            assertNotNull(context.getBean(CrmkitModule.class));
        });
    }

    @Test
    void springsObjectMapper_writesCrmkitsTypes() {
        runner.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class)).run(context -> {
            ObjectMapper mapper = context.getBean(ObjectMapper.class);
            assertEquals("{\"amount\":\"12.50\",\"currency\":\"EUR\"}",
                    mapper.writeValueAsString(dev.crmkit.core.kernel.Money.of("12.50", "EUR")));
            assertEquals("\"anna@berg.example\"",
                    mapper.writeValueAsString(dev.crmkit.core.kernel.EmailAddress.parse("anna@berg.example")));
        });
    }

    @Test
    void tablePrefix_namesTheTablesAndTheirHistory() {
        runner.withPropertyValues("crmkit.table-prefix=erp_crm_", "crmkit.default-region=DE").run(context -> {
            assertEquals("erp_crm_", context.getBean(JdbcCrmStore.class).tablePrefix());
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            assertEquals(CrmkitScripts.of("h2"), jdbc.queryForObject("SELECT COUNT(*) FROM \"erp_crm_schema_history\" WHERE \"success\" AND \"version\" <> '0'",
                    Integer.class));
            assertInstanceOf(CaptureOutcome.NewLeadNewContact.class, context.getBean(Crm.class).capture().capture(anna()));
            assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM erp_crm_lead", Integer.class));
        });
    }

    @Test
    void tablePrefix_malformed_failsTheStartNamingIt() {
        runner.withPropertyValues("crmkit.table-prefix=Bad-Prefix").run(context -> {
            Throwable failure = context.getStartupFailure();
            assertNotNull(failure);
            assertTrue(rootMessage(failure).contains("tablePrefix must be"), rootMessage(failure));
        });
    }

    @Test
    void migrate_false_leavesTheSchemaToTheHost() {
        runner.withPropertyValues("crmkit.migrate=false").run(context -> {
            assertEquals(0, context.getBean(CrmkitSchema.class).migrationsRun());
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables "
                    + "WHERE LOWER(table_name) LIKE 'crm_%'", Integer.class));
        });
    }

    @Test
    void defaultRegion_readsNationalPhoneNumbers() {
        runner.withPropertyValues("crmkit.default-region=DE").run(context -> {
            CaptureOutcome outcome = context.getBean(Crm.class).capture().capture(anna());
            CaptureOutcome.NewLeadNewContact created = assertInstanceOf(CaptureOutcome.NewLeadNewContact.class,
                    outcome);
            assertEquals("+4930901820", created.contact().phones().get(0).e164());
        });
    }

    @Test
    void followUpDelay_setsWhenTheOwnersTaskIsDue() {
        runner.withPropertyValues("crmkit.default-region=DE", "crmkit.follow-up-delay=2h").run(context -> {
            Crm crm = context.getBean(Crm.class);
            LeadSubmission owned = LeadSubmission.from(Channel.WEB_FORM).name("Anna", "Berg")
                    .email("anna@berg.example").owner(dev.crmkit.core.kernel.UserId.of("alice")).build();
            CaptureOutcome.NewLeadNewContact created = assertInstanceOf(CaptureOutcome.NewLeadNewContact.class,
                    crm.capture().capture(owned));
            List<Task> tasks = crm.tasks().openAbout(new dev.crmkit.core.kernel.RecordRef(
                    dev.crmkit.core.kernel.RecordType.LEAD, created.capturedLead().id().value()));
            assertEquals(1, tasks.size(), tasks.toString());
            assertEquals(NOW.plus(Duration.ofHours(2)), tasks.get(0).due());
        });
    }

    @Test
    void events_arriveAfterTheHostCommits_andNeverForRolledBackWork() {
        runner.withPropertyValues("crmkit.default-region=DE").run(context -> {
            Crm crm = context.getBean(Crm.class);
            Events events = context.getBean(Events.class);
            TransactionTemplate tx = context.getBean(TransactionTemplate.class);

            tx.executeWithoutResult(status -> {
                crm.capture().capture(anna());
                status.setRollbackOnly();
            });
            assertTrue(events.received.isEmpty(), events.received.toString());
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM crm_lead", Integer.class));

            tx.executeWithoutResult(status -> {
                crm.capture().capture(anna());
                assertTrue(events.received.isEmpty(), "an event arrived before the commit");
            });
            assertInstanceOf(LeadEvent.LeadCaptured.class, events.received.stream()
                    .filter(e -> e instanceof LeadEvent.LeadCaptured).findFirst().orElseThrow());
            assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM crm_lead", Integer.class));
        });
    }

    @Test
    void events_outsideAHostTransaction_arriveAfterCrmkitsOwnCommit() {
        runner.withPropertyValues("crmkit.default-region=DE").run(context -> {
            context.getBean(Crm.class).capture().capture(anna());
            assertEquals(1, context.getBean(Events.class).received.stream()
                    .filter(e -> e instanceof LeadEvent.LeadCaptured).count());
        });
    }

    @Test
    void events_inATransactionOfAnotherDataSource_arriveOnce_afterCrmkitsOwnCommit() {
        runner.withPropertyValues("crmkit.default-region=DE").run(context -> {
            JdbcDataSource other = new JdbcDataSource();
            other.setURL("jdbc:h2:mem:other" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
            TransactionTemplate elsewhere = new TransactionTemplate(
                    new org.springframework.jdbc.datasource.DataSourceTransactionManager(other));
            Events events = context.getBean(Events.class);

            elsewhere.executeWithoutResult(status -> context.getBean(Crm.class).capture().capture(anna()));

            assertEquals(1, events.received.stream().filter(e -> e instanceof LeadEvent.LeadCaptured).count(),
                    events.received.toString());
        });
    }

    @Test
    void events_ofAUnitThatFailed_neverArrive_evenWhenTheHostCommits() {
        runner.withPropertyValues("crmkit.default-region=DE").run(context -> {
            Crm crm = context.getBean(Crm.class);
            Events events = context.getBean(Events.class);
            TransactionTemplate tx = context.getBean(TransactionTemplate.class);
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));

            tx.executeWithoutResult(status -> {
                try {
                    crm.store().transactions().inTransaction(() -> {
                        crm.capture().capture(anna());
                        throw new IllegalStateException("the unit fails after the capture");
                    });
                } catch (IllegalStateException expected) {
                    // the host goes on and commits its own work
                }
            });

            assertTrue(events.received.isEmpty(), events.received.toString());
            assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM crm_lead", Integer.class));
        });
    }

    @Test
    void anApplicationsOwnCrmkit_replacesCrmkits_andTheEntryPointsFollowIt() {
        dev.crmkit.adapters.memory.InMemoryCrmStore memory = dev.crmkit.adapters.memory.InMemoryCrmStore.create();
        runner.withBean("myCrmkit", dev.crmkit.kit.Crmkit.class, () -> dev.crmkit.kit.Crmkit.builder()
                        .store(memory).defaultRegion("FR").build())
                .run(context -> {
                    assertEquals(1, context.getBeansOfType(dev.crmkit.kit.Crmkit.class).size());
                    assertSame(memory, context.getBean(Crm.class).store());
                    // the DealPipeline bean works on the application's store, with no cast anywhere
                    Pipeline b2b = context.getBean(DealPipeline.class).definePipeline(Presets.b2b());
                    assertTrue(memory.pipelines().findById(b2b.id()).isPresent());
                });
    }

    @Test
    void relay_isOnByDefault_andStartsAndStopsWithTheContext_andItsHealthSaysSo() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CrmkitAutoConfiguration.class))
                .withUserConfiguration(Host.class)
                .run(context -> {
                    OutboxRelayLifecycle relay = context.getBean(OutboxRelayLifecycle.class);
                    HealthIndicator health = context.getBean(HealthIndicator.class);
                    assertTrue(relay.isRunning());
                    assertEquals(Status.UP, health.health().getStatus());
                    relay.stop();
                    assertEquals(Status.DOWN, health.health().getStatus());
                    relay.start();
                    assertTrue(relay.isRunning());
                    context.close();
                    assertFalse(relay.isRunning());
                });
    }

    @Test
    void relay_enabledFalse_leavesNoRelayAndNoHealthIndicator() {
        runner.run(context -> {
            assertTrue(context.getBeansOfType(OutboxRelayLifecycle.class).isEmpty());
            assertTrue(context.getBeansOfType(HealthIndicator.class).isEmpty());
        });
    }

    @Test
    void relay_batchSizeAndPollInterval_areChecked_namingTheSetting() {
        runner.withPropertyValues("crmkit.outbox.relay.enabled=true", "crmkit.outbox.relay.batch-size=0")
                .run(context -> assertTrue(rootMessage(context.getStartupFailure()).contains("batchSize"),
                        rootMessage(context.getStartupFailure())));
        runner.withPropertyValues("crmkit.outbox.relay.enabled=true", "crmkit.outbox.relay.poll-interval=0s")
                .run(context -> assertTrue(rootMessage(context.getStartupFailure()).contains("pollInterval"),
                        rootMessage(context.getStartupFailure())));
    }

    @Test
    void relay_deliversCommittedEventsAsOutboxMessages_inBatchesOfTheConfiguredSize() {
        runner.withPropertyValues("crmkit.default-region=DE", "crmkit.outbox.relay.enabled=true",
                        "crmkit.outbox.relay.batch-size=1", "crmkit.outbox.relay.poll-interval=50ms")
                .withBean(Messages.class)
                .run(context -> {
                    context.getBean(Crm.class).capture().capture(anna());
                    OutboxRelayLifecycle relay = context.getBean(OutboxRelayLifecycle.class);
                    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (relay.pendingCount() > 0 && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    assertEquals(0, relay.pendingCount());
                    assertTrue(context.getBean(Messages.class).received.stream()
                            .anyMatch(m -> m.event() instanceof LeadEvent.LeadCaptured));
                    HealthIndicator health = context.getBean(HealthIndicator.class);
                    assertEquals(Status.UP, health.health().getStatus());
                    assertEquals(0L, health.health().getDetails().get("pending"));
                });
    }

    /** The relay's messages the host received. */
    static class Messages implements ApplicationListener<ApplicationEvent> {
        final List<dev.crmkit.adapters.jdbc.OutboxMessage> received = new CopyOnWriteArrayList<>();

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (event instanceof PayloadApplicationEvent<?> payload
                    && payload.getPayload() instanceof dev.crmkit.adapters.jdbc.OutboxMessage message) {
                received.add(message);
            }
        }
    }

    @Test
    void withoutActuator_noHealthIndicator() {
        runner.withPropertyValues("crmkit.outbox.relay.enabled=true")
                .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertTrue(context.getBeanNamesForType(OutboxRelayLifecycle.class).length == 1);
                    assertFalse(context.containsBean("crmkitOutboxRelayHealthIndicator"));
                });
    }

    @Test
    void withAMeterRegistry_capturesAndRefusedMovesAreCounted_andTheOutboxIsGauged() {
        runner.withPropertyValues("crmkit.default-region=DE")
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> {
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    Crm crm = context.getBean(Crm.class);
                    crm.capture().capture(anna());
                    crm.capture().capture(LeadSubmission.from(Channel.WEB_FORM).name("Ben", "Kurz")
                            .email("ben@kurz.example").build());
                    assertEquals(2.0, registry.get("crmkit.captures").tag("outcome", "new-contact").counter().count());

                    DealPipeline pipelines = context.getBean(DealPipeline.class);
                    Pipeline b2b = pipelines.definePipeline(Presets.b2b());
                    Deal deal = pipelines.open(OpenDeal.of(b2b.id(), "50 seats",
                            dev.crmkit.core.kernel.Money.of("12000.00", "EUR"), Actor.of("alice")));
                    StageChange change = pipelines.move(MoveDeal.to(deal.id(), "Lost", Actor.of("alice")));
                    assertInstanceOf(StageChange.StageChangeRejected.class, change);
                    assertEquals(1.0, registry.get("crmkit.deal.moves.refused").counter().count());

                    // the relay is off: every event of the test is pending
                    long events = new JdbcTemplate(context.getBean(DataSource.class))
                            .queryForObject("SELECT COUNT(*) FROM crm_outbox", Long.class);
                    assertTrue(events >= 2, "events: " + events);
                    assertEquals((double) events, registry.get("crmkit.outbox.pending").gauge().value());
                    // all of them happened at the fixed clock's now, which is also the gauge's now
                    assertEquals(0.0, registry.get("crmkit.outbox.lag").gauge().value());
                });
    }

    @Test
    void withoutMicrometer_noMeters() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(context -> {
            assertNull(context.getStartupFailure());
            assertTrue(context.getBeansOfType(CrmkitMeters.class).isEmpty());
        });
    }

    private static String rootMessage(Throwable failure) {
        assertNotNull(failure, "the context started");
        Throwable t = failure;
        StringBuilder all = new StringBuilder();
        while (t != null) {
            all.append(t.getMessage()).append(" | ");
            t = t.getCause();
        }
        return all.toString();
    }

    @Test
    void properties_haveMetadataForIdeCompletion() throws Exception {
        String ours = null;
        var resources = CrmkitAutoConfigurationTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json");
        while (resources.hasMoreElements()) {
            try (var in = resources.nextElement().openStream()) {
                String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                if (json.contains("\"sourceType\": \"dev.crmkit.spring.CrmkitProperties\"")) {
                    ours = json;
                }
            }
        }
        assertNotNull(ours, "no configuration metadata was generated for CrmkitProperties");
        for (String name : List.of("crmkit.default-region", "crmkit.table-prefix", "crmkit.follow-up-delay",
                "crmkit.outbox.relay.enabled", "crmkit.outbox.relay.poll-interval", "crmkit.outbox.relay.batch-size")) {
            assertTrue(ours.contains("\"name\": \"" + name + "\""), name + " is missing from " + ours);
        }
    }
}
