package dev.crmkit.adapters.json;

import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.LeadEvent;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.pipeline.deal.DealEvent;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.definition.Rules;
import dev.crmkit.pipeline.definition.StageRule;
import dev.crmkit.pipeline.forecast.MoneyTotals;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrmkitModuleTest {

    /**
     * Public records that are not values to send as JSON, each with the reason. Anything else that does not
     * round-trip fails the test.
     */
    private static final Map<String, String> NOT_JSON_VALUES = Map.of(
            "dev.crmkit.core.kernel.Context", "the services a use case runs with (transactions, clock, ids)",
            "dev.crmkit.core.scoring.WinModels", "trained models with package-private state, rebuilt from history",
            "dev.crmkit.core.duplicate.ScanResult", "a scan's result holds the fitted MatchModel, rebuilt by a scan",
            "dev.crmkit.pipeline.definition.Entry", "what an entry action is run with, incl. live DealFacts",
            "dev.crmkit.pipeline.definition.Transition", "what a stage rule is run with, incl. live DealFacts",
            "dev.crmkit.core.capture.CaptureBatches$Keys", "a chunk's keys, handed from bulk capture to the store",
            "dev.crmkit.core.capture.CaptureBatches$Found", "what a store read for one chunk of bulk capture",
            "dev.crmkit.core.privacy.PersonalDataRights$Stores", "the ports a use case is wired with");

    private final ObjectMapper mapper = JsonMapper.builder().addModule(new CrmkitModule()).build();

    @Test
    void money_isAnObjectWithTheAmountAsAString() throws Exception {
        assertEquals("{\"amount\":\"12.50\",\"currency\":\"EUR\"}", mapper.writeValueAsString(Money.of("12.50", "EUR")));
        assertEquals(Money.of("12.50", "EUR"), mapper.readValue("{\"amount\":\"12.50\",\"currency\":\"EUR\"}",
                Money.class));
    }

    @Test
    void money_refusesAnAmountGivenAsANumber() {
        DatabindException e = assertThrows(DatabindException.class,
                () -> mapper.readValue("{\"amount\":12.5,\"currency\":\"EUR\"}", Money.class));
        assertTrue(e.getMessage().contains("money.amount must be a JSON string"), e.getMessage());
    }

    @Test
    void money_refusesAnUnknownCurrency() {
        DatabindException e = assertThrows(DatabindException.class,
                () -> mapper.readValue("{\"amount\":\"1.00\",\"currency\":\"XXY\"}", Money.class));
        assertTrue(e.getMessage().contains("money.currency"), e.getMessage());
    }

    @Test
    void ids_emailsAndPhoneNumbers_areBareStrings() throws Exception {
        UUID uuid = UUID.fromString("5f0c6c57-3a0b-4d5e-9a41-2b7c1c1f0e11");
        assertEquals("\"5f0c6c57-3a0b-4d5e-9a41-2b7c1c1f0e11\"", mapper.writeValueAsString(new DealId(uuid)));
        assertEquals(new LeadId(uuid), mapper.readValue("\"5f0c6c57-3a0b-4d5e-9a41-2b7c1c1f0e11\"", LeadId.class));
        assertEquals("\"alice\"", mapper.writeValueAsString(UserId.of("alice")));
        assertEquals("\"anna@example.com\"", mapper.writeValueAsString(EmailAddress.parse("Anna@Example.com")));
        assertEquals("\"+4930901820\"", mapper.writeValueAsString(PhoneNumber.of("+4930901820")));
        assertEquals(PhoneNumber.of("+4930901820"), mapper.readValue("\"+4930901820\"", PhoneNumber.class));
        assertEquals("\"+4930901820;ext=12\"", mapper.writeValueAsString(PhoneNumber.of("+4930901820;ext=12")),
                "an extension is part of the number");
    }

    @Test
    void everyIdOfTheDomain_isWrittenAsAString() throws Exception {
        List<Class<?>> ids = DomainTypes.publicClasses().stream()
                .filter(c -> c.isRecord() && c.getSimpleName().endsWith("Id")).toList();
        assertTrue(ids.containsAll(List.of(LeadId.class, DealId.class, UserId.class)), ids.toString());
        for (Class<?> id : ids) {
            Object sample = Samples.of(id);
            String json = mapper.writeValueAsString(sample);
            assertEquals('"' + sample.toString() + '"', json, id.getName());
        }
    }

    @Test
    void aBadEmail_isRefusedNamingTheField() {
        Exception e = assertThrows(Exception.class, () -> mapper.readValue("\"not an address\"", EmailAddress.class));
        assertTrue(String.valueOf(e.getMessage()).contains("email"), e.getMessage());
    }

    @Test
    void anEventDeclaredAsItsSealedInterface_carriesItsTypeAndReadsBack() throws Exception {
        LeadEvent event = (LeadEvent) Samples.of(LeadEvent.LeadStatusChanged.class);
        String json = mapper.writerFor(LeadEvent.class).writeValueAsString(event);
        assertTrue(json.contains("\"type\":\"LeadStatusChanged\""), json);
        assertEquals(event, mapper.readValue(json, LeadEvent.class));
    }

    @Test
    void aStageRule_isTaggedWithItsPipelineJsonName() throws Exception {
        StageRule rule = new Rules.LostReason(List.of("price", "timing"));
        String json = mapper.writerFor(StageRule.class).writeValueAsString(rule);
        assertEquals("{\"type\":\"lost-reason\",\"reasons\":[\"price\",\"timing\"]}", json);
        assertEquals(rule, mapper.readValue(json, StageRule.class));
    }

    @Test
    void moneyTotals_isTheListOfItsTotals() throws Exception {
        MoneyTotals totals = MoneyTotals.none().plus(Money.of("3.00", "USD")).plus(Money.of("12.50", "EUR"));
        String json = mapper.writeValueAsString(totals);
        assertEquals("[{\"amount\":\"12.50\",\"currency\":\"EUR\"},{\"amount\":\"3.00\",\"currency\":\"USD\"}]",
                json);
        assertEquals(totals, mapper.readValue(json, MoneyTotals.class));
    }

    @Test
    void recordsAreWrittenByTheirComponentsOnly() throws Exception {
        String json = mapper.writeValueAsString(Samples.of(dev.crmkit.core.lead.Utm.class));
        assertFalse(json.contains("\"empty\""), json);
    }

    @Test
    void findAndRegisterModules_findsTheModule() throws Exception {
        ObjectMapper found = new ObjectMapper().findAndRegisterModules();
        assertTrue(found.getRegisteredModuleIds().contains(CrmkitModule.class.getName()));
        assertEquals("{\"amount\":\"3.10\",\"currency\":\"USD\"}", found.writeValueAsString(Money.of("3.10", "USD")));
    }

    @TestFactory
    Stream<DynamicTest> everyDomainEvent_roundTrips() {
        Set<Class<?>> events = DomainTypes.eventRecords();
        assertTrue(events.contains(LeadEvent.LeadCaptured.class), "the scan found " + events);
        assertTrue(events.stream().anyMatch(DealEvent.class::isAssignableFrom), "the scan found " + events);
        return events.stream().map(type -> DynamicTest.dynamicTest(type.getName(), () -> {
            Object event = Samples.of(type);
            assertRoundTrips(event);
            for (Class<?> parent : type.getInterfaces()) {
                if (parent.isSealed()) { // written as its sealed interface, with the type tag, and read back as that
                    String json = mapper.writerFor(parent).writeValueAsString(event);
                    assertEquals(event, mapper.readValue(json, parent), json);
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyPublicValueType_roundTrips() {
        List<Class<?>> values = new ArrayList<>(List.of(Money.class, PhoneNumber.class, MoneyTotals.class));
        DomainTypes.publicClasses().stream()
                .filter(c -> c.isRecord() && !DomainEvent.class.isAssignableFrom(c))
                .filter(c -> !NOT_JSON_VALUES.containsKey(c.getName()))
                .forEach(values::add);
        assertFalse(values.size() < 20, "the scan found only " + values);
        return values.stream().map(type -> DynamicTest.dynamicTest(type.getName(),
                () -> assertRoundTrips(Samples.of(type))));
    }

    private void assertRoundTrips(Object value) throws Exception {
        String json = mapper.writeValueAsString(value);
        Object back = mapper.readValue(json, value.getClass());
        assertInstanceOf(value.getClass(), back);
        assertEquals(value, back, json);
    }
}
