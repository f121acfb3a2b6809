package dev.crmkit.spring;

import dev.crmkit.adapters.metrics.VisibleStatistics;
import dev.crmkit.core.access.AccessPolicy;
import dev.crmkit.core.access.DefaultAccess;
import dev.crmkit.core.access.Permission;
import dev.crmkit.core.access.Role;
import dev.crmkit.core.access.Scope;
import dev.crmkit.core.access.StatisticsScope;
import dev.crmkit.core.access.Team;
import dev.crmkit.core.access.User;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.metrics.quality.FieldFill;
import dev.crmkit.metrics.quality.FillReport;
import dev.crmkit.pipeline.DealPipeline;
import dev.crmkit.pipeline.deal.OpenDeal;
import dev.crmkit.pipeline.definition.Actor;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.Presets;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store the starter wraps ({@link SpringCrmStore}) keeps the JDBC store's statistics pushdown: a rep's fill rates
 * over 40 deals, half of them theirs, are the same figures with the same statements as on the JDBC store inside
 * (grouped SQL with the access condition), not a walk of the deals with a query per deal for its shares.
 */
class StarterStatisticsPushdownTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final int DEALS = 40;

    /** The host: a data source on a new H2 database that counts the statements prepared on it. */
    @Configuration(proxyBeanMethods = false)
    static class Host {
        @Bean
        Statements statements() {
            return new Statements();
        }

        @Bean
        DataSource dataSource(Statements statements) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:pushdown" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
            return statements.counting(ds);
        }

        @Bean
        Clock clock() {
            return Clock.fixed(CrmkitAutoConfigurationTest.NOW, ZoneOffset.UTC);
        }
    }

    /** Counts the statements prepared or created on a data source's connections. */
    static final class Statements {
        final AtomicInteger prepared = new AtomicInteger();

        DataSource counting(DataSource target) {
            return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                    (proxy, method, args) -> {
                        Object result = invoke(target, method, args);
                        return result instanceof Connection c ? connection(c) : result;
                    });
        }

        private Connection connection(Connection target) {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement")
                                || method.getName().equals("prepareCall")) {
                            prepared.incrementAndGet();
                        }
                        return invoke(target, method, args);
                    });
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
                throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CrmkitAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class))
            .withPropertyValues("crmkit.outbox.relay.enabled=false")
            .withUserConfiguration(Host.class);

    @Test
    void aRepsFillRates_onTheStartersStore_arePushedDownAsOnTheJdbcStore_notAQueryPerDeal() {
        runner.run(context -> {
            assertNull(context.getStartupFailure());
            SpringCrmStore store = context.getBean(SpringCrmStore.class);
            Statements statements = context.getBean(Statements.class);
            store.accessDirectory().save(Team.of("sales", "Sales"));
            store.accessDirectory().save(Role.builder("rep", "Sales rep")
                    .scope(RecordType.DEAL, Scope.OWN, Permission.VIEW).build());
            store.accessDirectory().save(User.of("ben", "sales", "rep"));
            store.accessDirectory().save(User.of("carla", "sales", "rep"));
            store.accessDirectory().setDefault(RecordType.DEAL, DefaultAccess.PRIVATE);
            DealPipeline pipelines = context.getBean(DealPipeline.class);
            Pipeline b2b = pipelines.definePipeline(Presets.b2b());
            for (int i = 0; i < DEALS; i++) {
                pipelines.open(OpenDeal.of(b2b.id(), "Deal " + i, Money.of(i + "00.00", "EUR"),
                        Actor.of(i % 2 == 0 ? "ben" : "carla")));
            }
            StatisticsScope ben = StatisticsScope.of(AccessPolicy.of(store.accessDirectory().organization()),
                    dev.crmkit.core.access.Actor.user("ben"));
            Map<String, Set<String>> required = Map.of("deal", Set.of("amount", "owner"));

            int before = statements.prepared.get();
            FillReport onJdbc = VisibleStatistics.fillRates(store.jdbc(), required, ben);
            int jdbcStatements = statements.prepared.get() - before;
            before = statements.prepared.get();
            FillReport onStarter = VisibleStatistics.fillRates(store, required, ben);
            int starterStatements = statements.prepared.get() - before;

            assertEquals(onJdbc, onStarter);
            assertEquals(DEALS / 2, dealsCounted(onStarter), "ben's deals only: " + onStarter);
            assertEquals(jdbcStatements, starterStatements, "the JDBC store's statements, no more");
            assertTrue(starterStatements < DEALS / 2, "not a query per deal: " + starterStatements);
        });
    }

    /** The deals the report counts the amount of. */
    private static long dealsCounted(FillReport report) {
        return report.fields().stream().filter(f -> f.recordType().equals("deal") && f.field().equals("amount"))
                .mapToLong(FieldFill::records).sum();
    }
}
