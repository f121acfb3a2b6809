package dev.crmkit.campaigns.template;

import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every {@link TemplateStore} passes, and {@link EditableTemplates} over it; subclasses give a fresh,
 * empty store per test and, for the database stores, a second node over the same tables.
 */
public abstract class TemplateStoreContract {

    private static final String HOSTILE = "Hallo {{first_name}} \"'; DROP TABLE x --\r\n\u0001 \u2028 👩‍👩‍👧 "
            + "x".repeat(20_000) + "\n";

    /** A fresh, empty store. */
    protected abstract TemplateStore store();

    /** Another node over the same stored templates as {@code first}; in memory, the same store. */
    protected TemplateStore secondNode(TemplateStore first) {
        return first;
    }

    private static MessageTemplate t(String name, String language, String subject) {
        return new MessageTemplate(name, language, subject, "Hello {{first_name}}\n");
    }

    @Test
    void save_keepsEveryVersion_andTheNewestIsCurrent() {
        TemplateStore store = store();
        StoredTemplate v1 = store.save(t("birthday", "de", "Eins"), 0);
        StoredTemplate v2 = secondNode(store).save(new MessageTemplate("birthday", "de", "Zwei ✓", HOSTILE), 1);

        assertEquals(new StoredTemplate(t("birthday", "de", "Eins"), 1), v1);
        assertEquals(2, v2.version());
        assertEquals(Optional.of(v2), store.current("birthday", "de"));
        assertEquals(List.of(v1, v2), secondNode(store).history("birthday", "de"));
        assertEquals(Optional.empty(), store.current("birthday", ""));
        assertEquals(List.of(), store.history("birthday", ""));
    }

    @Test
    void save_atAnotherVersion_isRefused_andNothingChanges() {
        TemplateStore store = store();
        store.save(t("win-back", "", "One"), 0);
        StoredTemplate v2 = store.save(t("win-back", "", "Two"), 1);

        assertThrows(StaleVersionException.class, () -> store.save(t("win-back", "", "stale"), 1));
        assertThrows(StaleVersionException.class, () -> store.save(t("win-back", "", "new?"), 0));
        assertThrows(StaleVersionException.class, () -> store.save(t("win-back", "", "ahead"), 5));
        assertThrows(StaleVersionException.class, () -> store.save(t("other", "", "ahead"), 1));
        assertEquals(Optional.of(v2), store.current("win-back", ""));
        assertEquals(2, store.history("win-back", "").size());
        assertEquals(List.of(), store.history("other", ""));
    }

    @Test
    void currents_newestOfEachNameAndLanguage_inOrder() {
        TemplateStore store = store();
        store.save(t("win-back", "de", "a"), 0);
        store.save(t("birthday", "en-GB", "b"), 0);
        store.save(t("birthday", "", "c"), 0);
        store.save(t("birthday", "", "d"), 1);
        store.save(t("birthday", "de", "e"), 0);

        assertEquals(List.of("birthday||d|2", "birthday|de|e|1", "birthday|en-GB|b|1", "win-back|de|a|1"),
                store.currents().stream().map(s -> s.template().name() + "|" + s.template().language() + "|"
                        + s.template().subject() + "|" + s.version()).toList());
    }

    @Test
    void save_tooLong_isRefusedNamingTheField_andNothingStored() {
        TemplateStore store = store();
        ValidationException e = assertThrows(ValidationException.class,
                () -> store.save(t("a".repeat(101), "", "s"), 0));
        assertEquals("name", e.violations().get(0).field());
        ValidationException subject = assertThrows(ValidationException.class,
                () -> store.save(t("a", "", "s".repeat(1001)), 0));
        assertEquals("subject", subject.violations().get(0).field());
        assertEquals(List.of(), store.currents());
    }

    @Test
    void concurrentSaves_atOneVersion_oneWins() throws Exception {
        TemplateStore first = store();
        TemplateStore second = secondNode(first);
        first.save(t("race", "", "start"), 0);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= 5; round++) {
                long read = round;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> results = List.of(first, second).stream().map(s -> pool.submit(() -> {
                    go.await();
                    try {
                        s.save(t("race", "", "by " + s.hashCode()), read);
                        return true;
                    } catch (StaleVersionException lost) {
                        return false;
                    }
                })).toList();
                go.countDown();
                int won = 0;
                for (Future<Boolean> r : results) {
                    won += r.get() ? 1 : 0;
                }
                assertEquals(1, won, "round " + round);
            }
            assertEquals(6, first.history("race", "").size());
            assertEquals(6, first.current("race", "").orElseThrow().version());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void editable_checksWhenSaved_storesTheCanonicalLanguage_andOverlaysTheBuiltIns() {
        TemplateStore store = store();
        EditableTemplates templates = new EditableTemplates(store, StandardTemplates.library());

        ValidationException bad = assertThrows(ValidationException.class, () -> templates.save(
                new MessageTemplate("birthday", "de", "Hi {{password}}", "{{> other}}"), 0));
        assertEquals(List.of("subject", "body"), bad.violations().stream().map(v -> v.field()).toList());
        assertEquals(List.of("known-variable", "no-include"), bad.violations().stream().map(v -> v.rule()).toList());
        assertEquals(List.of(), store.currents(), "nothing stored");

        StoredTemplate saved = templates.save(new MessageTemplate("birthday", "de-at", "Servus {{first_name}}",
                "Alles Gute bis {{valid_until}}\n"), 0);
        assertEquals("de-AT", saved.template().language());
        assertEquals("Servus Anna", templates.preview(saved.template()).subject());

        TemplateLibrary library = templates.library();
        Map<String, String> values = Map.of("first_name", "Eva", "valid_until", "2026-03-01");
        assertEquals("Servus Eva", library.render("birthday", "de-AT", values).subject());
        assertEquals("Alles Gute zum Geburtstag, Eva!", library.render("birthday", "de", values).subject(),
                "the built-in German one is still there");
        assertTrue(library.render("win-back", "en", values).subject().startsWith("We miss you"));
    }
}
