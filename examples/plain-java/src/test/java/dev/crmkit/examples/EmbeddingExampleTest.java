package dev.crmkit.examples;

import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.lead.LeadEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddingExampleTest {

    @Test
    void run_capturesOnePersonOnceAndFoldsTheRepeat() {
        List<DomainEvent> outbox = new ArrayList<>();

        List<CaptureOutcome> outcomes = EmbeddingExample.run(outbox);

        CaptureOutcome.NewLeadNewContact first = assertInstanceOf(CaptureOutcome.NewLeadNewContact.class,
                outcomes.get(0));
        CaptureOutcome.DuplicateFolded second = assertInstanceOf(CaptureOutcome.DuplicateFolded.class, outcomes.get(1));
        assertEquals(first.capturedLead().id(), second.existingLead().id());
        assertEquals("jane.doe@example.com", first.contact().primaryEmail().orElseThrow().value());
        assertEquals("+4930901820", first.contact().primaryPhone().orElseThrow().e164());
        assertEquals("Example GmbH", first.company().orElseThrow().name());
        assertTrue(outbox.stream().anyMatch(e -> e instanceof LeadEvent.LeadCaptured));
        assertTrue(outbox.stream().anyMatch(e -> e instanceof LeadEvent.DuplicateSubmissionFolded));
    }

    @Test
    void run_onAClassPathWithoutJakartaValidationJacksonOrJdbc_validatesInPlainJava() {
        for (String absent : new String[] {"jakarta.validation.Validator", "org.hibernate.validator.HibernateValidator",
                "com.fasterxml.jackson.databind.ObjectMapper", "org.flywaydb.core.Flyway", "org.slf4j.Logger"}) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(absent), absent + " is on the class path");
        }

        List<CaptureOutcome> outcomes = EmbeddingExample.run(new ArrayList<>());

        assertInstanceOf(CaptureOutcome.NewLeadNewContact.class, outcomes.get(0));
    }
}
