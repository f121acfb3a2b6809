package dev.crmkit.examples.cli;

import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.examples.MutableClock;
import dev.crmkit.examples.cli.leadimport.CsvFormat;
import dev.crmkit.examples.cli.leadimport.ImportListener;
import dev.crmkit.examples.cli.leadimport.ImportStoppedException;
import dev.crmkit.examples.cli.leadimport.ImportTally;
import dev.crmkit.examples.cli.leadimport.LeadColumns;
import dev.crmkit.examples.cli.leadimport.LeadImport;
import dev.crmkit.examples.cli.leadimport.MappedRow;
import dev.crmkit.examples.cli.leadimport.Printable;
import dev.crmkit.examples.cli.leadimport.RejectsFile;
import dev.crmkit.kit.CrmkitStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.IOException;
import java.io.InputStream;
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
        description = {"Capture the leads of a CSV file with a header (UTF-8 unless --encoding says otherwise; "
                + "values separated by commas, semicolons or tabs, detected from the header line, or by "
                + "--delimiter).",
                "Columns: first_name, last_name, email, phone, company, source, external_id, owner, request, "
                        + "campaign, language, submitted_at; other columns are lead custom fields (budget, product) "
                        + "or ignored with a warning. A file whose header names none of these is refused.",
                "The whole file is read once before anything is stored: a byte that is not valid in the encoding "
                        + "(named by its line and byte offset; nothing is ever replaced), a quoted value that is "
                        + "never closed, or a header that is not a lead CSV's refuses the file, storing nothing "
                        + "(exit status 1). So does a --rejects file that cannot be written (exit status 2).",
                "Rejected rows go to the rejects file with their line and reason; a run without rejects removes "
                        + "the rejects file an earlier run left. A value starting with =, +, -, @, a tab or a "
                        + "carriage return is written there with a ' in front, so spreadsheets do not run it as a "
                        + "formula; a value starting with ' gets one too. To recover a value as read, remove the "
                        + "first ' of every value that starts with one.",
                "The leads go to the H2 database in ./.crm/ (kept between runs), to the database of --jdbc-url, or "
                        + "with --in-memory to a store that is gone at exit. Rows are captured in chunks of "
                        + "--batch-size rows, one transaction each. If a chunk fails in the database, it is rolled "
                        + "back and its rows are captured one by one, so that a row the database refuses is "
                        + "rejected (rule store-failure) and the others are imported. If the database stops "
                        + "answering, or refuses every row of a chunk one by one, the import stops naming the lines "
                        + "not imported (exit status 1), and running "
                        + "the same import again completes it: rows with an external_id already imported are "
                        + "recognized.",
                "With --from-export DIR instead of a FILE: restores an export written by 'crm export' (see "
                        + "docs/export-format.md), keeping ids, versions and times. The manifest and every file's "
                        + "SHA-256 are checked first; a changed file is refused naming it, storing nothing. A store "
                        + "that holds records is refused unless --merge is given (records it holds are kept, "
                        + "records whose e-mail, domain or external id it holds elsewhere are rejected). An import "
                        + "that stopped half-way goes on where it stopped when run again."})
