package dev.crmkit.examples;

import dev.crmkit.adapters.memory.InMemoryCrmStore;
import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.kit.Crmkit;

import java.util.ArrayList;
import java.util.List;

/**
 * The README's embedding example, runnable: wire crmkit on the in-memory store, capture a web-form lead and the same
 * person again from a chat, and print the outcomes and the events the host received.
 */
public final class EmbeddingExample {

    private EmbeddingExample() {
    }

    /** Runs the example and returns the two outcomes. */
    public static List<CaptureOutcome> run(List<DomainEvent> outbox) {
        Crmkit crmkit = Crmkit.builder()
                .store(InMemoryCrmStore.create())          // or JdbcCrmStore.builder(dataSource).build()
                .defaultRegion("DE")                       // national phone numbers are read as German
                .events(event -> outbox.add(event))        // domain events, after each unit of work commits
                .build();
        Crm crm = crmkit.crm();                            // crmkit.pipelines() for pipelines and deals

        CaptureOutcome outcome = crm.capture().capture(LeadSubmission.from(Channel.WEB_FORM)
                .name("Jane", "Doe").email("  Jane.Doe@Example.com ").phone("030 901820")
                .company("Example GmbH").request("Quote for 20 seats").owner(UserId.of("anna")).build());

        CaptureOutcome again = crm.capture().capture(LeadSubmission.from(Channel.CHAT)
                .email("jane.doe@example.com").request("Any news on my quote?").build());
        return List.of(outcome, again);
    }

    /** Prints what happened. */
    public static void main(String[] args) {
        List<DomainEvent> outbox = new ArrayList<>();
        run(outbox).forEach(o -> System.out.println(o.getClass().getSimpleName() + ": " + o.lead().orElseThrow().id()));
        outbox.forEach(e -> System.out.println("  event " + e.getClass().getSimpleName()));
    }
}
