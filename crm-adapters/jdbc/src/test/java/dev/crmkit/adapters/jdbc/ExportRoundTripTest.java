package dev.crmkit.adapters.jdbc;

import dev.crmkit.adapters.json.export.ExportManifest;
import dev.crmkit.adapters.json.export.ImportOutcome;
import dev.crmkit.adapters.json.export.StoreExport;
import dev.crmkit.adapters.json.export.StoreImport;
import dev.crmkit.adapters.memory.InMemoryCrmStore;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.merge.CompanyMerge;
import dev.crmkit.core.merge.CompanyMergeOutcome;
import dev.crmkit.core.merge.LeadMerge;
import dev.crmkit.core.merge.LeadMergeOutcome;
import dev.crmkit.core.merge.MergeId;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.merge.ContactMerge;
import dev.crmkit.core.merge.UnmergeOutcome;
import dev.crmkit.kit.CrmkitStore;
import dev.crmkit.kit.archive.CampaignSample;
import dev.crmkit.kit.migration.ExternalIdFixtures;
import dev.crmkit.kit.archive.CompanyAlias;
import dev.crmkit.kit.archive.ContactAlias;
import dev.crmkit.kit.archive.LeadAlias;
import dev.crmkit.pipeline.contract.PopulatedStore;
import dev.crmkit.service.contract.ServiceRecords;
import dev.crmkit.service.contract.ServiceStores;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.crmkit.kit.archive.ExportFolders.assertSameFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The full export between every pair of stores (in memory, H2, PostgreSQL, MariaDB): a store of each kind filled with
 * the same seeded records exports the same bytes, and that export restored into a store of every kind exports those
 * bytes again, so export(import(export(S))) is export(S) for each pair. Also a restore that stops half-way and goes
 * on, on each database.
 */
class ExportRoundTripTest {

    private static final long SEED = 2026_12_05L;
    private static final int PEOPLE = 10;

    @TempDir
    Path dir;

    /** The kinds of store. */
    enum Kind {
        MEMORY, H2, POSTGRESQL, MARIADB;

        CrmkitStore fresh() {
            if (this == MEMORY) {
                return InMemoryCrmStore.create();
            }
            return JdbcCrmStore.builder(TestDatabase.valueOf(name()).isolated()).build();
        }
    }

    /**
     * {@link PopulatedStore#fill} (shares and audit entries included), {@link CampaignSample#fill} and
     * {@link ServiceRecords#fill} and {@link ExternalIdFixtures#fill} and the consent history, then merges of
     * companies and leads ({@link PopulatedStore#mergeCompaniesAndLeads}).
     */
    static void fill(CrmkitStore store) {
        PopulatedStore.fill(store, store, SEED, PEOPLE);
        CampaignSample.fill(store);
        ServiceRecords.fill(ServiceStores.of(store), SEED + 14);
        ExternalIdFixtures.fill(store);
        dev.crmkit.kit.privacy.ConsentFixtures.fill(store);
        PopulatedStore.mergeCompaniesAndLeads(store, SEED);
        dev.crmkit.kit.privacy.PrivacyListFixtures.fill(store);
    }

    private static Crm crm(CrmStore store, int step) {
        return PopulatedStore.crm(store, SEED, step);
    }

    private static CompanyId company(CrmStore store, int person) {
        return PopulatedStore.company(store, person);
    }

