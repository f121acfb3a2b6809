package dev.crmkit.examples.cli.service;

import dev.crmkit.core.Crm;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.examples.cli.AsOfOption;
import dev.crmkit.examples.cli.CrmSetup;
import dev.crmkit.examples.cli.JsonOutput;
import dev.crmkit.examples.cli.OutputFormat;
import dev.crmkit.examples.cli.StoreAccess;
import dev.crmkit.examples.cli.StoreOptions;
import dev.crmkit.service.ServiceDesk;
import dev.crmkit.service.notification.Notification;
import dev.crmkit.service.reminder.ReminderRun;
import dev.crmkit.service.reminder.ServiceReminder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code crm service remind}: runs the reminder job ({@link ServiceDesk#sendDueReminders}) on the store for the day
 * of {@code --as-of}: each plan occurrence whose reminder day has come, still open and within its window, is reminded
 * once (a second run finds it reminded). The program's notification port prints the messages it is asked to send.
 */
@Command(name = "remind", mixinStandardHelpOptions = true,
        description = {"Sends the service reminders that are due on the day of --as-of (each plan occurrence once, "
                + "also over several runs); this program delivers a reminder by printing it.",
                "JSON keys: asOf, store, sent (each: customer, customerId, recipient, planId, occurrence, due, "
                        + "subject, text), alreadyReminded."})
final class RemindCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private StoreOptions storeOptions = new StoreOptions();

    @Mixin
    private AsOfOption asOf = new AsOfOption();

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    /** One reminder as printed, with the names read from the store. */
    private record Line(ServiceReminder reminder, Notification message, String customer, String recipient) {
    }

    /** The run as read. */
    private record Done(ReminderRun run, List<Line> lines, String store) {
    }

    @Override
    public Integer call() {
        LocalDate day = LocalDate.ofInstant(asOf.clock().instant(), ZoneOffset.UTC);
        Done done = StoreAccess.readAll(storeOptions, spec, (store, description) -> {
            Crm crm = CrmSetup.on(store, "DE", asOf.clock(), IdGenerator.random());
            List<Notification> told = new ArrayList<>();
            ServiceDesk desk = ServiceDesk.builder().crm(crm).store(store).notifications(told::add).build();
            ReminderRun run = desk.sendDueReminders(day);
            Function<ContactId, String> name = id -> store.contacts().findById(id).map(c -> c.name().full())
                    .orElse(id.toString());
            List<Line> lines = new ArrayList<>();
            for (int i = 0; i < run.sent().size(); i++) {
                ServiceReminder r = run.sent().get(i);
                lines.add(new Line(r, told.get(i), name.apply(r.customer()), name.apply(r.recipient())));
            }
            return new Done(run, lines, description);
        });
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            JsonOutput.print(out, JsonOutput.object("asOf", day.toString(), "store", done.store(),
                    "sent", done.lines().stream().map(RemindCommand::json).toList(),
                    "alreadyReminded", done.run().alreadyReminded()));
            return 0;
        }
        out.println("Service reminders on " + day + " (" + done.store() + "): " + done.lines().size() + " sent, "
                + done.run().alreadyReminded() + " reminded before");
        done.lines().forEach(l -> out.println("  to " + l.recipient() + (l.recipient().equals(l.customer()) ? ""
                : " (at " + l.customer() + "'s site)") + ": " + l.message().subject() + " - " + l.message().text()));
        out.flush();
        return 0;
    }

    private static Map<String, Object> json(Line l) {
        ServiceReminder r = l.reminder();
        return JsonOutput.object("customer", l.customer(), "customerId", r.customer().toString(),
                "recipient", l.recipient(), "planId", r.plan().toString(), "occurrence", r.occurrence(),
                "due", r.occurrenceDue().toString(), "subject", l.message().subject(), "text", l.message().text());
    }
}
