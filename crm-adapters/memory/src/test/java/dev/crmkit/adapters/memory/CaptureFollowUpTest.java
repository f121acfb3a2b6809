package dev.crmkit.adapters.memory;

import dev.crmkit.core.activity.Timeline;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.CaptureSettings;
import dev.crmkit.core.capture.LeadCapture;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.kernel.Context;
import dev.crmkit.core.kernel.DomainEvents;
import dev.crmkit.core.kernel.EdgeValidation;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.task.TaskPlanner;
import dev.crmkit.core.task.Tasks;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A capture that creates a lead gives its owner a follow-up task without asking for open tasks about that lead: the
 * lead was inserted a moment ago in the same unit of work under a new id, so none can exist (issue 17: one index read
 * per new lead). A repeat folded into an open lead still asks, and gets no second task.
 */
class CaptureFollowUpTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T09:00:00Z"), ZoneOffset.UTC);
    private static final UserId OWNER = UserId.of("olga");

    @Test
    void newLead_getsItsTaskWithoutALookUp_aRepeatLooksUpAndGetsNoSecond() {
        InMemoryCrmStore store = InMemoryCrmStore.create();
        AtomicInteger lookUps = new AtomicInteger();
        Tasks tasks = (Tasks) Proxy.newProxyInstance(Tasks.class.getClassLoader(), new Class<?>[]{Tasks.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("openAbout")) {
                        lookUps.incrementAndGet();
                    }
                    try {
                        return method.invoke(store.tasks(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Context context = new Context(store.transactions(), store.events(DomainEvents.discarding()),
                EdgeValidation.plain(), CLOCK, IdGenerator.seeded(7));
        LeadCapture capture = new LeadCapture(store.contacts(), store.companies(), store.leads(),
                store.customFieldSchemas(), new Timeline(store.activities(), context),
                new TaskPlanner(tasks, context, store.idempotencyKeys()), CaptureSettings.forRegion("DE"), context);

        CaptureOutcome first = capture.capture(LeadSubmission.from(Channel.WEB_FORM).name("Jane", "Doe")
                .email("jane@example.org").owner(OWNER).build());
        Lead lead = first.lead().orElseThrow();
        RecordRef ref = new RecordRef(RecordType.LEAD, lead.id().value());
        assertEquals(0, lookUps.get(), "no look-up of open tasks about a lead just inserted");
        assertEquals(1, store.tasks().openAbout(ref).size(), "its owner's follow-up task");

        CaptureOutcome repeat = capture.capture(LeadSubmission.from(Channel.EMAIL).name("Jane", "Doe")
                .email("jane@example.org").owner(OWNER).build());
        assertEquals(lead.id(), repeat.lead().orElseThrow().id(), "folded into the open lead");
        assertEquals(1, lookUps.get(), "a repeat looks up the open tasks about its lead");
        assertEquals(1, store.tasks().openAbout(ref).size(), "and adds no second task");
    }
}
