package dev.crmkit.spring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmkit.adapters.jdbc.JdbcCrmStore;
import dev.crmkit.adapters.jdbc.OutboxRelay;
import dev.crmkit.adapters.json.CrmkitModule;
import dev.crmkit.campaigns.cap.FrequencyCaps;
import dev.crmkit.campaigns.delivery.Campaigns;
import dev.crmkit.campaigns.messaging.MessageChannel;
import dev.crmkit.campaigns.template.TemplateLibrary;
import dev.crmkit.core.Crm;
import dev.crmkit.core.kernel.DomainEvents;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.kit.Crmkit;
import dev.crmkit.pipeline.DealPipeline;
import dev.crmkit.service.ServiceDesk;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import java.time.Clock;
import javax.sql.DataSource;

/**
 * Wires crmkit into a Spring Boot application that has one {@link DataSource}: migrates crmkit's tables after the
 * application's own database initialization, builds the JDBC store joined to Spring-managed transactions, and exposes
 * {@link Crm}, {@link DealPipeline} and the store as beans (each replaceable by a bean of the application's own).
 * Domain events are published to the {@link ApplicationEventPublisher} after the host transaction commits; the outbox
 * relay runs with the context; crmkit's Jackson module, Micrometer meters and an Actuator health indicator are added
 * when those libraries are present. A {@link Clock} or {@link IdGenerator} bean of the application is used when there
 * is one. Settings: {@link CrmkitProperties} ({@code crmkit.*}).
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        FlywayAutoConfiguration.class}, afterName = {
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass({JdbcCrmStore.class, TransactionAwareDataSourceProxy.class})
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(CrmkitProperties.class)
public class CrmkitAutoConfiguration {

    /** Creates the auto-configuration; Spring calls it. */
    public CrmkitAutoConfiguration() {
        // beans below
    }

    /** crmkit's tables, migrated after the application's own Flyway, Liquibase or SQL scripts. */
    @Bean
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    public CrmkitSchema crmkitSchema(DataSource dataSource, CrmkitProperties properties) {
        return new CrmkitSchema(dataSource, properties.getTablePrefix(), properties.isMigrate());
    }

    /** The JDBC store on the application's data source, joined to Spring-managed transactions. */
    @Bean
    @ConditionalOnMissingBean
    public JdbcCrmStore crmkitJdbcStore(DataSource dataSource, CrmkitProperties properties, CrmkitSchema schema) {
        return JdbcCrmStore.builder(new TransactionAwareDataSourceProxy(dataSource))
                .tablePrefix(properties.getTablePrefix())
                .joinHostTransactions()
                .build();
    }

    /** The store {@link Crm} and {@link DealPipeline} share; its events arrive after the host's commit. */
    @Bean
    @Primary
    @ConditionalOnMissingBean
    public SpringCrmStore crmStore(JdbcCrmStore jdbc, DataSource dataSource) {
        return new SpringCrmStore(jdbc, dataSource);
    }

    /**
     * The composition root: every module's entry point on the store, given once. An application that wires crmkit
     * itself declares its own {@code Crmkit} bean, and the {@link Crm} and {@link DealPipeline} beans follow it.
     */
    @Bean
    @ConditionalOnMissingBean
    public Crmkit crmkit(SpringCrmStore store, CrmkitProperties properties, ApplicationEventPublisher publisher,
                         ObjectProvider<Clock> clock, ObjectProvider<IdGenerator> ids,
                         ObjectProvider<MessageChannel> campaignChannel, ObjectProvider<TemplateLibrary> templates,
                         ObjectProvider<FrequencyCaps> caps) {
        Crmkit.Builder builder = Crmkit.builder()
                .store(store)
                .defaultRegion(properties.getDefaultRegion())
                .followUpWithin(properties.getFollowUpDelay())
                .events(domainEvents(publisher));
        clock.ifUnique(builder::clock);
        ids.ifUnique(builder::ids);
        campaignChannel.ifUnique(builder::campaignChannel);
        templates.ifUnique(builder::campaignTemplates);
        caps.ifUnique(builder::campaignCaps);
        return builder.build();
    }

    private static DomainEvents domainEvents(ApplicationEventPublisher publisher) {
        return new SpringDomainEvents(publisher);
    }

    /** crm-core's entry point: customers, leads, capture, timeline, tasks, scoring. */
    @Bean
    @ConditionalOnMissingBean
    public Crm crm(Crmkit crmkit) {
        return crmkit.crm();
    }

    /** crm-pipeline's entry point: pipelines and deals, on the same store as the {@link Crm}. */
    @Bean
    @ConditionalOnMissingBean
    public DealPipeline dealPipeline(Crmkit crmkit) {
        return crmkit.pipelines();
    }

    /** crm-service's entry point: installed equipment, service plans, visits, on the same store as the {@link Crm}. */
    @Bean
    @ConditionalOnMissingBean
    public ServiceDesk serviceDesk(Crmkit crmkit) {
        return crmkit.service();
    }

    /**
     * crm-campaigns' entry point, when the host declares the {@link MessageChannel} messages leave through (and, if it
     * likes, a {@link TemplateLibrary} and {@link FrequencyCaps}): ledger, do-not-contact list and enrollments on the
     * same store as the {@link Crm}.
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(MessageChannel.class)
    public Campaigns campaigns(Crmkit crmkit) {
        return crmkit.campaigns();
    }

    /** The outbox relay, running while the context runs. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "crmkit.outbox.relay", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    public OutboxRelayLifecycle crmkitOutboxRelay(JdbcCrmStore store, ApplicationEventPublisher publisher,
                                                  CrmkitProperties properties) {
        CrmkitProperties.Relay relay = properties.getOutbox().getRelay();
        return new OutboxRelayLifecycle(store, publisher, relay.getPollInterval(), relay.getBatchSize());
    }

    /** crmkit's Jackson module; Spring Boot registers every {@code Module} bean with its {@code ObjectMapper}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ObjectMapper.class)
    static class Jackson {

        @Bean
        @ConditionalOnMissingBean
        CrmkitModule crmkitJacksonModule() {
            return new CrmkitModule();
        }
    }

    /** Micrometer meters, when the application has a {@link MeterRegistry}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class Metrics {

        @Bean
        CrmkitMeters crmkitMeters(MeterRegistry registry, JdbcCrmStore store, DataSource dataSource,
                                  ObjectProvider<Clock> clock) {
            OutboxRelay monitor = store.outboxRelay().handler(message -> {
                throw new IllegalStateException("this relay only counts the outbox");
            }).build();
            CrmkitMeters.outboxGauges(registry, monitor,
                    new OutboxLag(dataSource, store, clock.getIfUnique(Clock::systemUTC)));
            return new CrmkitMeters(registry);
        }

        @Bean
        static BeanPostProcessor crmkitRefusedMovesCounter(ObjectProvider<CrmkitMeters> meters) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DealPipeline pipeline ? meters.getObject().counting(pipeline) : bean;
                }
            };
        }
    }

    /** A health indicator for the outbox relay, when Actuator is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnProperty(prefix = "crmkit.outbox.relay", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "crmkitOutboxRelayHealthIndicator")
        HealthIndicator crmkitOutboxRelayHealthIndicator(OutboxRelayLifecycle relay) {
            return new OutboxRelayHealth(relay);
        }
    }
}
