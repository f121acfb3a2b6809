package dev.crmkit.adapters.memory;

import dev.crmkit.core.activity.Timeline;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.CaptureSettings;
import dev.crmkit.core.capture.LeadCapture;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.kernel.Context;
import dev.crmkit.core.kernel.DomainEvents;
import dev.crmkit.core.kernel.EdgeValidation;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.task.TaskPlanner;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Capture under the default duplicate rules (allow all) never reads the lead indexes by open contact, name keys,
 * status and owner, nor the contact name-key indexes: they stay unbuilt, so a captured person costs no entry in them
 * and no name key is worked out (issue 17: ~23 index entries a person). Their first query builds them from the rows
 * and answers as a kept index would.
 */
class CaptureLazyIndexesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T09:00:00Z"), ZoneOffset.UTC);
    private static final UserId OWNER = UserId.of("olga");

    private static LeadCapture capture(InMemoryCrmStore store) {
        Context context = new Context(store.transactions(), store.events(DomainEvents.discarding()),
                EdgeValidation.plain(), CLOCK, IdGenerator.seeded(11));
        return new LeadCapture(store.contacts(), store.companies(), store.leads(), store.customFieldSchemas(),
                new Timeline(store.activities(), context), new TaskPlanner(store.tasks(), context,
                store.idempotencyKeys()), CaptureSettings.forRegion("DE"), context);
    }

    private static List<String> unbuilt(InMemoryCrmStore store) {
        List<String> out = new ArrayList<>();
        ((InMemoryLeads) store.leads()).rows().unbuilt().forEach(g -> out.add("lead " + g));
        ((InMemoryContacts) store.contacts()).rows().unbuilt().forEach(g -> out.add("contact " + g));
        ((InMemoryTasks) store.tasks()).rows().unbuilt().forEach(g -> out.add("task " + g));
        return out;
    }

    @Test
    void capture_underTheDefaultRules_buildsNoIndexOnlyOtherQueriesRead_andTheirFirstQueryFindsEveryone() {
        InMemoryCrmStore store = InMemoryCrmStore.create();
        LeadCapture capture = capture(store);
        List<Lead> captured = new ArrayList<>();
        String[][] people = {{"Jane", "Doe"}, {"Johann", "Schmidt"}, {"Jane", "Doe"}, {"Katharina", "Meyer"}};
        for (int i = 0; i < people.length; i++) {
            CaptureOutcome outcome = capture.capture(LeadSubmission.from(Channel.WEB_FORM)
                    .name(people[i][0], people[i][1]).email("p" + i + "@example.org").owner(OWNER).build());
            captured.add(outcome.lead().orElseThrow());
        }
        // a repeat folds (an update of the lead and the contact): still nothing built
        capture.capture(LeadSubmission.from(Channel.EMAIL).name("Jane", "Doe").email("p0@example.org")
                .phone("030 901820").build());

        assertEquals(List.of("lead openContact", "lead openName", "lead status", "lead owner", "contact nameKey",
                "contact nicknameKey", "task openByAssignee"), unbuilt(store));

        List<LeadId> ids = captured.stream().map(Lead::id).toList();
        assertEquals(ids, store.leads().findByStatus(LeadStatus.NEW, PageRequest.first(10)).items().stream()
                .map(Lead::id).toList(), "every lead, in creation order");
        assertEquals(ids, store.leads().findByOwner(OWNER, PageRequest.first(10)).items().stream()
                .map(Lead::id).toList());
        assertEquals(List.of(ids.get(0), ids.get(2)), store.leads()
                .findOpenBySoundOfName(PersonName.of("Jane", "Doe"), 5).stream().map(Lead::id).toList());
        assertEquals(List.of(ids.get(1)), store.leads().findOpenByContacts(List.of(captured.get(1).contactId()), 5)
                .stream().map(Lead::id).toList());
        assertEquals(List.of(captured.get(0).contactId(), captured.get(2).contactId()), store.contacts()
                .findBySoundOfName(PersonName.of("Jane", "Doe"), 5).stream().map(c -> c.id()).toList());
        assertEquals(4, store.tasks().openDueBefore(OWNER, CLOCK.instant().plus(java.time.Duration.ofDays(30)), 10)
                .size(), "one follow-up task a captured lead");
        assertEquals(List.of(), unbuilt(store), "each built by its first query");

        Lead fifth = capture.capture(LeadSubmission.from(Channel.WEB_FORM).name("Jane", "Doe")
                .email("p9@example.org").owner(OWNER).build()).lead().orElseThrow();
        assertEquals(3, store.leads().findOpenBySoundOfName(PersonName.of("Jane", "Doe"), 5).size(),
                "kept by the writes after the build");
        assertEquals(fifth.id(), store.leads().findByStatus(LeadStatus.NEW, PageRequest.first(10)).items()
                .get(4).id());
        assertFalse(store.contacts().findBySoundOfName(PersonName.of("Jane", "Doe"), 5).isEmpty());
        assertTrue(unbuilt(store).isEmpty());
    }
}
