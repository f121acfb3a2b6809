package dev.crmkit.examples.cli.campaigns;

import dev.crmkit.adapters.mail.EmlFolderChannel;
import dev.crmkit.adapters.mail.SmtpChannel;
import dev.crmkit.adapters.memory.InMemoryCampaignMessages;
import dev.crmkit.campaigns.StandardCampaigns;
import dev.crmkit.campaigns.audience.Recipient;
import dev.crmkit.campaigns.audience.DoNotContactList;
import dev.crmkit.campaigns.cap.FrequencyCaps;
import dev.crmkit.campaigns.delivery.CampaignMessages;
import dev.crmkit.campaigns.delivery.CampaignStores;
import dev.crmkit.campaigns.delivery.CampaignRun;
import dev.crmkit.campaigns.delivery.MessageState;
import dev.crmkit.campaigns.delivery.RunReport;
import dev.crmkit.campaigns.message.DueMessage;
import dev.crmkit.campaigns.messaging.MessageChannel;
import dev.crmkit.campaigns.template.EditableTemplates;
import dev.crmkit.campaigns.template.StandardTemplates;
import dev.crmkit.campaigns.template.TemplateLibrary;
import dev.crmkit.campaigns.trigger.InactivityTrigger;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.examples.cli.Counted;
import dev.crmkit.examples.cli.JsonOutput;
import dev.crmkit.examples.cli.OutputFormat;
import dev.crmkit.examples.cli.StoreAccess;
import dev.crmkit.examples.cli.StoreOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code crm campaigns run}: sends the standard campaigns' messages due on {@code --as-of} through SMTP or, by
 * default, into a folder of {@code .eml} files, with the built-in templates (under the ones saved in the store's
 * template store, when the store's contacts are used) and the standard frequency caps.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Sends the messages of the standard campaigns (birthday, win-back; re-contact with "
                + "--inactive-days) due on --as-of to the "
                + "contacts of the store (or of --contacts), rendered "
                + "with the built-in templates (English, German; with the store's contacts, a template saved in "
                + "the store's template store replaces the built-in one of its name and language) in each "
                + "contact's language: to an SMTP server "
                + "(--smtp-host) or, by default, as .eml files into --out. Consent is checked again and the "
                + "standard frequency caps (1 a day, 3 a week, 8 a month) apply; a message over a cap is reported "
                + "as deferred. With the store's contacts, the store's ledger and do-not-contact list are used: "
                + "what went out is remembered, so running a day again sends nothing twice (with --contacts, "
                + "nothing is remembered between runs). Each message's Message-ID comes from its key, so running a "
                + "day again writes no second .eml file and lets a mail server drop the repeat.",
                "JSON keys: asOf, channel, due, sent, held, deferred, sentByCampaign, messages (contact, campaign, "
                        + "step, outcome)."})
