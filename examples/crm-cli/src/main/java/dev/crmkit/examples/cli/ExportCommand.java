package dev.crmkit.examples.cli;

import dev.crmkit.adapters.json.export.ExportManifest;
import dev.crmkit.adapters.json.export.StoreExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code crm export --out DIR}: writes everything in the store to a folder in crmkit's export format. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write everything in the store to a folder: one JSON Lines file per record type (contacts, "
                + "companies, custom field schemas, leads, the timeline with private items, tasks, every pipeline "
                + "revision, deals, stage history, lead scores, probability overrides), each sorted by id, and "
                + "manifest.json with the format version, the counts and the SHA-256 of every file.",
                "The format is described in docs/export-format.md; 'crm import --from-export DIR' restores it into "
                        + "any store. The folder is created if missing and must be empty. Export a store nobody "
                        + "writes to meanwhile."})
final class ExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The folder to write, empty or new.")
    private Path out;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    @Mixin
    private StoreOptions storeOptions = new StoreOptions();

    @Override
    public Integer call() {
        try (StoreOptions.OpenStore store = storeOptions.open(spec)) {
            ExportManifest manifest;
            try {
                manifest = ActingUser.of(spec).isPresent() ? exportAs(store.store())
                        : StoreExport.standard().write(store.store(), out);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--out: " + e.getMessage()
                        + "; give a new or empty folder");
            } catch (UncheckedIOException e) {
                throw new IllegalArgumentException("cannot write the export to " + out + ": "
                        + e.getCause().getMessage(), e);
            }
            report(manifest, store.description());
        }
        return 0;
    }

    /**
     * {@code crm --as USER export}: the full export is all or nothing, so a user whose role may not export every
     * record of every type is refused (nothing written), the error naming the permission.
     */
    private ExportManifest exportAs(dev.crmkit.kit.CrmkitStore store) {
        dev.crmkit.core.access.Actor actor = ActingUser.actor(spec);
        ActingUser.checkKnown(store, actor);
        dev.crmkit.core.access.Guarded<ExportManifest> written = StoreExport.standard().write(store, out, actor);
        if (!written.allowed()) {
            throw new IllegalStateException("export refused: " + written.decision().explain());
        }
        return written.value().orElseThrow();
    }

    private void report(ExportManifest manifest, String storeDescription) {
        PrintWriter printer = spec.commandLine().getOut();
        long total = manifest.files().stream().mapToLong(ExportManifest.FileEntry::count).sum();
        if (format == OutputFormat.JSON) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("folder", out.toString());
            json.put("formatVersion", manifest.formatVersion());
            json.put("records", total);
            List<Map<String, Object>> files = manifest.files().stream().map(f -> JsonOutput.object(
                    "recordType", f.recordType(), "file", f.file(), "count", f.count(), "sha256", f.sha256()))
                    .toList();
            json.put("files", files);
            json.put("store", storeDescription);
            JsonOutput.print(printer, json);
            return;
        }
        printer.printf("Exported %s to %s (format version %d)%n", Counted.of(total, "record"), out,
                manifest.formatVersion());
        for (ExportManifest.FileEntry f : manifest.files()) {
            printer.printf("  %-28s %8d%n", f.file(), f.count());
        }
        printer.printf("Store: %s%n", storeDescription);
    }
}
