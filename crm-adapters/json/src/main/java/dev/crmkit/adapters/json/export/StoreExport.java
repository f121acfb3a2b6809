package dev.crmkit.adapters.json.export;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.crmkit.kit.CrmkitStore;
import dev.crmkit.kit.archive.Archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes everything in a store to a folder in the {@link ExportFormat}: one JSON Lines file per record type, its
 * records in key order, then {@code manifest.json} with counts and SHA-256 checksums. Streams: it holds one page of
 * records at a time, whatever the size of the store. Every page is read within {@link CrmkitStore#readConsistently}:
 * in a JDBC store one read-only REPEATABLE READ transaction, so the files are one consistent state of the database
 * while others write to it; in another store (the in-memory one) each page is what the store holds when it is read,
 * so export such a store while nobody writes to it. The same store content always gives the same bytes.
 * Thread-safe.
 *
 * <pre>{@code
 * ExportManifest manifest = StoreExport.standard().write(store, Path.of("backup"));
 * }</pre>
 */
public final class StoreExport {

    /** How many records are read from a store at a time. */
    public static final int PAGE = 500;

    private final ExportFormat format;

    private StoreExport(ExportFormat format) {
        this.format = Objects.requireNonNull(format, "format");
    }

    /** An export in the given format. */
    public static StoreExport of(ExportFormat format) {
        return new StoreExport(format);
    }

    /** An export in the {@link ExportFormat#standard() standard} format. */
    public static StoreExport standard() {
        return of(ExportFormat.standard());
    }

    /**
     * {@link #write(CrmkitStore, Path)} as an actor: a full export is all or nothing, so it is written only when
     * {@link dev.crmkit.core.access.ExportAccess#fullExport} allows the actor (a system process, a role with
     * {@code EXPORT} scoped {@code EVERYTHING} on every record type, or with the administrative permission
     * {@code ACCESS}); otherwise nothing is written, the folder is not touched, and the refusal names the permission
     * and the record types the actor's role falls short on. The organization is read from the store's access
     * directory (not at all for a system process).
     *
     * @return the manifest written, or the refusal
     * @throws IllegalArgumentException as {@link #write(CrmkitStore, Path)}
     * @throws UncheckedIOException     as {@link #write(CrmkitStore, Path)}
     */
    public dev.crmkit.core.access.Guarded<ExportManifest> write(CrmkitStore store, Path folder,
                                                               dev.crmkit.core.access.Actor actor) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(actor, "actor");
        dev.crmkit.core.access.AccessPolicy policy = dev.crmkit.core.access.AccessPolicy.of(
                actor instanceof dev.crmkit.core.access.Actor.SystemProcess
                        ? dev.crmkit.core.access.Organization.of(List.of(), List.of(), List.of(), java.util.Map.of())
                        : store.accessDirectory().organization());
        dev.crmkit.core.access.AccessDecision decision = dev.crmkit.core.access.ExportAccess.fullExport(policy,
                actor);
        if (decision instanceof dev.crmkit.core.access.AccessDecision.Refused refused) {
            return dev.crmkit.core.access.Guarded.refused(refused);
        }
        return dev.crmkit.core.access.Guarded.done((dev.crmkit.core.access.AccessDecision.Allowed) decision,
                write(store, folder));
    }

    /**
     * Writes the store to a folder, created if missing.
     *
     * @return the manifest written
     * @throws IllegalArgumentException if the folder holds files already (an export is never written over another)
     * @throws UncheckedIOException     if a file cannot be written
     */
    public ExportManifest write(CrmkitStore store, Path folder) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(folder, "folder");
        try {
            Files.createDirectories(folder);
            try (Stream<Path> inside = Files.list(folder)) {
                if (inside.findAny().isPresent()) {
                    throw new IllegalArgumentException("the export folder " + folder + " is not empty");
                }
            }
            List<ExportManifest.FileEntry> files = store.readConsistently(() -> {
                List<ExportManifest.FileEntry> written = new ArrayList<>();
                for (RecordFormat<?> record : format.records()) {
                    try {
                        written.add(writeFile(store, record, folder));
                    } catch (IOException e) {
                        throw new UncheckedIOException("could not write the export to " + folder, e);
                    }
                }
                return written;
            });
            ExportManifest manifest = new ExportManifest(ExportFormat.VERSION, files);
            Files.write(folder.resolve(ExportManifest.FILE), manifest.bytes(format.mapper()));
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the export to " + folder, e);
        }
    }

    private <T> ExportManifest.FileEntry writeFile(CrmkitStore store, RecordFormat<T> record, Path folder)
            throws IOException {
        Archive<T> archive = record.archive().apply(store);
        ObjectWriter writer = format.mapper().writerFor(record.type());
        MessageDigest digest = Sha256.digest();
        long count = 0;
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(
                Files.newOutputStream(folder.resolve(record.file()))), digest)) {
            Optional<String> after = Optional.empty();
            while (true) {
                List<T> page = archive.after(after, PAGE);
                for (T r : page) {
                    out.write(writer.writeValueAsString(r).getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                }
                count += page.size();
                if (page.size() < PAGE) {
                    break;
                }
                after = Optional.of(archive.key(page.get(page.size() - 1)));
            }
        }
        return new ExportManifest.FileEntry(record.name(), record.file(), count, Sha256.hex(digest));
    }
}
