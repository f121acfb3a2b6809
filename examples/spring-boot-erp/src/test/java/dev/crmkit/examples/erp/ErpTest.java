package dev.crmkit.examples.erp;

import dev.crmkit.adapters.jdbc.EmbeddedDatabase;
import dev.crmkit.core.Crm;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.metrics.ltv.OrderHistoryLtv;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ERP on a real PostgreSQL (embedded): one database, the ERP's tables and crmkit's side by side. */
@SpringBootTest(properties = "crmkit.outbox.relay.enabled=false")
class ErpTest {

    private static final String DATABASE = EmbeddedDatabase.newDatabase("erp");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EmbeddedDatabase.url(DATABASE));
        registry.add("spring.datasource.username", () -> "postgres");
    }

    @Autowired
    CustomerOnboarding onboarding;
    @Autowired
    Orders orders;
    @Autowired
    LeadWelcome welcome;
    @Autowired
    Crm crm;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    private int customers(String number) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM erp_customer WHERE number = ?", Integer.class, number);
    }

    private int leadsOf(String email) {
        return crm.customers().contactByEmail(email).isPresent() ? 1 : 0;
    }

    @Test
    void commit_keepsTheErpRowAndCrmkitsRows() {
        Customer customer = onboarding.onboard("C-100", "Anna", "Berg", "anna@berg.example", "030 901820");

        assertEquals(1, customers("C-100"));
        assertEquals(customer.lead(), crm.leads().find(customer.lead()).orElseThrow().id());
        assertEquals("+4930901820", crm.customers().contactByEmail("anna@berg.example").orElseThrow().phones()
                .get(0).e164());
    }

    @Test
    void rollback_removesTheErpRowAndCrmkitsRows_andNobodyHearsOfTheLead() {
        onboarding.onboard("C-200", "Ben", "Kurz", "ben@kurz.example", null);
        int welcomed = welcome.queued().size();
        int crmLeads = jdbc.queryForObject("SELECT COUNT(*) FROM crm_lead", Integer.class);

        // the customer number does not fit the ERP's column: the ERP's insert fails after crmkit captured the lead
        // (a taken number would not do: crmkit itself refuses its external id with other content)
        assertThrows(DataIntegrityViolationException.class,
                () -> onboarding.onboard("C-200-" + "9".repeat(20), "Carla", "Lang", "carla@lang.example", null));

        assertEquals(1, customers("C-200"));
        assertEquals(0, leadsOf("carla@lang.example"));
        assertEquals(crmLeads, jdbc.queryForObject("SELECT COUNT(*) FROM crm_lead", Integer.class));
        assertEquals(welcomed, welcome.queued().size());
    }

    @Test
    void theListener_hearsOfTheLeadOnlyAfterTheCommit() {
        LeadId lead = transaction.execute(status -> {
            Customer customer = onboarding.onboard("C-300", "Dora", "Hell", "dora@hell.example", null);
            assertFalse(welcome.queued().contains(customer.lead()), "the listener heard before the commit");
            return customer.lead();
        });
        assertTrue(welcome.queued().contains(lead));
    }

    @Test
    void lifetimeValue_comesFromTheErpsOwnOrders() {
        Customer a = onboarding.onboard("C-400", "Emil", "Rot", "emil@rot.example", null);
        Customer b = onboarding.onboard("C-401", "Frida", "Blau", "frida@blau.example", null);
        orders.place(a.id(), LocalDate.of(2024, 1, 1), Money.of("100.00", "EUR"));
        orders.place(a.id(), LocalDate.of(2024, 12, 31), Money.of("100.00", "EUR"));
        orders.place(b.id(), LocalDate.of(2024, 1, 1), Money.of("50.00", "EUR"));

        OrderHistoryLtv ltv = orders.lifetimeValue(Currency.getInstance("EUR"), LocalDate.of(2024, 12, 31), 90,
                new BigDecimal("0.40"));

        // the worked example of OrderHistoryLtv: 3 orders, revenue 250, AOV 83.33, B churned (rate 0.5)
        assertEquals(3, ltv.stats().orders());
        assertEquals(Money.of("250.00", "EUR"), ltv.stats().revenue());
        assertEquals(Money.of("83.33", "EUR"), ltv.stats().averageOrderValue());
        assertEquals(0, new BigDecimal("0.5").compareTo(ltv.stats().churnRate()));
    }

    @Test
    void aSecondNodeOfTheErp_sharesTheData() {
        Customer customer = onboarding.onboard("C-500", "Gerd", "Grau", "gerd@grau.example", null);
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(ErpApplication.class)
                .properties("spring.main.banner-mode=off", "crmkit.outbox.relay.enabled=false",
                        "spring.datasource.url=" + EmbeddedDatabase.url(DATABASE),
                        "spring.datasource.username=postgres")
                .run()) {
            Crm otherCrm = second.getBean(Crm.class);
            assertEquals(customer.lead(), otherCrm.leads().find(customer.lead()).orElseThrow().id());
            Customer onSecond = second.getBean(CustomerOnboarding.class)
                    .onboard("C-501", "Hanna", "Weiss", "hanna@weiss.example", null);
            assertTrue(crm.leads().find(onSecond.lead()).isPresent());
            assertEquals(1, customers("C-501"));
        }
    }
}