public final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private CampaignFiles files;

    @Mixin
    private StoreOptions store = new StoreOptions();

    @Option(names = "--as-of", paramLabel = "DATE", required = true,
            description = "The send day (ISO date); later orders are ignored.")
    private LocalDate asOf;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "campaign-mail",
            description = "The folder of the .eml files when no --smtp-host is given (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--smtp-host", paramLabel = "HOST", description = "Send through this SMTP server instead.")
    private String smtpHost;

    @Option(names = "--smtp-port", paramLabel = "PORT", defaultValue = "25",
            description = "The SMTP server's port (default: ${DEFAULT-VALUE}).")
    private int smtpPort;

    @Option(names = "--from", paramLabel = "ADDRESS", defaultValue = "offers@example.com",
            description = "The sender's e-mail address (default: ${DEFAULT-VALUE}).")
    private String from;

    @Option(names = "--inactive-days", paramLabel = "N",
            description = "Also send the re-contact message to the store's contacts nobody has called, e-mailed, "
                    + "chatted with or met for exactly N days (1 to 3650; needs the store, not --contacts).")
    private Integer inactiveDays;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    @Override
    public Integer call() {
        boolean smtp = smtpHost != null && !smtpHost.isBlank();
        if (!smtp && spec.commandLine().getParseResult().hasMatchedOption("--smtp-port")) {
            throw new ParameterException(spec.commandLine(), "--smtp-port needs --smtp-host");
        }
        if (smtp && spec.commandLine().getParseResult().hasMatchedOption("--out")) {
            throw new ParameterException(spec.commandLine(), "--out and --smtp-host exclude each other");
        }
        if (inactiveDays != null && files.hasContacts()) {
            throw new ParameterException(spec.commandLine(), "--inactive-days needs the store's timeline, not "
                    + "--contacts");
        }
        InactivityTrigger inactivity;
        try {
            inactivity = inactiveDays == null ? null : new InactivityTrigger(inactiveDays, 7);
        } catch (ValidationException e) {
            throw new ParameterException(spec.commandLine(), "--inactive-days " + e.getMessage());
        }
        if (smtpPort < 1 || smtpPort > 65_535) {
            throw new ParameterException(spec.commandLine(), "--smtp-port must be from 1 to 65535, got " + smtpPort);
        }
        MessageChannel channel = smtp ? new SmtpChannel(smtpHost.strip(), smtpPort, from)
                : new EmlFolderChannel(out, from);
        String where = smtp ? "smtp://" + smtpHost.strip() + ":" + smtpPort : out.toString();
        if (files.hasContacts()) {
            // contacts from a file: no store to remember what went out, so a ledger for this run only
            send(files.contacts(), List.of(), new InMemoryCampaignMessages(), null, channel, where,
                    StandardTemplates.library());
        } else {
            StoreAccess.readAll(store, spec, (crm, description) -> {
                CampaignStores stores = crm.campaignStores();
                List<Recipient> recipients = StoreContacts.read(crm);
                List<DueMessage> silent = new ArrayList<>();
                if (inactivity != null) {
                    for (Recipient r : recipients) {
                        inactivity.dueOn(r.id(), StoreContacts.lastInteraction(crm, r.id()), r.zone(), asOf)
                                .ifPresent(silent::add);
                    }
                }
                // the templates users saved in the store over the built-in ones
                send(recipients, silent, stores.messages(), stores.doNotContact(), channel, where,
                        new EditableTemplates(stores.templates(), StandardTemplates.library()).library());
                return null;
            });
        }
        return 0;
    }

    /**
     * Schedules what is due in the ledger (a message recorded before keeps its state), sends what the ledger has due,
     * and prints what happened to each message due today.
     */
    private void send(List<Recipient> recipients, List<DueMessage> more, CampaignMessages ledger,
            DoNotContactList doNotContact, MessageChannel channel, String where, TemplateLibrary templates) {
        List<DueMessage> due = new ArrayList<>(StandardCampaigns.standard().dueOn(recipients, files.orders(), asOf));
        due.addAll(more);
        Set<String> doneBefore = new HashSet<>();
        for (DueMessage m : due) {
            if (!ledger.schedule(m) && ledger.find(m.key()).map(MessageState::done).orElse(false)) {
                doneBefore.add(m.key());
            }
        }
        Map<String, Recipient> byId = new LinkedHashMap<>();
        recipients.forEach(r -> byId.put(r.id(), r));
        Clock clock = Clock.fixed(asOf.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
        CampaignRun run = new CampaignRun(ledger, channel, templates, FrequencyCaps.standard(),
                clock, "crm", Duration.ofHours(1));
        RunReport report = (doNotContact == null ? run : run.withDoNotContact(doNotContact)).run(asOf, byId);
        print(due, report, ledger, doneBefore, where);
    }

    private void print(List<DueMessage> due, RunReport report, CampaignMessages ledger, Set<String> doneBefore,
            String where) {
        PrintWriter pw = spec.commandLine().getOut();
        List<Map<String, Object>> messages = new ArrayList<>();
        for (DueMessage m : due) {
            String outcome = ledger.find(m.key()).flatMap(MessageState::outcome)
                    .map(o -> doneBefore.contains(m.key()) ? "done before: " + o : o)
                    .orElse("deferred: frequency cap");
            messages.add(JsonOutput.object("contact", m.contactId(), "campaign", m.campaign(), "step", m.step(),
                    "outcome", outcome));
        }
        if (format == OutputFormat.JSON) {
            JsonOutput.print(pw, JsonOutput.object("asOf", asOf.toString(), "channel", where, "due", due.size(),
                    "sent", report.sent(), "held", report.held(), "deferred", report.deferred(),
                    "sentByCampaign", new LinkedHashMap<>(report.sentByCampaign()), "messages", messages));
            return;
        }
        pw.printf(Locale.ROOT, "%s due on %s: %d sent to %s, %d held, %d deferred%n",
                Counted.of(due.size(), "message"), asOf, report.sent(), where, report.held(), report.deferred());
        for (Map<String, Object> m : messages) {
            pw.printf(Locale.ROOT, "  %-16s %-9s step %s  %s%n", m.get("contact"), m.get("campaign"), m.get("step"),
                    m.get("outcome"));
        }
        pw.flush();
    }
}
