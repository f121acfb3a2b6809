package dev.crmkit.examples.cli.privacy;

import dev.crmkit.adapters.json.PersonalDataJson;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.privacy.ErasureOutcome;
import dev.crmkit.core.privacy.PersonKey;
import dev.crmkit.examples.cli.AsOfOption;
import dev.crmkit.examples.cli.JsonOutput;
import dev.crmkit.examples.cli.OutputFormat;
import dev.crmkit.examples.cli.StoreAccess;
import dev.crmkit.examples.cli.StoreOptions;
import dev.crmkit.kit.Crmkit;
import dev.crmkit.kit.CrmkitStore;
import dev.crmkit.kit.privacy.PersonalDataExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** {@code crm privacy}: a person's data, exported or erased. */
@Command(name = "privacy", mixinStandardHelpOptions = true,
        description = "A person's data: export everything the store holds about them, or erase it.",
        subcommands = {PrivacyCommand.Export.class, PrivacyCommand.Erase.class, PrivacyCommand.Retain.class})
public final class PrivacyCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: export, erase or retain");
    }

    private static PersonKey key(CommandSpec spec, String person) {
        try {
            return PersonKey.parse(person, "DE");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static Crmkit kit(CrmkitStore store, AsOfOption asOf, Optional<byte[]> salt) {
        return builder(store, asOf, salt).build();
    }

    private static Crmkit.Builder builder(CrmkitStore store, AsOfOption asOf, Optional<byte[]> salt) {
        Crmkit.Builder b = Crmkit.builder().store(store).defaultRegion("DE").clock(asOf.clock())
                .ids(IdGenerator.random());
        salt.ifPresent(b::suppressionSalt);
        return b;
    }

    /** {@code crm privacy export PERSON}: the person's data as one JSON document. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Print everything the store holds about a person as one JSON document (format "
                    + PersonalDataJson.FORMAT + ", docs/privacy-export.md): contact, consent, records, leads, scores,"
                    + " timeline (public entries), tasks, deals, service records, audit entries. The export is "
                    + "recorded in the audit trail.",
                    "PERSON is an e-mail, a phone number (read in DE) or a contact id.",
                    "Exit status 1 when nobody is stored under it."})
    static final class Export implements java.util.concurrent.Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PERSON", description = "E-mail, phone or contact id.")
        private String person;

        @Option(names = "--format", paramLabel = "json", defaultValue = "json",
                description = "json (the default and only format): the document on standard output.")
        private OutputFormat format;

        @Mixin
        private StoreOptions storeOptions = new StoreOptions();

        @Mixin
        private AsOfOption asOf = new AsOfOption();

        @Override
        public Integer call() {
            if (format != OutputFormat.JSON) {
                throw new ParameterException(spec.commandLine(), "--format must be json: the export is a JSON "
                        + "document");
            }
            PersonKey key = key(spec, person);
            Optional<String> doc = StoreAccess.readAll(storeOptions, spec, (store, description) -> {
                if (!AsUser.mayExport(spec, kit(store, asOf, Optional.empty()).crm(), key)) {
                    return Optional.<String>empty();
                }
                // audited as the user --as names, not as the CLI's system actor
                Optional<PersonalDataExport> export = AsUser.kit(spec, builder(store, asOf, Optional.empty()))
                        .personalDataExports().export(key);
                return export.map(PersonalDataJson.standard()::write);
            });
            if (doc.isEmpty()) {
                throw new IllegalStateException("privacy export: nobody is stored under " + key);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(doc.get());
            out.flush();
            return 0;
        }
    }

    /** {@code crm privacy erase PERSON --reason TEXT}: erases the person in every table. */
    @Command(name = "erase", mixinStandardHelpOptions = true,
            description = {"Erase a person: every personal value in every table of the store is removed or "
                    + "anonymized in one unit of work (anonymous counts stay), their e-mails and phones go on the "
                    + "suppression list as salted hashes (a later capture or import of them is flagged), and the "
                    + "erasure is recorded in the audit trail with the reason, without the erased values.",
                    "Prints the rows touched per table, never a value. PERSON is an e-mail, a phone number (read "
                            + "in DE) or a contact id. Exit status 1 when nobody is stored under it.",
                    "JSON: contact, suppressed, rows {table: count}, total."})
    static final class Erase implements java.util.concurrent.Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PERSON", description = "E-mail, phone or contact id.")
        private String person;

        @Option(names = "--reason", paramLabel = "TEXT", required = true,
                description = "Why, for the audit trail (name no personal value).")
        private String reason;

        @Option(names = "--salt-file", paramLabel = "FILE",
                description = "The suppression list's secret salt (hex); made when missing (default: .crm/"
                        + "privacy-salt). Use the same on every machine sharing the database.")
        private Path saltFile = PrivacySalt.DEFAULT_FILE;

        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
                description = "text (default) or json: one JSON object on standard output.")
        private OutputFormat format;

        @Mixin
        private StoreOptions storeOptions = new StoreOptions();

        @Mixin
        private AsOfOption asOf = new AsOfOption();

        @Override
        public Integer call() {
            PersonKey key = key(spec, person);
            if (reason.isBlank()) {
                throw new ParameterException(spec.commandLine(), "--reason must not be blank");
            }
            byte[] salt = PrivacySalt.getOrCreate(saltFile);
            ErasureOutcome outcome = StoreAccess.readAll(storeOptions, spec, (store, description) ->
                    kit(store, asOf, Optional.of(salt)).crm().personalData().erase(key, reason));
            if (outcome instanceof ErasureOutcome.NotFound) {
                throw new IllegalStateException("privacy erase: nobody is stored under " + key);
            }
            ErasureOutcome.Erased erased = (ErasureOutcome.Erased) outcome;
            PrintWriter out = spec.commandLine().getOut();
            Map<String, Long> rows = erased.counts().perTable();
            if (format == OutputFormat.JSON) {
                JsonOutput.print(out, JsonOutput.object("contact", erased.contact().toString(), "suppressed",
                        erased.suppressed(), "rows", rows, "total", erased.counts().total()));
            } else {
                out.printf("Erased contact %s: %d rows in %d tables; %d new hashes on the suppression list%n",
                        erased.contact(), erased.counts().total(), rows.size(), erased.suppressed());
                rows.forEach((table, n) -> out.printf("  %-24s %d%n", table, n));
            }
            out.flush();
            return 0;
        }
    }

    /** {@code crm privacy retain}: applies a retention policy, once or as a dry run. */
    @Command(name = "retain", mixinStandardHelpOptions = true,
            description = {"Apply the retention policy as of a day: people whose leads were never converted and who "
                    + "have had nothing new since the period are anonymized (as an erasure does, without the "
                    + "suppression list), old closed tasks deleted, old timeline texts blanked, old audit entries "
                    + "removed. Each change is audited without values; several machines may run it at once.",
                    "A PERIOD is ISO-8601 (P3Y, P18M, P90D) or 'off'.",
                    "Prints the records changed per record type (JSON: asOf, dryRun, counts {type: n}, total)."})
    static final class Retain implements java.util.concurrent.Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--never-converted", paramLabel = "PERIOD", defaultValue = "P3Y",
                description = "How long a person whose leads were never converted is kept (default: P3Y).")
        private String neverConverted;

        @Option(names = "--closed-tasks", paramLabel = "PERIOD", defaultValue = "P3Y",
                description = "How long a done or cancelled task is kept (default: P3Y).")
        private String closedTasks;

        @Option(names = "--timeline", paramLabel = "PERIOD", defaultValue = "off",
                description = "How long a timeline entry keeps its subject, body and participants (default: off).")
        private String timeline;

        @Option(names = "--audit-trail", paramLabel = "PERIOD", defaultValue = "off",
                description = "How long an audit entry is kept (default: off).")
        private String auditTrail;

        @Option(names = "--dry-run", description = "Count what would change, change nothing.")
        private boolean dryRun;

        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
                description = "text (default) or json: one JSON object on standard output.")
        private OutputFormat format;

        @Mixin
        private StoreOptions storeOptions = new StoreOptions();

        @Mixin
        private AsOfOption asOf = new AsOfOption();

        @Override
        public Integer call() {
            dev.crmkit.core.privacy.RetentionPolicy policy = dev.crmkit.core.privacy.RetentionPolicy.none();
            Optional<java.time.Period> p = period("--never-converted", neverConverted);
            policy = p.isPresent() ? policy.withNeverConvertedLeads(p.get()) : policy;
            p = period("--closed-tasks", closedTasks);
            policy = p.isPresent() ? policy.withClosedTasks(p.get()) : policy;
            p = period("--timeline", timeline);
            policy = p.isPresent() ? policy.withTimeline(p.get()) : policy;
            p = period("--audit-trail", auditTrail);
            policy = p.isPresent() ? policy.withAuditTrail(p.get()) : policy;
            dev.crmkit.core.privacy.RetentionPolicy chosen = policy;
            java.time.Instant at = asOf.instant().orElseGet(() -> asOf.clock().instant());
            dev.crmkit.core.privacy.RetentionRun result = StoreAccess.readAll(storeOptions, spec,
                    (store, description) -> {
                        dev.crmkit.core.privacy.RetentionJob job = kit(store, asOf, Optional.empty()).crm()
                                .retention(chosen);
                        return dryRun ? job.dryRun(at) : job.run(at);
                    });
            PrintWriter out = spec.commandLine().getOut();
            if (format == OutputFormat.JSON) {
                JsonOutput.print(out, JsonOutput.object("asOf", result.asOf().toString(), "dryRun", result.dryRun(),
                        "counts", result.counts(), "total", result.total()));
            } else {
                out.printf("Retention as of %s%s: %d records%n", result.asOf(), result.dryRun()
                        ? " (dry run, nothing changed)" : "", result.total());
                result.counts().forEach((type, n) -> out.printf("  %-12s %d%n", type, n));
            }
            out.flush();
            return 0;
        }

        private Optional<java.time.Period> period(String option, String text) {
            String t = text.strip();
            if (t.equalsIgnoreCase("off")) {
                return Optional.empty();
            }
            java.time.Period period;
            try {
                period = java.time.Period.parse(t);
            } catch (java.time.format.DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(), option + ": '" + t + "' is neither an ISO-8601 "
                        + "period (P3Y, P18M, P90D) nor off");
            }
            if (period.isZero() || period.isNegative()) {
                throw new ParameterException(spec.commandLine(), option + ": must be a positive period, got " + t);
            }
            return Optional.of(period);
        }
    }
}
