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
import dev.crmkit.examples.cli.leadimport.ImportTally;
import dev.crmkit.examples.cli.leadimport.LeadImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code crm demo}: a day of leads from every channel, captured through the same import as {@code crm import}, then
 * what crmkit made of them: counts, folded duplicates, the rejected row, a contact's timeline and a sales manager's
 * agenda.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Capture a bundled day of leads from web forms, landing pages, chat, calls, e-mail, ads and "
                + "referrals (with duplicates and a bad row), then show what crmkit made of them.",
                "The clock replays each lead at its submission time; \"now\" is " + DemoCommand.NOW_TEXT + "."})
final class DemoCommand implements Callable<Integer> {

    static final String NOW_TEXT = "2026-11-23T09:00:00Z";
    static final Instant NOW = Instant.parse(NOW_TEXT);
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final String DATA = "demo-leads.csv";
    private static final long SEED = 42;

    @Spec
    private CommandSpec spec;

    @Option(names = "--owner", paramLabel = "USER", defaultValue = "anna",
            description = "Whose agenda to show: anna (default), ben or carla.")
    private String owner;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    @Override
    public Integer call() throws IOException {
        MutableClock clock = MutableClock.fixedAt(NOW, ZONE);
        Crm crm = CrmSetup.inMemory("DE", clock, IdGenerator.seeded(SEED));
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
        Agenda agenda = crm.tasks().agenda(UserId.of(owner), ZONE);
        DemoReport report = new DemoReport(NOW, ZONE, tally, log, crm.store().companies().count(),
                contact, lead, timeline, owner, agenda);
        if (format == OutputFormat.JSON) {
            JsonOutput.print(spec.commandLine().getOut(), report.json());
        } else {
            report.print(spec.commandLine().getOut());
        }
        return 0;
    }
}
