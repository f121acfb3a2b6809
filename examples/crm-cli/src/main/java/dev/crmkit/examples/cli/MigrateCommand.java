package dev.crmkit.examples.cli;

import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.examples.cli.migrate.CsvSourceFiles;
import dev.crmkit.examples.cli.migrate.MappingFile;
import dev.crmkit.kit.migration.Merge;
import dev.crmkit.kit.migration.Migration;
import dev.crmkit.kit.migration.MigrationMapping;
import dev.crmkit.kit.migration.MigrationReport;
import dev.crmkit.kit.migration.Rejection;
import dev.crmkit.kit.migration.RowOutcome;
import dev.crmkit.kit.migration.SourceType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code crm migrate --mapping FILE --dir CSV_DIR [--dry-run]}: brings another CRM's CSV exports into the store. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Migrate another CRM's CSV exports (companies, contacts, deals, activities, tasks) into the "
                + "store through a mapping file (docs/migration.md), keeping each source id as an external id and "
                + "the source's times. Each row goes in on its own: a bad row is rejected with its line, field and "
                + "rule while the good ones go in; a second run skips what the first brought in.",
                "--dry-run reports what would be created, merged (a contact matched by e-mail or phone, a company by "
                        + "web domain) and rejected, and writes nothing."})
final class MigrateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--mapping", paramLabel = "FILE", required = true, description = "The mapping file (JSON).")
    private Path mapping;

    @Option(names = "--dir", paramLabel = "CSV_DIR", required = true,
            description = "The folder of the exported CSV files the mapping names.")
    private Path dir;

    @Option(names = "--dry-run", description = "Report what would happen; write nothing.")
    private boolean dryRun;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    @Mixin
    private AsOfOption asOf = new AsOfOption();

    @Mixin
    private StoreOptions storeOptions = new StoreOptions();

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            throw new ParameterException(spec.commandLine(), "--dir: " + dir + " is not a folder");
        }
        MigrationMapping map;
        try {
            map = MappingFile.read(mapping);
        } catch (ValidationException e) {
            throw new ParameterException(spec.commandLine(), "--mapping " + mapping + ": " + describe(e));
        }
        try (StoreOptions.OpenStore store = storeOptions.open(spec)) {
            Clock clock = asOf.clock();
            MigrationReport report;
            try {
                Migration migration = Migration.into(store.store(), clock, IdGenerator.timeOrdered(clock));
                // an erasure made the salt: rows of the people erased are refused, as captures flag them
                Optional<byte[]> salt = dev.crmkit.examples.cli.privacy.PrivacySalt.existing(
                        dev.crmkit.examples.cli.privacy.PrivacySalt.DEFAULT_FILE);
                if (salt.isPresent()) {
                    migration = migration.checking(dev.crmkit.core.privacy.Suppressions.of(
                            store.store().suppressionList(), salt.get()));
                }
                report = migration.run(map, new CsvSourceFiles(dir), dryRun);
            } catch (ValidationException e) {
                throw new ParameterException(spec.commandLine(), "--mapping " + mapping + " does not fit the files "
                        + "or the store: " + describe(e));
            }
            print(report, map.system(), store.description());
        }
        return 0;
    }

    private static String describe(ValidationException e) {
        return e.violations().stream().map(v -> v.field() + ": " + v.rule() + ": " + v.message())
                .collect(Collectors.joining("; "));
    }

    private void print(MigrationReport report, String system, String storeDescription) {
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("system", system);
            json.put("dryRun", report.dryRun());
            Map<String, Object> counts = new LinkedHashMap<>();
            report.counts().forEach((type, c) -> counts.put(type.plural(), JsonOutput.object(
                    "created", c.get(RowOutcome.CREATED), "merged", c.get(RowOutcome.MERGED),
                    "skipped", c.get(RowOutcome.SKIPPED), "rejected", report.rejected(type))));
            json.put("counts", counts);
            json.put("merges", report.merges().stream().map(m -> JsonOutput.object("type", m.type().plural(),
                    "line", m.line(), "sourceId", m.sourceId(), "recordId", m.recordId().toString(),
                    "matchedBy", m.matchedBy())).toList());
            json.put("rejections", report.rejections().stream().map(MigrateCommand::json).toList());
            json.put("store", storeDescription);
            JsonOutput.print(out, json);
            return;
        }
        out.printf("%s from %s into %s%n", report.dryRun() ? "Dry run (nothing written)" : "Migrated", system,
                storeDescription);
        out.printf("  %-11s %8s %8s %8s %8s%n", "", "created", "merged", "skipped", "rejected");
        for (SourceType type : report.counts().keySet()) {
            out.printf("  %-11s %8d %8d %8d %8d%n", type.plural(), report.count(type, RowOutcome.CREATED),
                    report.count(type, RowOutcome.MERGED), report.count(type, RowOutcome.SKIPPED),
                    report.rejected(type));
        }
        for (Merge m : report.merges()) {
            out.printf("merged: %s line %d (source id %s) into %s %s by %s%n", m.type().plural(), m.line(),
                    m.sourceId(), m.type().code(), m.recordId(), m.matchedBy());
        }
        for (Rejection r : report.rejections()) {
            for (Violation v : r.problems()) {
                out.printf("rejected: %s line %d (source id %s): %s: %s: %s%n", r.file(), r.line(),
                        r.sourceId().isEmpty() ? "none" : r.sourceId(), v.field(), v.rule(), v.message());
            }
        }
        out.flush();
    }

    private static Map<String, Object> json(Rejection r) {
        List<Map<String, Object>> problems = new ArrayList<>();
        for (Violation v : r.problems()) {
            problems.add(JsonOutput.object("field", v.field(), "rule", v.rule(), "message", v.message()));
        }
        return JsonOutput.object("type", r.type().plural(), "file", r.file(), "line", r.line(), "sourceId",
                r.sourceId(), "problems", problems);
    }
}