final class ImportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "The CSV file (or --from-export DIR).")
    private Path file;

    @Option(names = "--from-export", paramLabel = "DIR",
            description = "Restore the export in this folder (written by 'crm export') instead of a CSV file.")
    private Path fromExport;

    @Option(names = "--merge", description = "With --from-export: import into a store that holds records already.")
    private boolean merge;

    @Option(names = "--default-region", paramLabel = "CC", defaultValue = "DE",
            description = "ISO 3166 region of phone numbers written without a country code "
                    + "(default: ${DEFAULT-VALUE}).")
    private String region;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Where rejected rows go (default: <input>.rejects.csv next to the input). It must be "
                    + "writable; it is replaced, or removed when nothing is rejected.")
    private Path rejects;

    @Option(names = "--delimiter", paramLabel = "CHAR", converter = DelimiterConverter.class,
            description = "The character between values: one character such as ';' or '|', or 'tab' "
                    + "(default: detected from the header line among comma, semicolon and tab).")
    private Character delimiter;

    @Option(names = "--no-progress", description = "Show no progress bar on standard error.")
    private boolean noProgress;

    @Option(names = "--one-by-one", description = "Capture the rows of a chunk one by one, as before bulk capture "
            + "(the same outcomes, several statements per row); by default a chunk is captured at once.")
    private boolean oneByOne;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + LeadImport.DEFAULT_BATCH_SIZE,
            description = "Rows captured in one transaction (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Mixin
    private EncodingOption encoding = new EncodingOption();

    @Mixin
    private StoreOptions storeOptions = new StoreOptions();

    @Mixin
    private AsOfOption asOf = new AsOfOption();

    /** A store given in place of the one the options select; null to open that one. */
    private CrmkitStore givenStore;

    /**
     * Imports into this store instead of the one the options select, for tests that compare a store before and
     * after a run without opening a database per run.
     */
    void useStore(CrmkitStore store) {
        this.givenStore = store;
    }

    @Override
    public Integer call() throws IOException {
        if (fromExport != null) {
            return restoreExport();
        }
        if (file == null) {
            throw new ParameterException(spec.commandLine(), "give the CSV FILE to import, or --from-export DIR");
        }
        if (merge) {
            throw new ParameterException(spec.commandLine(), "--merge goes with --from-export DIR");
        }
        String defaultRegion = Regions.require(spec, "--default-region", region);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file + ": "
                    + (Files.exists(file) ? "not a readable file" : "no such file"));
        }
        Path rejectsPath = rejects != null ? rejects : RejectsFile.besides(file);
        if (rejectsPath.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
            throw new ParameterException(spec.commandLine(), "--rejects must not be the input file " + file);
        }
        Optional<String> unwritable = RejectsFile.unwritable(rejectsPath);
        if (unwritable.isPresent()) {
            throw new ParameterException(spec.commandLine(), "rejected rows cannot be written to " + rejectsPath
                    + ": " + unwritable.get() + "; give a writable file with --rejects (nothing was imported)");
        }
        if (batchSize < 1) {
            throw new ParameterException(spec.commandLine(), "--batch-size must be at least 1, got " + batchSize);
        }
        CsvFormat csv = delimiter == null ? encoding.format() : encoding.format().withDelimiter(delimiter);
        check(csv);
        try (StoreOptions.OpenStore store = givenStore != null
                ? new StoreOptions.OpenStore(givenStore, "the given store", false, null) : storeOptions.open(spec)) {
            MutableClock clock = MutableClock.following(asOf.clock(ZoneId.systemDefault()));
            Crm crm = CrmSetup.on(store.store(), defaultRegion, clock, IdGenerator.random());
            ColumnNotice notice = new ColumnNotice(spec.commandLine().getErr());
            ImportTally tally;
            try (CountingInputStream in = new CountingInputStream(Files.newInputStream(file));
                 RejectsFile rejectsFile = new RejectsFile(rejectsPath);
                 ImportProgress progress = progress(in)) {
                ImportListener listener = notice.andThen(rejectsFile);
                tally = new LeadImport(crm, clock, batchSize, !oneByOne)
                        .run(in, csv, progress == null ? listener : listener.andThen(progress));
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

    /** {@code --from-export DIR}: the options of a CSV import do not apply; restores the export. */
    private int restoreExport() {
        if (file != null) {
            throw new ParameterException(spec.commandLine(), "a CSV FILE and --from-export exclude each other");
        }
        for (String csvOnly : List.of("--rejects", "--delimiter", "--encoding", "--default-region", "--batch-size",
                "--no-progress")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(csvOnly)) {
                throw new ParameterException(spec.commandLine(), csvOnly + " is an option of a CSV import; it does "
                        + "not go with --from-export");
            }
        }
        try (StoreOptions.OpenStore store = givenStore != null
                ? new StoreOptions.OpenStore(givenStore, "the given store", false, null) : storeOptions.open(spec)) {
            new ExportRestore(spec, format).run(store, fromExport, merge);
        }
        return 0;
    }

    /** Reads the whole file before anything is stored; refuses it, storing nothing, if it cannot be imported. */
    private void check(CsvFormat csv) {
        try (InputStream in = Files.newInputStream(file)) {
            LeadImport.check(in, csv);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot import " + file + ": " + e.getMessage()
                    + "; nothing was imported", e);
        }
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
            json.put("unknownSources", tally.unknownSources());
            json.put("rejectsFile", rejectsPath == null ? null : rejectsPath.toString());
            json.put("unknownColumns", unknownColumns);
            json.put("store", store.description());
            json.put("storeTotals", totals.json());
            JsonOutput.print(out, json);
            return;
        }
        out.printf("Imported %s: %s%n", file, Counted.of(tally.rows(), "row"));
        Reports.printCounts(out, tally, Optional.ofNullable(rejectsPath));
        out.printf("  unknown source %5s  (source named no known channel: kept as channel other, the label as "
                + "source detail)%n",
                Reports.count(tally.unknownSources()));
        out.printf("Store: %s%n", store.description());
        out.printf("  now holds %s%n", totals.text());
        out.flush();
    }

    /** Reads {@code --delimiter}: one character, or {@code tab}. */
    static final class DelimiterConverter implements ITypeConverter<Character> {
        @Override
        public Character convert(String value) {
            String text = value.equalsIgnoreCase("tab") || value.equals("\\t") ? "\t" : value;
            if (text.length() != 1 || text.charAt(0) == '"' || text.charAt(0) == '\n' || text.charAt(0) == '\r') {
                throw new TypeConversionException("'" + Printable.of(value) + "' is not a delimiter: give one "
                        + "character other than a quote or a line break, such as ';' or '|', or 'tab'");
            }
            return text.charAt(0);
        }
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
