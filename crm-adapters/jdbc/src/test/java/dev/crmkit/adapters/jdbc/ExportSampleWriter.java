package dev.crmkit.adapters.jdbc;

import dev.crmkit.adapters.json.export.ExportManifest;
import dev.crmkit.adapters.json.export.StoreExport;
import dev.crmkit.adapters.memory.InMemoryCrmStore;
import dev.crmkit.kit.archive.CampaignSample;
import dev.crmkit.pipeline.contract.PopulatedStore;

import java.nio.file.Path;

/**
 * Writes the export of a seeded in-memory store ({@link PopulatedStore#fill} with N people and
 * {@link CampaignSample#fill}) to a folder, for measuring {@code crm import --from-export} by hand: about 13 records
 * per person. Not a test. Usage: {@code ExportSampleWriter DIR PEOPLE}.
 */
public final class ExportSampleWriter {

    private ExportSampleWriter() {
    }

    /**
     * Writes the export.
     *
     * @param args the folder to write (empty or new) and the number of people
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ExportSampleWriter DIR PEOPLE");
        }
        InMemoryCrmStore store = InMemoryCrmStore.create();
        PopulatedStore.fill(store, store, 2026_12_05L, Integer.parseInt(args[1]));
        CampaignSample.fill(store);
        ExportManifest manifest = StoreExport.standard().write(store, Path.of(args[0]));
        long records = manifest.files().stream().mapToLong(ExportManifest.FileEntry::count).sum();
        System.out.println(records + " records in " + args[0]);
    }
}
