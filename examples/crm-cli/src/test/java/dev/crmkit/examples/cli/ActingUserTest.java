package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmkit.core.Crm;
import dev.crmkit.core.access.AccessPolicy;
import dev.crmkit.core.access.AccessRecord;
import dev.crmkit.core.access.Actor;
import dev.crmkit.core.access.Permission;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.customer.NewContact;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.UserId;
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
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code crm --as USER access list ...} end to end on an H2 file with the organization of {@code crm access demo}:
 * contacts owned by each member of the demo's sales team and one owned by nobody; each user sees exactly what the
 * policy lets them view (a rep fewer than the head of sales), and without {@code --as} the command sees everything.
 */
class ActingUserTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final List<String> OWNERS = List.of("dana", "anna", "david", "david", "ben", "carla", "carla", "");

    @TempDir
    Path dir;

    private final List<Contact> contacts = new ArrayList<>();

    private String h2() {
        return "jdbc:h2:file:" + dir.resolve("crm");
    }

    @BeforeEach
    void store() {
        try (Database db = Database.open(h2(), Optional.empty(), Optional.empty(), StoreOptions.PREFIX)) {
            Crm crm = Crm.builder().store(db.store()).clock(Clock.fixed(T0, ZoneOffset.UTC))
                    .ids(IdGenerator.seeded(15)).defaultRegion("DE").build();
            for (int i = 0; i < OWNERS.size(); i++) {
                String owner = OWNERS.get(i);
                contacts.add(crm.customers().createContact(new NewContact("Person", "No" + i,
                        List.of("p" + i + "@kunde.example"), List.of(), "",
                        owner.isEmpty() ? Optional.empty() : Optional.of(UserId.of(owner)), Map.of())));
            }
        }
        CliRun demo = crm("access", "demo", "--as-of", CliRun.AS_OF);
        assertEquals(0, demo.exitCode(), demo.toString());
    }

    private CliRun crm(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--jdbc-url");
        all.add(h2());
        return CliRun.crm(all.toArray(String[]::new));
    }

    private Set<String> listed(String... args) {
        CliRun run = crm(args);
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = run.json();
        Set<String> ids = new TreeSet<>();
        json.get("records").forEach(r -> ids.add(r.get("id").asText()));
        assertEquals(ids.size(), json.get("count").asLong(), "the count covers what is listed: " + run);
        return ids;
    }

    /** What the policy of the stored organization lets the user view. */
    private Set<String> allowed(String user) {
        try (Database db = Database.open(h2(), Optional.empty(), Optional.empty(), StoreOptions.PREFIX)) {
            AccessPolicy policy = AccessPolicy.of(db.store().accessDirectory().organization());
            Set<String> ids = new TreeSet<>();
            for (Contact c : contacts) {
                if (policy.decide(Actor.user(user), Permission.VIEW, AccessRecord.of(c),
                        db.store().shares().of(AccessRecord.of(c).ref())).allowed()) {
                    ids.add(c.id().value().toString());
                }
            }
            return ids;
        }
    }

    @Test
    void as_aRepSeesFewerContactsThanTheHeadOfSales_eachExactlyWhatThePolicyAllows() {
        Set<String> head = listed("--as", "dana", "access", "list", "contacts", "--format", "json");
        Set<String> rep = listed("--as", "ben", "access", "list", "contacts", "--format", "json");
        assertEquals(contacts.size(), head.size(), "the head of sales sees every contact");
        assertEquals(allowed("ben"), rep);
        assertEquals(Set.of(contacts.get(4).id().value().toString()), rep, "ben sees his own contact only");
        assertTrue(rep.size() < head.size());
        for (String user : List.of("dana", "anna", "david", "carla")) {
            assertEquals(allowed(user), listed("--as", user, "access", "list", "contacts", "--format", "json"),
                    user);
        }
        // anna is a team lead: her own, and every rep's (the rep role reports to hers), but not dana's or nobody's
        assertEquals(6, listed("--as", "anna", "access", "list", "contacts", "--format", "json").size());
    }

    @Test
    void withoutAs_theCommandActsAsTheSystemAndSeesEverything() {
        CliRun run = crm("access", "list", "contacts");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith(contacts.size() + " contacts visible to system:crm"), run.out());
    }

    @Test
    void as_aTextListNamesTheActorAndTheOwners() {
        CliRun run = crm("--as", "ben", "access", "list", "contacts");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("1 contacts visible to user:ben"), run.out());
        assertTrue(run.out().contains("Person No4  owner ben"), run.out());
    }

    @Test
    void as_anUnknownUser_failsNamingTheUser() {
        CliRun run = crm("--as", "zoe", "access", "list", "contacts");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("there is no user zoe"), run.err());
    }

    @Test
    void as_andDealMoveAs_mustNameTheSameUser() {
        CliRun run = crm("--as", "ben", "deal", "move", "x", "won", "--as", "carla");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("name different users"), run.err());
    }
}
