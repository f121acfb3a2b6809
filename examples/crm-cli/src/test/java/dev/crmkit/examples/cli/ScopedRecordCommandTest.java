package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmkit.core.Crm;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.activity.Visibility;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.customer.NewContact;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code crm --as USER access timeline|tasks RECORD} end to end on an H2 file with the organization of
 * {@code crm access demo}: ben (a rep) owns one contact, carla (a rep in another team) another. On ben's contact a
 * public call, a private meeting of anna's that ben took part in (named by his e-mail address) and a private note of
 * dana's; tasks for ben and for dana. Each user sees the items and tasks the policy allows; carla's contact is not
 * found for ben, worded as a contact that does not exist.
 */
class ScopedRecordCommandTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @TempDir
    Path dir;

    private Contact bens;
    private Contact carlas;
    private final List<String> items = new ArrayList<>();
    private final List<String> tasks = new ArrayList<>();

    private String h2() {
        return "jdbc:h2:file:" + dir.resolve("crm");
    }

    @BeforeEach
    void store() {
        try (Database db = Database.open(h2(), Optional.empty(), Optional.empty(), StoreOptions.PREFIX)) {
            IdGenerator ids = IdGenerator.seeded(21);
            Crm crm = Crm.builder().store(db.store()).clock(Clock.fixed(T0, ZoneOffset.UTC)).ids(ids)
                    .defaultRegion("DE").build();
            bens = crm.customers().createContact(new NewContact("Bea", "Benson", List.of("bea@kunde.example"),
                    List.of(), "", Optional.of(UserId.of("ben")), Map.of()));
            carlas = crm.customers().createContact(new NewContact("Cleo", "Carlsen", List.of("cleo@kunde.example"),
                    List.of(), "", Optional.of(UserId.of("carla")), Map.of()));
            RecordRef about = ref(bens);
            items.add(append(db, ids, about, "Public call", "dana", Visibility.PUBLIC, List.of(), 1));
            items.add(append(db, ids, about, "Anna's meeting", "anna", Visibility.PRIVATE,
                    List.of(" Ben@Demo.Example "), 2));
            items.add(append(db, ids, about, "Dana's note", "dana", Visibility.PRIVATE, List.of(), 3));
            append(db, ids, ref(carlas), "Carla's call", "carla", Visibility.PUBLIC, List.of(), 4);
            for (String assignee : List.of("ben", "dana")) {
                Task t = db.store().tasks().insert(Task.open(new TaskId(ids.next()), "Follow up (" + assignee + ")",
                        T0.plusSeconds(3_600 * (tasks.size() + 1)), Optional.empty(), UserId.of(assignee),
                        Optional.of(about), T0));
                tasks.add(t.id().toString());
            }
        }
        CliRun demo = crm("access", "demo", "--as-of", CliRun.AS_OF);
        assertEquals(0, demo.exitCode(), demo.toString());
    }

    private static String append(Database db, IdGenerator ids, RecordRef about, String subject, String owner,
                                 Visibility visibility, List<String> participants, int minute) {
        Activity a = new Activity(new ActivityId(ids.next()), ActivityType.NOTE, subject, "", Direction.OUTBOUND,
                T0.plusSeconds(60L * minute), participants, Set.of(about), Optional.of(UserId.of(owner)),
                visibility, T0);
        db.store().activities().append(a);
        return a.id().toString();
    }

    private static RecordRef ref(Contact c) {
        return new RecordRef(RecordType.CONTACT, c.id().value());
    }

    private CliRun crm(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--jdbc-url");
        all.add(h2());
        return CliRun.crm(all.toArray(String[]::new));
    }

    private List<String> ids(JsonNode json, String field) {
        List<String> out = new ArrayList<>();
        json.get(field).forEach(n -> out.add(n.get("id").asText()));
        return out;
    }

    private List<String> timeline(String user) {
        CliRun run = crm("--as", user, "access", "timeline", ref(bens).toString(), "--format", "json");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("user:" + user, run.json().get("actor").asText());
        return ids(run.json(), "items");
    }

    @Test
    void timeline_as_eachUserSeesThePublicItemsAndThePrivateOnesTheyOwnOrTookPartIn() {
        // newest first: dana's note, anna's meeting, the public call
        assertEquals(List.of(items.get(1), items.get(0)), timeline("ben"), "ben took part in anna's meeting");
        assertEquals(List.of(items.get(1), items.get(0)), timeline("anna"));
        assertEquals(List.of(items.get(2), items.get(0)), timeline("dana"), "dana sees everything but the private "
                + "items of others");
        CliRun all = crm("access", "timeline", ref(bens).toString());
        assertEquals(0, all.exitCode(), all.toString());
        assertTrue(all.out().startsWith("timeline of " + ref(bens) + " as system:crm: 3 items"), all.out());
        assertTrue(all.out().contains("PRIVATE  owner anna  Anna's meeting"), all.out());
    }

    @Test
    void timeline_ofAHiddenRecord_isNotFound_asOneThatDoesNotExist() {
        CliRun hidden = crm("--as", "ben", "access", "timeline", ref(carlas).toString());
        assertEquals(1, hidden.exitCode(), hidden.toString());
        assertTrue(hidden.err().contains("there is no " + ref(carlas)), hidden.err());
        assertTrue(!hidden.out().contains("Carla's call"), hidden.out());
        RecordRef missing = new RecordRef(RecordType.CONTACT, new UUID(7, 7));
        CliRun none = crm("--as", "ben", "access", "timeline", missing.toString());
        assertEquals(1, none.exitCode(), none.toString());
        assertTrue(none.err().contains("there is no " + missing), none.err());
        assertEquals(0, crm("--as", "carla", "access", "timeline", ref(carlas).toString()).exitCode());
    }

    @Test
    void tasks_as_eachUserSeesTheTasksThePolicyAllows_aHiddenRecordIsNotFound() {
        CliRun ben = crm("--as", "ben", "access", "tasks", ref(bens).toString(), "--format", "json");
        assertEquals(0, ben.exitCode(), ben.toString());
        assertEquals(List.of(tasks.get(0)), ids(ben.json(), "tasks"), "a rep sees his own tasks only");
        CliRun dana = crm("--as", "dana", "access", "tasks", ref(bens).toString(), "--format", "json");
        assertEquals(tasks, ids(dana.json(), "tasks"), "the head of sales sees every task");
        CliRun hidden = crm("--as", "ben", "access", "tasks", ref(carlas).toString());
        assertEquals(1, hidden.exitCode(), hidden.toString());
        assertTrue(hidden.err().contains("there is no " + ref(carlas)), hidden.err());
        CliRun text = crm("--as", "anna", "access", "tasks", ref(bens).toString());
        assertTrue(text.out().startsWith("open tasks about " + ref(bens) + " as user:anna: 1"), text.out());
        assertTrue(text.out().contains("Follow up (ben)  assignee ben"), "anna sees her report's task, not her "
                + "superior's: " + text.out());
    }

    @Test
    void timeline_aRecordThatIsNotAContactCompanyLeadOrDeal_isRefusedNamingTheParameter() {
        CliRun run = crm("access", "timeline", "task:" + new UUID(1, 1));
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("RECORD must be a contact, company, lead or deal"), run.err());
    }

    /**
     * {@code access timeline|tasks deal:ID} decide as the deals' view does (carla does not find ben's private deal),
     * and a deal's entries quote no value of a field ben's role hides, on the deal's timeline and on its contact's.
     * An entry about carla's private deal on ben's contact is masked for ben: no title, amount or id of that deal.
     */
    @Test
    void timelineAndTasks_ofADeal_asTheDealsViewDecides_andADealsEntriesWithholdItsHiddenValuesEverywhere() {
        dev.crmkit.pipeline.deal.Deal deal;
        dev.crmkit.pipeline.deal.Deal carlasDeal;
        String task;
        try (Database db = Database.open(h2(), Optional.empty(), Optional.empty(), StoreOptions.PREFIX)) {
            IdGenerator ids = IdGenerator.seeded(22);
            Crm crm = Crm.builder().store(db.store()).clock(Clock.fixed(T0, ZoneOffset.UTC)).ids(ids)
                    .defaultRegion("DE").build();
            dev.crmkit.pipeline.DealPipeline pipelines = dev.crmkit.examples.cli.pipeline.PipelineSetup.on(crm, ids);
            dev.crmkit.examples.cli.pipeline.PipelineSetup.ensure(pipelines, Optional.empty());
            deal = pipelines.open(dev.crmkit.pipeline.deal.OpenDeal.of(pipelines.pipelineNamed("B2C").orElseThrow()
                    .id(), "Deal of ben", dev.crmkit.core.kernel.Money.of("4321.50", "EUR"),
                    dev.crmkit.pipeline.definition.Actor.of("ben")).about(Optional.of(bens.id()), Optional.empty()));
            pipelines.attachDocument(deal.id(), "contract", "signed-by-acme");
            RecordRef dealRef = new RecordRef(RecordType.DEAL, deal.id().value());
            db.store().activities().append(Activity.system(new ActivityId(ids.next()), "Offer at EUR 4321.50", "",
                    Set.of(dealRef, ref(bens)), T0.plusSeconds(600)));
            carlasDeal = pipelines.open(dev.crmkit.pipeline.deal.OpenDeal.of(pipelines.pipelineNamed("B2C")
                    .orElseThrow().id(), "Carla's quiet deal", dev.crmkit.core.kernel.Money.of("777.25", "EUR"),
                    dev.crmkit.pipeline.definition.Actor.of("carla")).about(Optional.of(bens.id()), Optional.empty()));
            db.store().activities().append(Activity.system(new ActivityId(ids.next()), "Carla's quiet deal at EUR "
                    + "777.25", "", Set.of(new RecordRef(RecordType.DEAL, carlasDeal.id().value()), ref(bens)),
                    T0.plusSeconds(660)));
            task = db.store().tasks().insert(Task.open(new TaskId(ids.next()), "Send the offer",
                    T0.plusSeconds(7_200), Optional.empty(), UserId.of("ben"), Optional.of(dealRef), T0)).id()
                    .toString();
            dev.crmkit.core.access.Organization org = db.store().accessDirectory().organization();
            dev.crmkit.core.access.Role role = org.role(org.user(UserId.of("ben")).orElseThrow().role())
                    .orElseThrow();
            Map<dev.crmkit.core.access.FieldRef, dev.crmkit.core.access.FieldAccess> fields =
                    new java.util.LinkedHashMap<>(role.fields());
            for (String field : List.of("amount", "documents")) {
                fields.put(new dev.crmkit.core.access.FieldRef(RecordType.DEAL, field),
                        dev.crmkit.core.access.FieldAccess.HIDDEN);
            }
            db.store().transactions().run(() -> db.store().accessDirectory().save(new dev.crmkit.core.access.Role(
                    role.id(), role.name(), role.reportsTo(), role.scopes(), fields, role.admin())));
        }
        String dealRef = "deal:" + deal.id().value();

        for (String record : List.of(dealRef, ref(bens).toString())) {
            CliRun ben = crm("--as", "ben", "access", "timeline", record, "--format", "json");
            assertEquals(0, ben.exitCode(), ben.toString());
            String subjects = subjects(ben.json());
            assertTrue(subjects.contains("Document [hidden]: [hidden]"), record + ": " + subjects);
            assertTrue(subjects.contains("Offer at [hidden]"), record + ": " + subjects);
            assertTrue(!ben.out().contains("signed-by-acme") && !ben.out().contains("4321.50"), record + ": "
                    + ben.out());
            CliRun text = crm("--as", "ben", "access", "timeline", record);
            assertTrue(text.out().contains("Document [hidden]: [hidden]") && !text.out().contains("signed-by-acme"),
                    text.out());
            CliRun dana = crm("--as", "dana", "access", "timeline", record, "--format", "json");
            assertTrue(subjects(dana.json()).contains("Document contract: signed-by-acme")
                    && subjects(dana.json()).contains("Offer at EUR 4321.50"), "the head sees every field: " + dana);
        }
        CliRun bensContact = crm("--as", "ben", "access", "timeline", ref(bens).toString(), "--format", "json");
        assertTrue(subjects(bensContact.json()).contains(dev.crmkit.core.ScopedCrm.NOT_VISIBLE_ENTRY),
                bensContact.out());
        for (String value : List.of("Carla's quiet deal", "777.25", carlasDeal.id().value().toString())) {
            assertTrue(!bensContact.out().contains(value), "ben reads " + value + " in " + bensContact.out());
        }
        CliRun danasView = crm("--as", "dana", "access", "timeline", ref(bens).toString(), "--format", "json");
        assertTrue(subjects(danasView.json()).contains("Carla's quiet deal at EUR 777.25"), danasView.out());
        CliRun carla = crm("--as", "carla", "access", "timeline", dealRef);
        assertEquals(1, carla.exitCode(), carla.toString());
        assertTrue(carla.err().contains("there is no " + dealRef), carla.err());
        CliRun missing = crm("--as", "ben", "access", "tasks", "deal:" + new UUID(7, 7));
        assertEquals(1, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("there is no deal:" + new UUID(7, 7)), missing.err());

        CliRun tasks = crm("--as", "ben", "access", "tasks", dealRef, "--format", "json");
        assertEquals(0, tasks.exitCode(), tasks.toString());
        assertEquals(List.of(task), ids(tasks.json(), "tasks"));
        CliRun carlasTasks = crm("--as", "carla", "access", "tasks", dealRef);
        assertEquals(1, carlasTasks.exitCode(), carlasTasks.toString());
        assertTrue(carlasTasks.err().contains("there is no " + dealRef), carlasTasks.err());
    }

    private static String subjects(JsonNode json) {
        List<String> out = new ArrayList<>();
        json.get("items").forEach(n -> out.add(n.get("subject").asText()));
        return out.toString();
    }
}