    private static LeadId lead(CrmStore store, int person) {
        return PopulatedStore.lead(store, SEED, person);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void exportOfEachKind_isTheSameBytes_andRestoresIntoEveryKindByteIdentical(Kind source) throws IOException {
        InMemoryCrmStore reference = InMemoryCrmStore.create();
        fill(reference);
        StoreExport.standard().write(reference, dir.resolve("reference"));
        CrmkitStore store = source.fresh();
        fill(store);

        ExportManifest written = StoreExport.standard().write(store, dir.resolve("source"));
        java.util.Map<String, Long> service = new java.util.TreeMap<>();
        written.files().stream().filter(f -> f.recordType().startsWith("service-"))
                .forEach(f -> service.put(f.recordType(), f.count()));
        assertEquals(java.util.Map.of("service-commitments", 2L, "service-equipment", 2L, "service-plans", 1L,
                "service-reminders", 1L, "service-requests", 1L, "service-visits", 3L), service);

        assertSameFiles(dir.resolve("reference"), dir.resolve("source"));
        for (String type : List.of("access-shares", "audit-trail", "campaign-messages", "campaign-do-not-contact",
                "consent-history", "suppression-list", "retention-claims", "erased-contacts", "campaign-events",
                "campaign-enrollments",
                "campaign-templates", "campaign-segments", "campaign-cap-days", "campaign-ab-tests",
                "campaign-ab-exposures", "campaign-ab-winners")) {
            assertTrue(Files.size(dir.resolve("source").resolve(type + ".jsonl")) > 0, type + " is seeded");
        }
        assertEquals(reference.campaignStores().abTests().winner("subject \u2713"),
                store.campaignStores().abTests().winner("subject \u2713"), source + ": the reference's winner");
        // every kind's export is the reference's bytes (above), and a restore reads nothing but the files: restoring
        // each kind's export into every kind repeated one restore per target four times (12 databases more)
        if (source != Kind.MEMORY) {
            return;
        }
        for (Kind target : Kind.values()) {
            CrmkitStore restored = target.fresh();
            ImportOutcome outcome = StoreImport.builder().build().into(restored, dir.resolve("source"));
            assertInstanceOf(ImportOutcome.Imported.class, outcome, source + " -> " + target + ": " + outcome);
            Path again = dir.resolve("to-" + target);
            StoreExport.standard().write(restored, again);
            assertSameFiles(dir.resolve("source"), again);
            // the restored A/B test counts as the source's: 2 exposed per variant, one hit each, the same winner
            var ab = restored.campaignStores().abTests();
            assertEquals(List.of(new dev.crmkit.campaigns.abtest.VariantOutcome("A", 2, 1),
                    new dev.crmkit.campaigns.abtest.VariantOutcome("B \uD83D\uDE00", 2, 1)),
                    ab.outcomes("subject \u2713"), source + " -> " + target);
            assertEquals(store.campaignStores().abTests().winner("subject \u2713"), ab.winner("subject \u2713"));
            // the send state and message key of exposures recorded before their sends come back (V82)
            assertEquals(Optional.of(new dev.crmkit.campaigns.abtest.AbTestStore.Exposure("y",
                    dev.crmkit.campaigns.abtest.AbTestStore.ExposureState.PENDING,
                    Optional.of("c-2/win-back/2025-06-03/1"))), ab.exposure("Subject", "c-2"), source + " -> " + target);
            assertEquals(Optional.of(new dev.crmkit.campaigns.abtest.AbTestStore.Exposure("x",
                    dev.crmkit.campaigns.abtest.AbTestStore.ExposureState.FAILED,
                    Optional.of("c-3/win-back/2025-06-03/1"))), ab.exposure("Subject", "c-3"), source + " -> " + target);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void restoreStoppedHalfWay_goesOnFromTheRestoreLog_withoutDuplicates(Kind kind) throws IOException {
        InMemoryCrmStore source = InMemoryCrmStore.create();
        fill(source);
        ExportManifest manifest = StoreExport.standard().write(source, dir.resolve("source"));
        CrmkitStore target = kind.fresh();
        AtomicInteger batches = new AtomicInteger();
        StoreImport crashing = StoreImport.builder().batchSize(4).progress(p -> {
            if (batches.incrementAndGet() == 5) { // contacts are in, companies half
                throw new IllegalStateException("the process dies here");
            }
        }).build();

        assertThrows(IllegalStateException.class, () -> crashing.into(target, dir.resolve("source")));
        long halfway = target.contacts().count() + target.companies().count();
        ImportOutcome again = StoreImport.builder().batchSize(4).build().into(target, dir.resolve("source"));
        StoreExport.standard().write(target, dir.resolve("restored"));

        assertTrue(halfway > 0 && halfway < 2L * PEOPLE, "stopped half-way: " + halfway);
        ImportOutcome.Imported resumed = assertInstanceOf(ImportOutcome.Imported.class, again);
        assertTrue(resumed.resumed());
        long total = manifest.files().stream().mapToLong(ExportManifest.FileEntry::count).sum();
        long earlier = resumed.results().stream().mapToLong(ImportOutcome.TypeResult::earlier).sum();
        assertEquals(total, earlier + resumed.restored(), "each record restored once: " + resumed);
        assertEquals(source.contacts().count(), target.contacts().count());
        assertSameFiles(dir.resolve("source"), dir.resolve("restored"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void afterTheRoundTrip_mergedIdsResolve_andUnmergeWorksAsInTheSource(Kind target) throws IOException {
        InMemoryCrmStore source = InMemoryCrmStore.create();
        CrmkitStore restored = roundTrip(source, target).store();

        List<ContactAlias> aliases = source.archives().contactAliases().after(Optional.empty(), 100);
        assertEquals(3, aliases.size(), "1 and 2 into 0, 0 into 3: " + aliases);
        for (ContactAlias alias : aliases) {
            assertEquals(alias.survivor(), restored.contacts().findById(alias.merged()).orElseThrow().id());
        }
        List<ContactMerge> merges = source.archives().contactMerges().after(Optional.empty(), 100);
        assertEquals(3, merges.size());
        List<ContactMerge> open = merges.stream().filter(m -> m.undoneAt().isEmpty())
                .sorted(Comparator.comparing(ContactMerge::mergedAt).reversed()).toList();
        assertEquals(2, open.size());
        ContactId parked = open.get(1).mergedIds().get(1);
        int step = 5;
        for (ContactMerge merge : open) {
            UnmergeOutcome there = PopulatedStore.merging(source, SEED, step).unmerge(merge.id());
            UnmergeOutcome here = PopulatedStore.merging(restored, SEED, step).unmerge(merge.id());
            assertInstanceOf(UnmergeOutcome.Unmerged.class, there, "source: " + there);
            assertInstanceOf(UnmergeOutcome.Unmerged.class, here, target + ": " + here);
            step++;
        }
        for (ContactAlias alias : aliases) {
            assertEquals(alias.merged(), restored.contacts().findById(alias.merged()).orElseThrow().id());
        }
        assertEquals(PEOPLE, restored.contacts().count());
        // the entry about 1 and 2 is on 2's timeline again (in the JDBC store a parked row, restored with the merge)
        assertTrue(restored.activities().timeline(new RecordRef(RecordType.CONTACT, parked.value()),
                        TimelineFilter.everything(), PageRequest.first(100)).items().stream()
                .anyMatch(a -> a.subject().startsWith("Met both")), "timeline of " + parked);
        StoreExport.standard().write(source, dir.resolve("source-unmerged"));
        StoreExport.standard().write(restored, dir.resolve("restored-unmerged"));
        assertSameFiles(dir.resolve("source-unmerged"), dir.resolve("restored-unmerged"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void afterTheRoundTrip_mergedAwayCompanyAndLeadIdsResolveToTheirSurvivors(Kind target) throws IOException {
        InMemoryCrmStore source = InMemoryCrmStore.create();
        RoundTrip trip = roundTrip(source, target);
        ExportManifest manifest = trip.manifest();
        CrmkitStore restored = trip.store();

        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        manifest.files().stream().filter(f -> f.recordType().matches("(company|lead)-(merges|aliases)"))
                .forEach(f -> counts.put(f.recordType(), f.count()));
        assertEquals(java.util.Map.of("company-merges", 2L, "company-aliases", 1L, "lead-merges", 2L,
                "lead-aliases", 1L), counts);
        List<CompanyAlias> companies = restored.archives().companyAliases().after(Optional.empty(), 100);
        assertEquals(source.archives().companyAliases().after(Optional.empty(), 100), companies);
        assertEquals(companies.get(0).survivor(),
                restored.companies().findById(companies.get(0).merged()).orElseThrow().id());
        List<LeadAlias> leads = restored.archives().leadAliases().after(Optional.empty(), 100);
        assertEquals(source.archives().leadAliases().after(Optional.empty(), 100), leads);
        assertEquals(leads.get(0).survivor(), restored.leads().findById(leads.get(0).merged()).orElseThrow().id());
        // merged away: in neither list nor count, as in the source
        assertEquals(source.companies().count(), restored.companies().count());
        assertEquals(source.leads().count(), restored.leads().count());
        assertEquals(PEOPLE - 1, restored.leads().count());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void afterTheRoundTrip_companyAndLeadMergesUnmergeAsInTheSource(Kind target) throws IOException {
        InMemoryCrmStore source = InMemoryCrmStore.create();
        CrmkitStore restored = roundTrip(source, target).store();

        MergeId company = inForce(source.archives().companyMerges().after(Optional.empty(), 100).stream()
                .filter(m -> m.undoneAt().isEmpty()).map(CompanyMerge::id).toList());
        MergeId lead = inForce(source.archives().leadMerges().after(Optional.empty(), 100).stream()
                .filter(m -> m.undoneAt().isEmpty()).map(LeadMerge::id).toList());
        for (CrmkitStore store : List.of(source, restored)) {
            assertInstanceOf(CompanyMergeOutcome.Unmerged.class, crm(store, 21).companyMerging().unmerge(company),
                    target.toString());
            assertInstanceOf(LeadMergeOutcome.Unmerged.class, crm(store, 22).leadMerging().unmerge(lead),
                    target.toString());
        }
        assertEquals(PEOPLE, restored.leads().count());
        assertEquals(lead(source, 8), lead(restored, 8));
        assertEquals(company(source, 6), restored.companies().findById(company(source, 6)).orElseThrow().id());
        StoreExport.standard().write(source, dir.resolve("source-unmerged"));
        StoreExport.standard().write(restored, dir.resolve("restored-unmerged"));
        assertSameFiles(dir.resolve("source-unmerged"), dir.resolve("restored-unmerged"));
    }

    /**
     * An erased contact's mark (V87 / the memory map) goes through the export: restored into every kind of store, an
     * edit of the anonymized contact is still refused (rule {@code erased}) and writes nothing, while another
     * contact's edit is saved.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void afterTheRoundTrip_anErasedContactStillRefusesEdits(Kind target) throws IOException {
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-05-04T08:00:00Z"),
                java.time.ZoneOffset.UTC);
        InMemoryCrmStore source = InMemoryCrmStore.create();
        Crm here = Crm.builder().store(source).defaultRegion("DE").clock(clock)
                .ids(dev.crmkit.core.kernel.IdGenerator.seeded(87)).suppressionSalt(
                        "a secret salt of the test, 32 b".getBytes(java.nio.charset.StandardCharsets.UTF_8)).build();
        ContactId erased = here.customers().createContact(dev.crmkit.core.customer.NewContact.of("Zeborah",
                "Quillfeather", "zeborah.quillfeather@example.org")).id();
        ContactId kept = here.customers().createContact(dev.crmkit.core.customer.NewContact.of("Ottoline",
                "Brackwater", "ottoline.brackwater@example.com")).id();
        assertInstanceOf(dev.crmkit.core.privacy.ErasureOutcome.Erased.class, here.personalData().erase(
                dev.crmkit.core.privacy.PersonKey.parse("zeborah.quillfeather@example.org", "DE"), "request"));
        StoreExport.standard().write(source, dir.resolve("source"));
        CrmkitStore restored = target.fresh();
        assertInstanceOf(ImportOutcome.Imported.class,
                StoreImport.builder().build().into(restored, dir.resolve("source")));
        assertTrue(restored.personalData().isErased(erased), target + ": the mark is restored");
        assertTrue(!restored.personalData().isErased(kept), target.toString());
        Crm there = Crm.builder().store(restored).defaultRegion("DE").clock(clock)
                .ids(dev.crmkit.core.kernel.IdGenerator.seeded(88)).build();
        var before = restored.contacts().findById(erased).orElseThrow();

        dev.crmkit.core.kernel.ValidationException refused = assertThrows(
                dev.crmkit.core.kernel.ValidationException.class, () -> there.customers().editContact(erased,
                        dev.crmkit.core.customer.ContactEdit.rename("Zelda", "Smyth")));

        assertEquals(List.of("contactId erased"), refused.violations().stream().map(v -> v.field() + " " + v.rule())
                .toList(), refused.getMessage());
        assertEquals(before, restored.contacts().findById(erased).orElseThrow(), "nothing written");
        assertInstanceOf(dev.crmkit.core.customer.ContactOutcome.Saved.class, there.customers().editContact(kept,
                dev.crmkit.core.customer.ContactEdit.rename("Ottoline", "Brackwater-Smyth")));
    }

    /** The export of a store and a fresh store of a kind it was restored into. */
    private record RoundTrip(ExportManifest manifest, CrmkitStore store) {
    }

    /** Fills the source, exports it to {@code source} and restores that into a fresh store of the kind. */
    private RoundTrip roundTrip(InMemoryCrmStore source, Kind target) throws IOException {
        fill(source);
        ExportManifest manifest = StoreExport.standard().write(source, dir.resolve("source"));
        CrmkitStore restored = target.fresh();
        assertInstanceOf(ImportOutcome.Imported.class,
                StoreImport.builder().build().into(restored, dir.resolve("source")));
        return new RoundTrip(manifest, restored);
    }

    private static MergeId inForce(List<MergeId> ids) {
        assertEquals(1, ids.size(), "one merge in force: " + ids);
        return ids.get(0);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void restoringACapDayWithoutItsMessage_orASegmentWithABadFilter_isRefused_andStoresNothing(Kind kind) {
        CrmkitStore store = kind.fresh();
        var capDays = store.archives().campaignCapDays();
        IllegalArgumentException noMessage = assertThrows(IllegalArgumentException.class, () -> capDays.restore(
                new dev.crmkit.kit.archive.CapDayEntry("c-1/spring/2026/1", java.time.LocalDate.of(2026, 3, 2))));
        assertTrue(noMessage.getMessage().contains("not in the ledger"), noMessage.getMessage());
        assertEquals(List.of(), capDays.after(Optional.empty(), 10));

        var segments = store.archives().campaignSegments();
        dev.crmkit.core.kernel.ValidationException badFilter = assertThrows(
                dev.crmkit.core.kernel.ValidationException.class, () -> segments.restore(
                        new dev.crmkit.kit.archive.SegmentEntry("hot", 1, "not a filter (")));
        assertEquals("filter", badFilter.violations().get(0).field(), badFilter.toString());
        assertEquals(List.of(), segments.after(Optional.empty(), 10));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void restoringAnAbExposureOrWinnerWithoutItsPlan_orABadPlan_isRefused_andStoresNothing(Kind kind) {
        CrmkitStore store = kind.fresh();
        var archives = store.archives();
        IllegalArgumentException noPlan = assertThrows(IllegalArgumentException.class, () -> archives
                .campaignAbExposures().restore(new dev.crmkit.kit.archive.AbExposureEntry("t", "c-1", "A",
                        java.time.Instant.EPOCH, Optional.empty())));
        assertTrue(noPlan.getMessage().contains("no A/B test t"), noPlan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> archives.campaignAbWinners().restore(
                new dev.crmkit.campaigns.abtest.AbWinner("t", "A", "0.01", java.time.Instant.EPOCH)));
        dev.crmkit.core.kernel.ValidationException oneVariant = assertThrows(
                dev.crmkit.core.kernel.ValidationException.class, () -> archives.campaignAbTests().restore(
                        new dev.crmkit.kit.archive.AbTestEntry("t", "birthday",
                                dev.crmkit.campaigns.abtest.AbTestPlan.AbMetric.OPENED, 0.05, 10, 50,
                                List.of(new dev.crmkit.campaigns.abtest.Variant("A", 1)))));
        assertEquals("variants", oneVariant.violations().get(0).field(), oneVariant.toString());
        assertEquals(List.of(), archives.campaignAbTests().after(Optional.empty(), 10));
        assertEquals(List.of(), archives.campaignAbExposures().after(Optional.empty(), 10));
        assertEquals(List.of(), archives.campaignAbWinners().after(Optional.empty(), 10));
        assertEquals(Optional.empty(), store.campaignStores().abTests().plan("t"));
    }
}
