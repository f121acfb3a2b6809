package dev.crmkit.adapters.json.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.crmkit.core.access.Share;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.audit.AuditEntry;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.merge.ContactMerge;
import dev.crmkit.core.merge.LeadMerge;
import dev.crmkit.core.privacy.ConsentChange;
import dev.crmkit.core.scoring.LeadScore;
import dev.crmkit.core.scoring.ManualProbability;
import dev.crmkit.core.task.Task;
import dev.crmkit.kit.CrmkitStore;
import dev.crmkit.kit.archive.AbExposureEntry;
import dev.crmkit.kit.archive.Archive;
import dev.crmkit.kit.archive.CampaignEventEntry;
import dev.crmkit.kit.archive.ContactAlias;
import dev.crmkit.kit.archive.LeadAlias;
import dev.crmkit.kit.archive.LeadClaim;
import dev.crmkit.kit.archive.RestoreLog;
import dev.crmkit.kit.migration.ExternalId;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.StageHistoryEntry;
import dev.crmkit.service.commitment.Commitment;
import dev.crmkit.service.equipment.Equipment;
import dev.crmkit.service.plan.ServicePlan;
import dev.crmkit.service.reminder.ServiceReminder;
import dev.crmkit.service.request.ServiceRequest;
import dev.crmkit.service.visit.Visit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Restores an export into a store, keeping ids, versions and times. Before it writes anything it reads
 * {@code manifest.json}, checks the format version, and checks every file's SHA-256 and line count against it; an
 * export that fails a check is {@link ImportOutcome.Refused refused} naming the file. A store that holds records
 * already is refused too, unless the import {@link Builder#merge merges}: then a record whose key the store holds is
 * kept as the store has it, and one whose unique keys belong to another record is reported as rejected. An import
 * {@link Builder#checking checking} the suppression list does not restore a contact or lead of an erased person: it
 * reports it as rejected, {@code suppressed}, as capture flags them; nor a contact or lead merge whose snapshots hold
 * such a person; nor what belongs to a record it skipped: the leads of a skipped contact, the timeline entries, tasks
 * and deals about a skipped contact, lead or deal (a deal's contact and lead are read ahead from the deals file, as
 * timeline entries and tasks come before deals in the export), a skipped deal's stage history, a skipped lead's score,
 * manual probability and claim, a skipped contact's consent history, the audit entries about a skipped record (their
 * changes hold old and new values), the merges whose snapshots are a skipped contact or lead and the contacts or leads
 * they merged away, merge aliases, shares, external ids, crm-service records of a skipped customer and crm-campaigns
 * records of a skipped contact, each reported as rejected under its own record type, naming the skipped record it
 * belongs to.
 *
 * <p>Records are restored in batches ({@link Archive#restoreAll}, set-based where the store can), each in one unit
 * of work together with the store's {@link RestoreLog} entry that says how far the import has come; an import that stopped half-way (a crash, a lost connection) is run again
 * with the same export and goes on after the last committed batch, writing no record twice. Streams: it holds one
 * batch at a time. Thread-safe.
 */
public final class StoreImport {

    private final ExportFormat format;
    private final int batchSize;
    private final boolean merge;
    private final Consumer<ImportProgress> progress;
    private final dev.crmkit.core.privacy.Suppressions suppressions;

    private StoreImport(Builder b) {
        this.format = b.format;
        this.batchSize = b.batchSize;
        this.merge = b.merge;
        this.progress = b.progress;
        this.suppressions = b.suppressions;
    }

    /** Starts configuring an import; the standard format, batches of 500, no merge. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Restores the export in a folder into a store.
     *
     * @throws UncheckedIOException if a file cannot be read
     */
    public ImportOutcome into(CrmkitStore store, Path folder) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(folder, "folder");
        byte[] manifestBytes;
        try {
            manifestBytes = Files.readAllBytes(folder.resolve(ExportManifest.FILE));
        } catch (NoSuchFileException e) {
            return refused("there is no " + ExportManifest.FILE + " in " + folder
                    + ": not an export, or one whose writing did not finish");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + folder.resolve(ExportManifest.FILE), e);
        }
        ExportManifest manifest;
        try {
            manifest = ExportManifest.parse(format.mapper(), manifestBytes);
        } catch (IllegalArgumentException e) {
            return refused(e.getMessage());
        }
        List<String> reasons = check(manifest, folder);
        if (!reasons.isEmpty()) {
            return new ImportOutcome.Refused(reasons);
        }
        String export = Sha256.of(manifestBytes);
        RestoreLog log = store.archives().restoreLog();
        boolean resumed = log.begun(export);
        if (!resumed && !merge) {
            List<String> held = format.records().stream()
                    .filter(r -> !r.archive().apply(store).after(Optional.empty(), 1).isEmpty())
                    .map(RecordFormat::name).toList();
            if (!held.isEmpty()) {
                return refused("the store is not empty (it holds " + String.join(", ", held)
                        + "): import into an empty store, or merge");
            }
        }
        List<ImportOutcome.TypeResult> results = new ArrayList<>();
        Skipped skipped = new Skipped(dealOwners(manifest, folder));
        for (RecordFormat<?> record : format.records()) {
            Optional<ExportManifest.FileEntry> entry = manifest.entry(record.name());
            if (entry.isPresent()) {
                results.add(restore(store, record, entry.get(), folder, export, skipped));
            }
        }
        return new ImportOutcome.Imported(export, resumed, results);
    }

    /** The reasons to refuse an export: its version, unknown record types, files that are missing or changed. */
    private List<String> check(ExportManifest manifest, Path folder) {
        List<String> reasons = new ArrayList<>();
        if (manifest.formatVersion() != ExportFormat.VERSION) {
            reasons.add(ExportManifest.FILE + ": format version " + manifest.formatVersion()
                    + " is not supported; this crmkit reads version " + ExportFormat.VERSION);
            return reasons;
        }
        for (ExportManifest.FileEntry entry : manifest.files()) {
            Optional<RecordFormat<?>> record = format.record(entry.recordType());
            if (record.isEmpty()) {
                reasons.add(ExportManifest.FILE + ": record type " + entry.recordType()
                        + " is unknown to this crmkit (an export of a store with more modules?)");
            } else if (!record.get().file().equals(entry.file())) {
                reasons.add(ExportManifest.FILE + ": the file of " + entry.recordType() + " must be "
                        + record.get().file() + ", not " + entry.file());
            } else {
                checkFile(folder.resolve(entry.file()), entry).ifPresent(reasons::add);
            }
        }
        return reasons;
    }

    private static Optional<String> checkFile(Path file, ExportManifest.FileEntry entry) {
        MessageDigest digest = Sha256.digest();
        long lines = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        } catch (NoSuchFileException e) {
            return Optional.of(entry.file() + " is missing");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        String sha = Sha256.hex(digest);
        if (!sha.equals(entry.sha256())) {
            return Optional.of(entry.file() + ": SHA-256 is " + sha + " but the manifest says " + entry.sha256()
                    + ": the file was changed or damaged");
        }
        if (lines != entry.count()) {
            return Optional.of(entry.file() + ": holds " + lines + " records but the manifest says "
                    + entry.count());
        }
        return Optional.empty();
    }

    private <T> ImportOutcome.TypeResult restore(CrmkitStore store, RecordFormat<T> record,
                                                 ExportManifest.FileEntry entry, Path folder, String export,
                                                 Skipped skipped) {
        Archive<T> archive = record.archive().apply(store);
        RestoreLog log = store.archives().restoreLog();
        Optional<String> done = log.lastKey(export, record.name());
        ObjectReader reader = format.mapper().readerFor(record.type());
        Batch<T> totals = new Batch<>();
        List<T> batch = new ArrayList<>(batchSize);
        String previous = null;
        long line = 0;
        try (BufferedReader in = Files.newBufferedReader(folder.resolve(entry.file()), StandardCharsets.UTF_8)) {
            String text;
            while ((text = in.readLine()) != null) {
                line++;
                T r = read(reader, text, entry.file(), line);
                String key = archive.key(r);
                if (previous != null && Archive.compareKeys(key, previous) <= 0) {
                    throw new IllegalArgumentException(entry.file() + " line " + line + ": key " + key
                            + " is not after the key before it, " + previous);
                }
                previous = key;
                if (done.isPresent() && Archive.compareKeys(key, done.get()) <= 0) {
                    totals.earlier++;
                    if (skipped.why(r).or(() -> suppressed(r)).isPresent()) {
                        skipped.add(r); // an earlier run skipped it: what belongs to it is skipped by this one too
                    }
                    continue;
                }
                batch.add(r);
                if (batch.size() == batchSize) {
                    commit(store, archive, record, export, batch, totals, entry.count(), skipped);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + folder.resolve(entry.file()), e);
        }
        if (!batch.isEmpty()) {
            commit(store, archive, record, export, batch, totals, entry.count(), skipped);
        }
        return new ImportOutcome.TypeResult(record.name(), totals.restored, totals.earlier, totals.kept,
                totals.rejected);
    }

    private <T> void commit(CrmkitStore store, Archive<T> archive, RecordFormat<T> record, String export,
                            List<T> batch, Batch<T> totals, long total, Skipped skipped) {
        Batch<T> counts = store.transactions().inTransaction(() -> {
            Batch<T> these = new Batch<>();
            List<T> admitted = new ArrayList<>(batch.size());
            for (T r : batch) {
                Optional<String> erased = skipped.why(r).or(() -> suppressed(r));
                erased.ifPresent(why -> skipped.add(r));
                if (erased.isPresent()) {
                    these.rejected.add(archive.key(r) + ": " + erased.get());
                } else {
                    admitted.add(r);
                }
            }
            if (merge) { // record by record: each one may be kept or rejected
                for (T r : admitted) {
                    String key = archive.key(r);
                    if (archive.contains(key)) {
                        these.kept++;
                        continue;
                    }
                    try {
                        archive.restore(r);
                        these.restored++;
                    } catch (IllegalArgumentException e) { // ValidationException is one: a unique key is taken
                        these.rejected.add(key + ": " + e.getMessage());
                    }
                }
            } else if (!admitted.isEmpty()) { // every record is new: the store may write them set-based
                archive.restoreAll(admitted);
                these.restored += admitted.size();
            }
            store.archives().restoreLog().advance(export, record.name(), archive.key(batch.get(batch.size() - 1)));
            return these;
        });
        totals.add(counts);
        batch.clear();
        progress.accept(new ImportProgress(record.name(), totals.earlier + totals.restored + totals.kept
                + totals.rejected.size(), total));
    }

    /**
     * Why a contact or lead may not come back: its e-mail or phone is on the suppression list (an erased person's),
     * read in the running unit of work; empty for any other record, or without a salt.
     */
    private Optional<String> suppressed(Object record) {
        if (!suppressions.isOn()) {
            return Optional.empty();
        }
        List<String> fields = new ArrayList<>();
        if (record instanceof Contact c) {
            suppressedIn(c, fields);
        } else if (record instanceof Lead l) {
            fields.addAll(suppressions.matches(l.email(), l.phone()));
        } else if (record instanceof ContactMerge m) { // a snapshot of an erased person's contact
            suppressedIn(m.survivorBefore(), fields);
            m.mergedAway().forEach(c -> suppressedIn(c, fields));
        } else if (record instanceof LeadMerge m) {
            fields.addAll(suppressions.matches(m.survivorBefore().email(), m.survivorBefore().phone()));
            m.mergedAway().forEach(l -> fields.addAll(suppressions.matches(l.email(), l.phone())));
        }
        List<String> named = fields.stream().distinct().toList();
        return named.isEmpty() ? Optional.empty() : Optional.of("suppressed: its " + String.join(" and ", named)
                + (named.size() == 1 ? " belongs" : " belong") + " to an erased person (suppression list): not "
                + "brought back");
    }

    private void suppressedIn(Contact c, List<String> fields) {
        c.emails().forEach(e -> fields.addAll(suppressions.matches(Optional.of(e), Optional.empty())));
        c.phones().forEach(p -> fields.addAll(suppressions.matches(Optional.empty(), Optional.of(p))));
    }

    private static <T> T read(ObjectReader reader, String text, String file, long line) {
        try {
            return reader.readValue(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " line " + line + ": " + e.getOriginalMessage(), e);
        }
    }

    private static ImportOutcome refused(String reason) {
        return new ImportOutcome.Refused(List.of(reason));
    }

    /**
     * The deals of an export and the contact and lead each belongs to, read ahead from its deals file when the import
     * checks the suppression list: timeline entries and tasks are restored before deals (the export's order), so an
     * entry or task about a deal that will be skipped is known to be skipped by its deal's contact or lead. Only the
     * deals that have a contact or lead are held; empty when the export has no deals file.
     */
    private java.util.Map<java.util.UUID, List<RecordRef>> dealOwners(ExportManifest manifest, Path folder) {
        java.util.Map<java.util.UUID, List<RecordRef>> owners = new java.util.HashMap<>();
        if (!suppressions.isOn()) {
            return owners;
        }
        for (RecordFormat<?> record : format.records()) {
            Optional<ExportManifest.FileEntry> entry = manifest.entry(record.name());
            if (record.type() != Deal.class || entry.isEmpty()) {
                continue;
            }
            ObjectReader reader = format.mapper().readerFor(Deal.class);
            Path file = folder.resolve(entry.get().file());
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String text;
                long line = 0;
                while ((text = in.readLine()) != null) {
                    line++;
                    Deal d = read(reader, text, entry.get().file(), line);
                    List<RecordRef> of = Skipped.ownersOf(d);
                    if (!of.isEmpty()) {
                        owners.put(d.id().value(), of);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file, e);
            }
        }
        return owners;
    }

    /**
     * The contacts, leads and deals an import skipped (an erased person's, or belonging to one), and whether a record
     * belongs to one of them. Contacts and leads are restored before what belongs to them; a deal's contact and lead
     * are known ahead ({@link #dealOwners}), so a timeline entry or task about a deal is skipped with the deal's
     * person although deals come later in the export. Not thread-safe: one import.
     */
    private static final class Skipped {
        private final java.util.Set<RecordRef> records = new java.util.HashSet<>();
        private final java.util.Map<java.util.UUID, List<RecordRef>> dealOwners;

        Skipped(java.util.Map<java.util.UUID, List<RecordRef>> dealOwners) {
            this.dealOwners = dealOwners;
        }

        /**
         * Remembers a skipped contact, lead or deal, and the contacts or leads a skipped merge merged away (they live
         * on only in its snapshots, an erased person's); other records own nothing.
         */
        void add(Object record) {
            if (record instanceof Contact c) {
                records.add(contact(c.id()));
            } else if (record instanceof Lead l) {
                records.add(lead(l.id()));
            } else if (record instanceof Deal d) {
                records.add(new RecordRef(RecordType.DEAL, d.id().value()));
            } else if (record instanceof ContactMerge m) {
                m.mergedAway().forEach(c -> records.add(contact(c.id())));
            } else if (record instanceof LeadMerge m) {
                m.mergedAway().forEach(l -> records.add(lead(l.id())));
            }
        }

        /** Why the record is skipped with a skipped record it belongs to; empty when it belongs to none. */
        Optional<String> why(Object record) {
            if (records.isEmpty()) {
                return Optional.empty();
            }
            if (record instanceof ExternalId x) { // the key of a migrated record, whatever its type
                return records.stream().filter(r -> r.id().equals(x.recordId())).findFirst().map(Skipped::because);
            }
            for (RecordRef owner : ownersOf(record)) {
                if (records.contains(owner)) {
                    return Optional.of(because(owner));
                }
                if (owner.type() == RecordType.DEAL) { // a deal decided later: skipped with its contact or lead
                    for (RecordRef person : dealOwners.getOrDefault(owner.id(), List.of())) {
                        if (records.contains(person)) {
                            return Optional.of(because(owner) + ", which belongs to " + person
                                    + ", which was not brought back (an erased person's)");
                        }
                    }
                }
            }
            return Optional.empty();
        }

        private static String because(RecordRef owner) {
            return "suppressed: it belongs to " + owner + ", which was not brought back (an erased person's)";
        }

        /** The contacts, leads and deals a record belongs to (or holds a copy of); empty for one of nobody's. */
        static List<RecordRef> ownersOf(Object record) {
            List<RecordRef> owners = new ArrayList<>();
            if (record instanceof Lead l) {
                owners.add(contact(l.contactId()));
            } else if (record instanceof Activity a) {
                owners.addAll(a.about());
            } else if (record instanceof Task t) {
                t.relatedTo().ifPresent(owners::add);
            } else if (record instanceof Deal d) {
                d.contactId().ifPresent(c -> owners.add(contact(c)));
                d.leadId().ifPresent(l -> owners.add(lead(l)));
            } else if (record instanceof StageHistoryEntry e) {
                owners.add(new RecordRef(RecordType.DEAL, e.dealId().value()));
            } else if (record instanceof LeadScore score) {
                owners.add(lead(score.leadId()));
            } else if (record instanceof ManualProbability p) {
                owners.add(lead(p.leadId()));
            } else if (record instanceof ConsentChange c) {
                owners.add(contact(c.contact()));
            } else if (record instanceof AuditEntry e) { // its changes hold the old and new values
                e.record().ifPresent(owners::add);
            } else if (record instanceof ContactMerge m) { // its snapshots are whole contacts
                owners.add(contact(m.survivorBefore().id()));
                m.mergedAway().forEach(c -> owners.add(contact(c.id())));
            } else if (record instanceof LeadMerge m) { // its snapshots are whole leads
                java.util.stream.Stream.concat(java.util.stream.Stream.of(m.survivorBefore()),
                        m.mergedAway().stream()).forEach(l -> {
                            owners.add(lead(l.id()));
                            owners.add(contact(l.contactId()));
                        });
            } else if (record instanceof ContactAlias a) {
                owners.add(contact(a.merged()));
                owners.add(contact(a.survivor()));
            } else if (record instanceof LeadAlias a) {
                owners.add(lead(a.merged()));
                owners.add(lead(a.survivor()));
            } else if (record instanceof LeadClaim c) {
                owners.add(lead(c.lead()));
            } else if (record instanceof Share s) {
                owners.add(s.record());
            } else if (record instanceof Equipment e) {
                owners.add(contact(e.customer()));
            } else if (record instanceof ServicePlan p) {
                owners.add(contact(p.customer()));
            } else if (record instanceof ServiceRequest r) {
                owners.add(contact(r.customer()));
            } else if (record instanceof Visit v) {
                owners.add(contact(v.customer()));
            } else if (record instanceof Commitment c) {
                owners.add(contact(c.customer()));
            } else if (record instanceof ServiceReminder r) {
                owners.add(contact(r.customer()));
            } else if (record instanceof CampaignEventEntry e) {
                contact(e.event().contactId()).ifPresent(owners::add);
            } else if (record instanceof AbExposureEntry e) {
                contact(e.contactId()).ifPresent(owners::add);
            } else {
                CampaignFormats.contactOf(record).flatMap(Skipped::contact).ifPresent(owners::add);
            }
            return owners;
        }

        private static RecordRef contact(ContactId id) {
            return new RecordRef(RecordType.CONTACT, id.value());
        }

        private static RecordRef lead(LeadId id) {
            return new RecordRef(RecordType.LEAD, id.value());
        }

        /** A campaign record's contact id (text); empty when it is not a contact's id. */
        private static Optional<RecordRef> contact(String id) {
            try {
                return Optional.of(new RecordRef(RecordType.CONTACT, java.util.UUID.fromString(id)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /** Counts of one batch, or of a whole record type. */
    private static final class Batch<T> {
        long restored;
        long earlier;
        long kept;
        final List<String> rejected = new ArrayList<>();

        void add(Batch<T> other) {
            restored += other.restored;
            kept += other.kept;
            rejected.addAll(other.rejected);
        }
    }

    /** Configures a {@link StoreImport}. Not thread-safe. */
    public static final class Builder {
        private ExportFormat format = ExportFormat.standard();
        private int batchSize = 500;
        private boolean merge;
        private dev.crmkit.core.privacy.Suppressions suppressions = dev.crmkit.core.privacy.Suppressions.off();
        private Consumer<ImportProgress> progress = p -> {
        };

        private Builder() {
        }

        /** The export format; default {@link ExportFormat#standard()}. */
        public Builder format(ExportFormat value) {
            this.format = Objects.requireNonNull(value, "format");
            return this;
        }

        /**
         * How many records are restored per unit of work; default 500.
         *
         * @throws IllegalArgumentException if below 1
         */
        public Builder batchSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1: " + value);
            }
            this.batchSize = value;
            return this;
        }

        /**
         * Whether a store that holds records already is merged into (records it holds are kept as they are, records
         * whose unique keys it holds elsewhere are rejected) instead of refused; default false.
         */
        public Builder merge(boolean value) {
            this.merge = value;
            return this;
        }

        /**
         * Checks contacts and leads against the suppression list (the store's list with the host's salt, as
         * {@code Crm.Builder.suppressionSalt}): one whose e-mail or phone belongs to an erased person is not restored
         * and is reported as rejected, {@code suppressed}, so an export taken before an erasure does not bring the
         * person back unnoticed. Default: {@link dev.crmkit.core.privacy.Suppressions#off()}, nothing checked.
         */
        public Builder checking(dev.crmkit.core.privacy.Suppressions value) {
            this.suppressions = Objects.requireNonNull(value, "suppressions");
            return this;
        }

        /** Told after each committed batch, on the importing thread; default nobody. */
        public Builder progress(Consumer<ImportProgress> value) {
            this.progress = Objects.requireNonNull(value, "progress");
            return this;
        }

        /** The import. */
        public StoreImport build() {
            return new StoreImport(this);
        }
    }
}
