package dev.crmkit.examples.cli;

import dev.crmkit.core.Crm;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.task.Agenda;
import dev.crmkit.examples.MutableClock;
import dev.crmkit.examples.cli.pipeline.PipelineSetup;
import dev.crmkit.examples.cli.leadimport.ImportTally;
import dev.crmkit.examples.cli.leadimport.LeadImport;
import dev.crmkit.examples.cli.metrics.ReportCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code crm demo}: a day of leads from every channel, captured through the same import as {@code crm import}, then
 * what crmkit made of them: counts, folded duplicates, the rejected row, a contact's timeline and a sales manager's
 * agenda.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Capture a bundled day of leads from web forms, landing pages, chat, calls, e-mail, ads and "
                + "referrals (with duplicates and a bad row), then show what crmkit made of them: deals, lead scores "
                + "(with the hottest lead's explanation) and the unassigned leads assigned to the demo team.",
                "The clock replays each lead at its submission time; \"now\" is " + DemoCommand.NOW_TEXT + ".",
                "The leads go to the H2 database in ./.crm/ (kept between runs: a second run sees the first one's "
                        + "leads, so its rows are recognized or folded), to the database of --jdbc-url, or with "
                        + "--in-memory to an empty store that is gone at exit (the same output every time)."})
final class DemoCommand implements Callable<Integer> {

    static final String NOW_TEXT = "2026-11-23T09:00:00Z";
    static final Instant NOW = Instant.parse(NOW_TEXT);
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final String DATA = "demo-leads.csv";

    @Spec
    private CommandSpec spec;

    @Option(names = "--owner", paramLabel = "USER", defaultValue = "anna",
            description = "Whose agenda to show: anna (default), ben or carla.")
    private String owner;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "crm-report",
            description = "Where to write the metrics report at the end (default: ${DEFAULT-VALUE}).")
    private Path reportDir;

    @Option(names = "--no-report", description = "Do not write the metrics report at the end.")
    private boolean noReport;

    @Option(names = "--id-seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the random part of the ids on an in-memory store (default: ${DEFAULT-VALUE}); "
                    + "any seed prints the same board, agenda and timeline, only the ids differ.")
    private long idSeed;

    @Option(names = "--random-ids", hidden = true,
            description = "Seeded version-4 ids in no order at all, for the test that nothing printed depends on "
                    + "the order of ids.")
    private boolean randomIds;

    @Mixin
    private StoreOptions storeOptions = new StoreOptions();

    @Override
    public Integer call() throws IOException {
        OptionRules.uselessWith(spec, "--report-dir", noReport, "--no-report", "no report is written");
        try (StoreOptions.OpenStore store = storeOptions.open(spec)) {
            return run(store);
        }
    }

    private int run(StoreOptions.OpenStore store) throws IOException {
        MutableClock clock = MutableClock.fixedAt(NOW, ZONE);
        // time-ordered ids from the demo's clock; a store kept between runs already holds the ids of earlier runs,
        // which seeded ones would repeat
        IdGenerator ids = store.persistent() ? IdGenerator.timeOrdered(clock)
                : randomIds ? IdGenerator.seeded(idSeed) : IdGenerator.timeOrdered(clock, idSeed);
        Crm crm = CrmSetup.on(store.store(), "DE", clock, ids);
        Totals before = Totals.of(crm);
        DemoLog log = new DemoLog();
        ImportTally tally;
        try (InputStream in = DemoCommand.class.getResourceAsStream(DATA)) {
            if (in == null) {
                throw new IllegalStateException(DATA + " is missing from the crm jar");
            }
            tally = new LeadImport(crm, clock).run(in, log);
        }
        Optional<Contact> contact = log.mostRepeated().map(CaptureOutcome.DuplicateFolded::contact);
        Optional<Lead> lead = log.mostRepeated()
                .flatMap(d -> crm.store().leads().findById(d.existingLead().id()));
        List<Activity> timeline = contact.map(c -> crm.timeline().of(
                new RecordRef(RecordType.CONTACT, c.id().value()), TimelineFilter.everything(),
                PageRequest.first(20)).items()).orElse(List.of());
        DemoDeals.Result deals = DemoDeals.run(crm, PipelineSetup.on(crm, ids), clock);
        clock.set(NOW);
        Agenda agenda = crm.tasks().agenda(UserId.of(owner), ZONE);
        DemoScoring.Result scoring = DemoScoring.run(crm);
        DemoTeam.logFirstCalls(crm, NOW); // for the report's team page: calls with outcomes and talk time
        DemoCampaigns campaigns = DemoCampaigns.run(NOW, ZONE);
        Totals after = Totals.of(crm);
        DemoReport report = new DemoReport(NOW, ZONE, tally, log, new DemoReport.StoreState(store.description(),
                store.persistent(), before, after), contact, lead, timeline, owner, agenda);
        Optional<Path> metrics = noReport ? Optional.empty() : Optional.of(ReportCommand.writeForStore(
                store.store(), store.description(), NOW.atZone(ZONE).toLocalDate(), reportDir).index());
        DemoService.Result service = DemoService.run(crm, store.store(), clock, NOW, ZONE);
        DemoMerge.Result merge = DemoMerge.run(crm, clock, NOW);
        if (format == OutputFormat.JSON) {
            Map<String, Object> json = report.json();
            json.put("merge", merge.json());
            json.put("service", service.json());
            json.put("deals", deals.json());
            json.put("scoring", scoring.scoringJson());
            json.put("assignment", scoring.assignment().json());
            json.put("campaigns", campaigns.json());
            json.put("report", metrics.map(Path::toString).orElse(null));
            JsonOutput.print(spec.commandLine().getOut(), json);
        } else {
            report.print(spec.commandLine().getOut());
            deals.print(spec.commandLine().getOut());
            scoring.print(spec.commandLine().getOut());
            merge.print(spec.commandLine().getOut());
            campaigns.print(spec.commandLine().getOut());
            service.print(spec.commandLine().getOut());
            metrics.ifPresent(index -> spec.commandLine().getOut().println("Metrics report: " + index));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
