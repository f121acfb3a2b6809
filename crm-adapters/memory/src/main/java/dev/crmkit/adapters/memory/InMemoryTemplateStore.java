package dev.crmkit.adapters.memory;

import dev.crmkit.campaigns.template.MessageTemplate;
import dev.crmkit.campaigns.template.StoredTemplate;
import dev.crmkit.campaigns.template.TemplateStore;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.kit.archive.Archive;
import dev.crmkit.kit.archive.TemplateKey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * User-edited templates in memory, every version kept, keyed by name and language in code-point order. Needs
 * crm-campaigns on the class path (optional here). Thread-safe.
 */
public final class InMemoryTemplateStore implements TemplateStore {

    private static final Comparator<List<String>> KEY_ORDER = Comparator
            .comparing((List<String> k) -> k.get(0), Archive::compareKeys)
            .thenComparing(k -> k.get(1), Archive::compareKeys);

    private final TreeMap<List<String>, List<StoredTemplate>> versions = new TreeMap<>(KEY_ORDER);

    /** An empty store. */
    public InMemoryTemplateStore() {
    }

    @Override
    public synchronized StoredTemplate save(MessageTemplate template, long expectedVersion) {
        Objects.requireNonNull(template, "template");
        List<StoredTemplate> own = versions.getOrDefault(key(template.name(), template.language()), List.of());
        StoredTemplate next = new StoredTemplate(template, expectedVersion + 1);
        if (own.size() != expectedVersion) {
            throw new StaleVersionException("template", template.name() + "/" + template.language(),
                    expectedVersion);
        }
        versions.computeIfAbsent(key(template.name(), template.language()), k -> new ArrayList<>()).add(next);
        return next;
    }

    @Override
    public synchronized Optional<StoredTemplate> current(String name, String language) {
        List<StoredTemplate> own = versions.getOrDefault(key(name, language), List.of());
        return own.isEmpty() ? Optional.empty() : Optional.of(own.get(own.size() - 1));
    }

    @Override
    public synchronized List<StoredTemplate> history(String name, String language) {
        return List.copyOf(versions.getOrDefault(key(name, language), List.of()));
    }

    @Override
    public synchronized List<StoredTemplate> currents() {
        return versions.values().stream().map(v -> v.get(v.size() - 1)).toList();
    }

    private static List<String> key(String name, String language) {
        return List.of(Objects.requireNonNull(name, "name"), Objects.requireNonNull(language, "language"));
    }

    /**
     * The archive of every template version, keyed by {@link TemplateKey}, in the units of work of a store: export
     * and restore only. A restore is undone if its unit of work rolls back.
     */
    MemoryArchive<StoredTemplate> archive(InMemoryTransactions tx) {
        return new MemoryArchive<>(tx, "template version", this::page, TemplateKey::of, this::contains, t -> {
            put(t);
            tx.onRollback(() -> remove(t));
        });
    }

    private synchronized List<StoredTemplate> page(Optional<String> after, int limit) {
        return KeyOrder.after(versions.values().stream().flatMap(List::stream).toList(), TemplateKey::of, after,
                limit);
    }

    private synchronized boolean contains(String archiveKey) {
        TemplateKey.Parts p = TemplateKey.parse(archiveKey);
        return versions.getOrDefault(key(p.name(), p.language()), List.of()).stream()
                .anyMatch(t -> t.version() == p.version());
    }

    private synchronized void put(StoredTemplate t) {
        List<StoredTemplate> own = versions.computeIfAbsent(key(t.template().name(), t.template().language()),
                k -> new ArrayList<>());
        own.add(t);
        own.sort(Comparator.comparingLong(StoredTemplate::version));
    }

    private synchronized void remove(StoredTemplate t) {
        List<StoredTemplate> own = versions.get(key(t.template().name(), t.template().language()));
        if (own != null) {
            own.remove(t);
            if (own.isEmpty()) {
                versions.remove(key(t.template().name(), t.template().language()));
            }
        }
    }
}
