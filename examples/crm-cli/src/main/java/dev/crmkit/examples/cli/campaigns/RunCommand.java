package dev.crmkit.examples.cli.campaigns;

import dev.crmkit.adapters.mail.EmlFolderChannel;
import dev.crmkit.adapters.mail.SmtpChannel;
import dev.crmkit.adapters.memory.InMemoryCampaignMessages;
import dev.crmkit.campaigns.StandardCampaigns;
import dev.crmkit.campaigns.audience.ContactZones;
import dev.crmkit.campaigns.audience.Recipient;
import dev.crmkit.campaigns.audience.DoNotContactList;
import dev.crmkit.campaigns.cap.FrequencyCaps;
import dev.crmkit.campaigns.delivery.CampaignMessages;
import dev.crmkit.campaigns.delivery.CampaignStores;
import dev.crmkit.campaigns.delivery.CampaignRun;
import dev.crmkit.campaigns.delivery.Cancellation;
import dev.crmkit.campaigns.delivery.MessageState;
import dev.crmkit.campaigns.delivery.RunReport;
import dev.crmkit.campaigns.message.DueMessage;
import dev.crmkit.campaigns.messaging.MessageChannel;
import dev.crmkit.campaigns.template.EditableTemplates;
import dev.crmkit.campaigns.delivery.SequenceRunReport;
import dev.crmkit.campaigns.template.StandardTemplates;
import dev.crmkit.campaigns.template.TemplateLibrary;
import dev.crmkit.campaigns.trigger.InactivityTrigger;
import dev.crmkit.campaigns.window.SendWindow;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
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
                "With the store, also the events recorded with 'crm campaigns event': the order confirmation and "
                        + "the payment reminder (transactional), the abandoned-cart mail (marketing), each "
                        + "cancelled by a later event of the same reference, missed days caught up for 7 days; and "
                        + "the nurture sequence: a lead-captured event enrolls the contact, whose due steps are "
                        + "carried out (messages sent with the same checks; hand to sales as a task for the "
                        + "contact's owner), ended by a reply, a booked meeting, an order or a stage entered.",
                "JSON keys: asOf, channel, due, sent, held, deferred, sentByCampaign, messages (contact, campaign, "
                        + "step, outcome), sequences (enrolled, advanced, scheduled, performed, ended, failed, "
                        + "actions; null with --contacts)."})
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

    @Option(names = "--at", paramLabel = "TIME", defaultValue = "12:00",
            description = "The time of the run on --as-of, UTC (default: ${DEFAULT-VALUE}, when every zone from "
                    + "UTC-12 to UTC+11 is on that day). A message is never sent before its day on the contact's "
                    + "calendar; the send window and the sequences' steps are judged at this instant.")
    private LocalTime at;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "The zone of a store contact whose data names none (default: ${DEFAULT-VALUE}). A "
                    + "contact's zone is its custom field time_zone (an IANA id), else the zone of its address's "
                    + "country, else of its phone's country, when that country has one zone.")
    private ZoneId zone;

    @Option(names = "--send-window", paramLabel = "HH:MM-HH:MM",
            description = "Send only Monday to Friday between these local times on each contact's clock; a "
                    + "message outside waits for a later run while it is valid (deferred).")
    private String sendWindow;

    @Option(names = "--node", paramLabel = "NAME",
            description = "The name this process claims due messages under, 1 to 100 characters (default: "
                    + "crm@HOST:PID, so two runs at once on one store never claim as the same node).")
    private String node;

    /**
     * The node name of this process by default: the host's name and the process id, unique among the processes
     * that share a store at one time.
     */
    public static String defaultNode() {
        return nodeOf(hostName(), ProcessHandle.current().pid());
    }

    /**
     * The node name of a process on a host, at most 100 characters (the ledger's limit): a longer host name is cut
     * from the end, so the pid is always kept.
     */
    public static String nodeOf(String host, long pid) {
        String tail = ":" + pid;
        int room = 100 - "crm@".length() - tail.length();
        return "crm@" + (host.length() > room ? host.substring(0, room) : host) + tail;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost"; // the pid still tells the processes of one host apart
        }
    }

    /** The node name to claim under: {@code --node}, else {@link #defaultNode()}. */
    private String node() {
        if (node == null) {
            return defaultNode();
        }
        if (node.isBlank() || node.length() > 100) {
            throw new ParameterException(spec.commandLine(), "--node must be 1 to 100 characters, not blank, got '"
                    + node + "'");
        }
        return node.strip();
    }

    @Override
    public Integer call() {
        node = node(); // refused before anything is read or sent
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
        SendWindow window = sendWindow == null ? null : window(sendWindow);
        MessageChannel channel = smtp ? new SmtpChannel(smtpHost.strip(), smtpPort, from)
                : new EmlFolderChannel(out, from);
        String where = smtp ? "smtp://" + smtpHost.strip() + ":" + smtpPort : out.toString();
        if (files.hasContacts()) {
            // contacts from a file: no store to remember what went out, so a ledger for this run only
            send(files.contacts(), List.of(), new InMemoryCampaignMessages(), null, channel, where,
                    StandardTemplates.library(), window, null, null);
        } else {
            StoreAccess.readAll(store, spec, (crm, description) -> {
                CampaignStores stores = crm.campaignStores();
                List<Recipient> recipients = StoreContacts.read(crm, ContactZones.derivedOr(zone));
                List<DueMessage> silent = new ArrayList<>();
                if (inactivity != null) {
                    for (Recipient r : recipients) {
                        inactivity.dueOn(r.id(), StoreContacts.lastInteraction(crm, r.id()), r.zone(), asOf)
                                .ifPresent(silent::add);
                    }
                }
                Map<String, Recipient> byId = new LinkedHashMap<>();
                recipients.forEach(r -> byId.put(r.id(), r));
                silent.addAll(StoreEvents.due(stores.events(), byId, asOf));
                Instant now = asOf.atTime(at).toInstant(ZoneOffset.UTC);
                StoreSequences.Outcome sequences = StoreSequences.run(crm, stores, byId, zone, node(),
                        asOf.minusDays(StoreEvents.CATCH_UP_DAYS).atStartOfDay(ZoneOffset.UTC).toInstant(), now);
                // the templates users saved in the store over the built-in ones
                send(recipients, silent, stores.messages(), stores.doNotContact(), channel, where,
                        new EditableTemplates(stores.templates(), StandardTemplates.library()).library(), window,
                        sequences, Cancellation.ofEvents(StoreEvents.TRIGGERS, stores.events())
                                .or(Cancellation.ofSequences(stores.enrollments())));
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
            DoNotContactList doNotContact, MessageChannel channel, String where, TemplateLibrary templates,
            SendWindow window, StoreSequences.Outcome sequences, Cancellation cancellation) {
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
        Clock clock = Clock.fixed(asOf.atTime(at).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        CampaignRun run = new CampaignRun(ledger, channel, templates, FrequencyCaps.standard(),
                clock, node(), Duration.ofHours(1));
        run = doNotContact == null ? run : run.withDoNotContact(doNotContact);
        // a message scheduled before and cancelled since (paid, ordered, its enrollment ended on a goal) is held back
        // for good, not sent
        run = cancellation == null ? run : run.withCancellation(cancellation);
        RunReport report = (window == null ? run : run.withSendWindow(window)).run(asOf, byId);
        print(due, report, ledger, doneBefore, where, sequences);
    }

    private void print(List<DueMessage> due, RunReport report, CampaignMessages ledger, Set<String> doneBefore,
            String where, StoreSequences.Outcome sequences) {
        PrintWriter pw = spec.commandLine().getOut();
        List<Map<String, Object>> messages = new ArrayList<>();
        for (DueMessage m : due) {
            String outcome = ledger.find(m.key()).flatMap(MessageState::outcome)
                    .map(o -> doneBefore.contains(m.key()) ? "done before: " + o : o)
                    .orElse("deferred: a frequency cap, the send window or not yet its day");
            messages.add(JsonOutput.object("contact", m.contactId(), "campaign", m.campaign(), "step", m.step(),
                    "outcome", outcome));
        }
        if (format == OutputFormat.JSON) {
            JsonOutput.print(pw, JsonOutput.object("asOf", asOf.toString(), "channel", where, "due", due.size(),
                    "sent", report.sent(), "held", report.held(), "deferred", report.deferred(),
                    "sentByCampaign", new LinkedHashMap<>(report.sentByCampaign()), "messages", messages,
                    "sequences", sequences == null ? null : sequencesJson(sequences)));
            return;
        }
        pw.printf(Locale.ROOT, "%s due on %s: %d sent to %s, %d held, %d deferred%n",
                Counted.of(due.size(), "message"), asOf, report.sent(), where, report.held(), report.deferred());
        for (Map<String, Object> m : messages) {
            pw.printf(Locale.ROOT, "  %-16s %-9s step %s  %s%n", m.get("contact"), m.get("campaign"), m.get("step"),
                    m.get("outcome"));
        }
        if (sequences != null) {
            SequenceRunReport r = sequences.report();
            pw.printf(Locale.ROOT, "sequences: %d enrolled, %d advanced, %d messages scheduled, %d steps for the "
                    + "owner, %d ended%s%n", sequences.enrolled(), r.advanced(), r.scheduled(), r.performed(),
                    r.ended().values().stream().mapToInt(Integer::intValue).sum(),
                    r.failed().isEmpty() ? "" : ", " + r.failed().size() + " failed: " + r.failed());
            sequences.actions().forEach(a -> pw.printf(Locale.ROOT, "  %s%n", a));
        }
        pw.flush();
    }

    private static Map<String, Object> sequencesJson(StoreSequences.Outcome sequences) {
        SequenceRunReport r = sequences.report();
        Map<String, Object> ended = new LinkedHashMap<>();
        r.ended().forEach((status, n) -> ended.put(status.name().toLowerCase(Locale.ROOT), n));
        return JsonOutput.object("enrolled", sequences.enrolled(), "advanced", r.advanced(), "scheduled",
                r.scheduled(), "performed", r.performed(), "ended", ended, "failed", r.failed(), "actions",
                sequences.actions());
    }

    private SendWindow window(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{2}:\\d{2})-(\\d{2}:\\d{2})")
                .matcher(text.strip());
        try {
            if (m.matches()) {
                return SendWindow.of(java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY),
                        LocalTime.parse(m.group(1)), LocalTime.parse(m.group(2)));
            }
        } catch (java.time.format.DateTimeParseException | ValidationException e) {
            throw new ParameterException(spec.commandLine(), "--send-window " + e.getMessage());
        }
        throw new ParameterException(spec.commandLine(), "--send-window must be HH:MM-HH:MM (09:00-18:00), got '"
                + text + "'");
    }
}
