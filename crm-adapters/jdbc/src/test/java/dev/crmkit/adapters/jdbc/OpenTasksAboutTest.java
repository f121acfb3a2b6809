package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static dev.crmkit.core.contract.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Bulk capture's look-up of the open tasks about a chunk's records ({@code CaptureBatches.openTasksAbout}) answers
 * as {@code Tasks.openAbout(record)} does for each record, on every database: each open task once, by due time and
 * then insertion, even when a record is given more than once (PostgreSQL's per-key form would list a repeated key's
 * tasks once per repeat, and its order held only by the plan without an outer ORDER BY).
 */
class OpenTasksAboutTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eachRecordsOpenTasks_once_inTheOrderOpenAboutListsThem_evenForRepeatedRecords(TestDatabase db) {
        JdbcCrmStore store = db.freshStore();
        Fixtures fx = new Fixtures(17);
        Lead lead = store.leads().insertOrGet(fx.lead().build());
        Lead other = store.leads().insertOrGet(fx.lead().build());
        Contact contact = store.contacts().insertOrGet(fx.contact().build());
        RecordRef a = Fixtures.ref(lead);
        RecordRef b = Fixtures.ref(other);
        RecordRef c = Fixtures.ref(contact);
        // inserted out of due order; two due at the same time (insertion decides)
        Task late = store.tasks().insert(fx.task().about(a).due(at(300)).title("late").build());
        Task first = store.tasks().insert(fx.task().about(a).due(at(100)).title("first").build());
        Task middle = store.tasks().insert(fx.task().about(a).due(at(200)).title("middle").build());
        Task second = store.tasks().insert(fx.task().about(a).due(at(100)).title("second").build());
        Task done = store.tasks().insert(fx.task().about(a).due(at(50)).title("done").build());
        store.tasks().update(Fixtures.completed(done, at(60)));
        Task ofOther = store.tasks().insert(fx.task().about(b).due(at(400)).build());
        Task ofContact = store.tasks().insert(fx.task().about(c).due(at(500)).build());

        Map<RecordRef, List<Task>> open = store.captureBatches().openTasksAbout(List.of(a, b, a, c, b, a));

        assertEquals(List.of(first.id(), second.id(), middle.id(), late.id()), ids(open.get(a)),
                "the lead's open tasks once each, by due time then insertion");
        assertEquals(ids(store.tasks().openAbout(a)), ids(open.get(a)), "as openAbout(record) lists them");
        assertEquals(List.of(ofOther.id()), ids(open.get(b)));
        assertEquals(List.of(ofContact.id()), ids(open.get(c)));
        assertEquals(3, open.size());
    }

    private static List<TaskId> ids(List<Task> tasks) {
        return tasks.stream().map(Task::id).toList();
    }
}
