package dev.crmkit.examples.cli;

import dev.crmkit.adapters.json.export.ImportOutcome;
import dev.crmkit.adapters.json.export.StoreImport;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code crm import --from-export DIR [--merge]}: restores an export written by {@code crm export} into the store,
 * and reports what it restored, or why it refused.
 */
final class ExportRestore {

    private final CommandSpec spec;
    private final OutputFormat format;

    ExportRestore(CommandSpec spec, OutputFormat format) {
        this.spec = spec;
        this.format = format;
    }

    /**
     * Restores the export.
     *
     * @throws IllegalArgumentException if the export is refused, with every reason (exit status 1)
     */
    void run(StoreOptions.OpenStore store, Path folder, boolean merge) {
        ImportOutcome outcome;
        try {
            StoreImport.Builder restore = StoreImport.builder().merge(merge);
            // an erasure made the salt: contacts and leads of the people erased are not brought back
            dev.crmkit.examples.cli.privacy.PrivacySalt.existing(dev.crmkit.examples.cli.privacy.PrivacySalt
                    .DEFAULT_FILE).ifPresent(salt -> restore.checking(dev.crmkit.core.privacy.Suppressions.of(
                            store.store().suppressionList(), salt)));
            outcome = restore.build().into(store.store(), folder);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read the export in " + folder + ": "
                    + e.getCause().getMessage(), e);
        }
        if (outcome instanceof ImportOutcome.Refused refused) {
            throw new IllegalArgumentException("the export in " + folder + " is refused: "
                    + String.join("; ", refused.reasons()) + "; nothing was imported");
        }
        report((ImportOutcome.Imported) outcome, folder, store.description());
    }

    private void report(ImportOutcome.Imported imported, Path folder, String storeDescription) {
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("export", folder.toString());
            json.put("exportId", imported.export());
            json.put("resumed", imported.resumed());
            json.put("restored", imported.restored());
            List<Map<String, Object>> types = imported.results().stream().map(t -> JsonOutput.object(
                    "recordType", t.recordType(), "restored", t.restored(), "earlier", t.earlier(), "kept", t.kept(),
                    "rejected", t.rejected())).toList();
            json.put("recordTypes", types);
            json.put("store", storeDescription);
            JsonOutput.print(out, json);
            return;
        }
        out.printf("Imported the export in %s: %s%s%n", folder, Counted.of(imported.restored(), "record"),
                imported.resumed() ? " (went on with an import that stopped before)" : "");
        out.printf("  %-24s %8s %8s %8s %8s%n", "record type", "restored", "earlier", "kept", "rejected");
        for (ImportOutcome.TypeResult t : imported.results()) {
            out.printf("  %-24s %8d %8d %8d %8d%n", t.recordType(), t.restored(), t.earlier(), t.kept(),
                    t.rejected().size());
            for (String rejected : t.rejected()) {
                out.printf("    rejected %s%n", rejected);
            }
        }
        out.printf("Store: %s%n", storeDescription);
    }
}
