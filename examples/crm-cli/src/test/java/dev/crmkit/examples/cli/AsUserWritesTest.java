package dev.crmkit.examples.cli;

import dev.crmkit.core.Crm;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code crm --as USER} with the commands that change records as the system actor: each is refused as bad arguments
 * (exit status 2) naming the permission it would need, and changes nothing; without {@code --as} the same command
 * runs. On an H2 file with the organization of {@code crm access demo}.
 */
class AsUserWritesTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @TempDir
    Path dir;

    private Contact bens;

    private String h2() {
        return "jdbc:h2:file:" + dir.resolve("crm");
    }

    @BeforeEach
    void store() {
        try (Database db = Database.open(h2(), Optional.empty(), Optional.empty(), StoreOptions.PREFIX)) {
            Crm crm = Crm.builder().store(db.store()).clock(Clock.fixed(T0, ZoneOffset.UTC))
                    .ids(IdGenerator.seeded(31)).defaultRegion("DE").build();
            bens = crm.customers().createContact(new NewContact("Bea", "Benson", List.of("bea@kunde.example"),
                    List.of(), "", Optional.of(UserId.of("ben")), Map.of()));
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

    private Contact stored() {
        try (Database db = Database.open(h2(), Optional.empty(), Optional.empty(), StoreOptions.PREFIX)) {
            return db.store().contacts().findById(bens.id()).orElseThrow();
        }
    }

    /** Whether the command takes {@code --as-of}, which a test must give (see {@link CliRun#requireAsOf}). */
    private static boolean readsTheClock(List<String> names) {
        picocli.CommandLine command = CrmCommand.commandLine();
        for (String name : names) {
            command = command.getSubcommands().get(name);
        }
        return command.getCommandSpec().mixins().values().stream()
                .anyMatch(mixin -> mixin.userObject() instanceof AsOfOption);
    }

    @Test
    void contactEdit_asAUser_isRefusedNamingThePermission_andChangesNothing() {
        CliRun refused = crm("--as", "ben", "contact", "edit", bens.id().toString(), "--last-name", "Smith",
                "--as-of", CliRun.AS_OF);

        assertEquals(2, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("crm contact edit does not run as a user: as ben it would need the edit "
                + "permission on every record it touches"), refused.err());
        assertEquals(bens.name(), stored().name(), "nothing was changed");

        CliRun asSystem = crm("contact", "edit", bens.id().toString(), "--last-name", "Smith", "--as-of",
                CliRun.AS_OF);
        assertEquals(0, asSystem.exitCode(), asSystem.toString());
        assertEquals("Smith", stored().name().last());
    }

    @Test
    void everyListedWrite_asAUser_isRefusedBeforeItRuns_namingItsPermission() {
        for (Map.Entry<String, dev.crmkit.core.access.Permission> write : AsUserGate.WRITES.entrySet()) {
            List<String> args = new ArrayList<>(List.of("--as", "anna"));
            args.addAll(List.of(write.getKey().substring("crm ".length()).split(" ")));
            if (readsTheClock(args.subList(2, args.size()))) {
                args.addAll(List.of("--as-of", CliRun.AS_OF));
            }
            CliRun run = crm(args.toArray(String[]::new));
            String permission = write.getValue().name().toLowerCase(java.util.Locale.ROOT);
            assertEquals(2, run.exitCode(), write.getKey() + ": " + run);
            assertTrue(run.err().contains(write.getKey() + " does not run as a user: as anna it would need the "
                    + permission + " permission"), write.getKey() + ": " + run.err());
        }
        assertEquals(bens, stored(), "nothing was changed");
    }
}
