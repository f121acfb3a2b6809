package dev.crmkit.adapters.jdbc;

import dev.crmkit.adapters.json.export.ExportFormat;
import dev.crmkit.adapters.json.export.ExportManifest;
import dev.crmkit.adapters.json.export.RecordFormat;
import dev.crmkit.adapters.json.export.StoreExport;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contract.Fixtures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The full export of a JDBC store is one consistent state of the database while another node commits: its reads run
 * in one read-only REPEATABLE READ transaction ({@code JdbcCrmStore.readConsistently}).
 */
class ExportSnapshotTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
    void readConsistently_readsOneState_whileAnotherNodeCommits(TestDatabase db) {
        DataSource[] nodes = db.nodes(2);
        JdbcCrmStore exporting = JdbcCrmStore.builder(nodes[0]).build();
        JdbcCrmStore other = JdbcCrmStore.builder(nodes[1]).build();
        Fixtures fx = new Fixtures(11L);
        other.contacts().insertOrGet(fx.contact().build());

        List<Integer> seen = exporting.readConsistently(() -> {
            int first = exporting.archives().contacts().after(Optional.empty(), 10).size();
            other.contacts().insertOrGet(fx.contact().build()); // committed by the other node meanwhile
            return List.of(first, exporting.archives().contacts().after(Optional.empty(), 10).size());
        });

        assertEquals(List.of(1, 1), seen, "the second read sees the state of the first");
        assertEquals(2, exporting.archives().contacts().after(Optional.empty(), 10).size(), "and later reads all");
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
    void export_isOneState_whenAnotherNodeCommitsHalfWay(TestDatabase db) throws IOException {
        DataSource[] nodes = db.nodes(2);
        JdbcCrmStore exporting = JdbcCrmStore.builder(nodes[0]).build();
        JdbcCrmStore other = JdbcCrmStore.builder(nodes[1]).build();
        Fixtures fx = new Fixtures(12L);
        for (int i = 0; i < 3; i++) {
            other.contacts().insertOrGet(fx.contact().build());
        }
        // written after every other type: another node adds a contact, then the contacts are read once more
        ExportFormat format = ExportFormat.standard().with(new RecordFormat<>("contacts-again", Contact.class, s -> {
            other.contacts().insertOrGet(fx.contact().build());
            return s.archives().contacts();
        }));

        ExportManifest manifest = StoreExport.of(format).write(exporting, dir.resolve("export"));

        assertArrayEquals(Files.readAllBytes(dir.resolve("export").resolve("contacts.jsonl")),
                Files.readAllBytes(dir.resolve("export").resolve("contacts-again.jsonl")),
                "the contact committed half-way is not in the export");
        assertEquals(3, manifest.files().get(0).count());
        assertEquals(4, exporting.contacts().count());
    }
}
