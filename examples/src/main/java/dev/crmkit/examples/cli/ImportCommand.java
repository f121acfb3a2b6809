package dev.crmkit.examples.cli;

import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.examples.MutableClock;
import dev.crmkit.examples.cli.leadimport.ImportListener;
import dev.crmkit.examples.cli.leadimport.ImportStoppedException;
import dev.crmkit.examples.cli.leadimport.ImportTally;
import dev.crmkit.examples.cli.leadimport.LeadColumns;
import dev.crmkit.examples.cli.leadimport.LeadImport;
import dev.crmkit.examples.cli.leadimport.MappedRow;
import dev.crmkit.examples.cli.leadimport.RejectsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code crm import FILE.csv}: captures the leads of a CSV file, writing rejected rows to a rejects file. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Capture the leads of a CSV file (UTF-8, with a header).",
                "Columns: first_name, last_name, email, phone, company, source, external_id, owner, request, "
                        + "campaign, language, submitted_at; other columns are lead custom fields (budget, product) "
                        + "or ignored with a warning.",
                "Rejected rows go to the rejects file with their line and reason.",
                "The leads go to the H2 database in ./.crm/ (kept between runs), to the database of --jdbc-url, or "
                        + "with --in-memory to a store that is gone at exit. Rows are captured in chunks of "
                        + "--batch-size rows, one transaction each; if the database fails, the failed chunk is "
                        + "rolled back, the import stops naming its lines (exit status 1), and running the same "
                        + "import again completes it: rows with an external_id already imported are recognized."})
final class ImportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The CSV file.")
    private Path file;

    @Option(names = "--default-region", paramLabel = "CC", defaultValue = "DE",
            description = "ISO 3166 region of phone numbers written without a country code "
                    + "(default: ${DEFAULT-VALUE}).")
    private String region;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Where rejected rows go (default: <input>.rejects.csv next to the input).")
    private Path rejects;

    @Option(names = "--no-progress", description = "Show no progress bar on standard error.")
    private boolean noProgress;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + LeadImport.DEFAULT_BATCH_SIZE,
            description = "Rows captured in one transaction (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Mixin
    private StoreOptions storeOptions = new StoreOptions();

    @Mixin
    private AsOfOption asOf = new AsOfOption();

    @Override
    public Integer call() throws IOException {
        String defaultRegion = Regions.require(spec, "--default-region", region);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file + ": "
                    + (Files.exists(file) ? "not a readable file" : "no such file"));
        }
        Path rejectsPath = rejects != null ? rejects : RejectsFile.besides(file);
        if (rejectsPath.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
            throw new ParameterException(spec.commandLine(), "--rejects must not be the input file " + file);
        }
        if (batchSize < 1) {
            throw new ParameterException(spec.commandLine(), "--batch-size must be at least 1, got " + batchSize);
        }
        try (StoreOptions.OpenStore store = storeOptions.open(spec)) {
            MutableClock clock = MutableClock.following(asOf.clock(ZoneId.systemDefault()));
            Crm crm = CrmSetup.on(store.store(), defaultRegion, clock, IdGenerator.random());
            ColumnNotice notice = new ColumnNotice(spec.commandLine().getErr());
            ImportTally tally;
            try (CountingInputStream in = new CountingInputStream(Files.newInputStream(file));
                 RejectsFile rejectsFile = new RejectsFile(rejectsPath);
                 ImportProgress progress = progress(in)) {
                ImportListener listener = notice.andThen(rejectsFile);
                tally = new LeadImport(crm, clock, batchSize)
                        .run(in, progress == null ? listener : listener.andThen(progress));
            } catch (UncheckedIOException e) {
                throw new IllegalArgumentException("cannot import " + file + ": " + e.getMessage(), e);
            } catch (ImportStoppedException e) {
                throw new IllegalStateException("import of " + file + " stopped: " + e.getMessage(), e);
            }
            boolean rejectsWritten = tally.rejected() > 0;
            report(tally, notice.unknown(), rejectsWritten ? rejectsPath : null, store, Totals.of(crm));
        }
        return 0;
    }

    private ImportProgress progress(CountingInputStream in) throws IOException {
        if (noProgress) {
            return null;
        }
        return new ImportProgress("Importing", in, Files.size(file), spec.commandLine().getErr(),
                System.console() != null);
    }

    private void report(ImportTally tally, List<String> unknownColumns, Path rejectsPath,
                        StoreOptions.OpenStore store, Totals totals) {
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("file", file.toString());
            json.putAll(Reports.countsJson(tally));
            json.put("rejectsFile", rejectsPath == null ? null : rejectsPath.toString());
            json.put("unknownColumns", unknownColumns);
            json.put("store", store.description());
            json.put("storeTotals", totals.json());
            JsonOutput.print(out, json);
            return;
        }
        out.printf("Imported %s: %s%n", file, Counted.of(tally.rows(), "row"));
        Reports.printCounts(out, tally, Optional.ofNullable(rejectsPath));
        out.printf("Store: %s%n", store.description());
        out.printf("  now holds %s%n", totals.text());
        out.flush();
    }

    /** Warns once about columns that are neither known nor custom fields, and remembers them for the report. */
    private static final class ColumnNotice implements ImportListener {
        private final PrintWriter err;
        private List<String> unknown = List.of();

        ColumnNotice(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void started(LeadColumns columns) {
            unknown = columns.unknown();
            if (!unknown.isEmpty()) {
                CrmCommand.printError(err, "warning: ignoring " + (unknown.size() == 1 ? "column " : "columns ")
                        + String.join(", ", unknown) + " (neither a lead column nor a lead custom field)");
            }
        }

        @Override
        public void imported(MappedRow row, CaptureOutcome outcome) {
        }

        List<String> unknown() {
            return unknown;
        }
    }
}
