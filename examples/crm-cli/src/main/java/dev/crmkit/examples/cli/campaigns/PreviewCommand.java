package dev.crmkit.examples.cli.campaigns;

import dev.crmkit.campaigns.StandardCampaigns;
import dev.crmkit.campaigns.audience.Recipient;
import dev.crmkit.campaigns.message.DueMessage;
import dev.crmkit.examples.cli.Counted;
import dev.crmkit.examples.cli.JsonOutput;
import dev.crmkit.examples.cli.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code crm campaigns preview}: the messages of the standard campaigns whose send day is {@code --as-of}, from a
 * contacts file and an optional orders file, without a store.
 */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = {"The messages of the standard campaigns (birthday, win-back) whose send day is --as-of, from a "
                + "contacts file and an orders file; nothing is sent or stored. Contacts without consent get none; "
                + "a birthday on 29 February is celebrated on 28 February in other years.",
                "JSON keys: asOf, contactCount, due (contact, campaign, step, sendOn, validUntil)."})
public final class PreviewCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private CampaignFiles files;

    @Option(names = "--as-of", paramLabel = "DATE", required = true,
            description = "The send day to list (ISO date); later orders are ignored.")
    private LocalDate asOf;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    @Override
    public Integer call() {
        if (!files.hasContacts()) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--contacts=FILE'");
        }
        List<Recipient> recipients = files.contacts();
        List<DueMessage> due = StandardCampaigns.standard().dueOn(recipients, files.orders(), asOf);
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            List<Map<String, Object>> list = new ArrayList<>(due.size());
            for (DueMessage m : due) {
                list.add(JsonOutput.object("contact", m.contactId(), "campaign", m.campaign(), "step", m.step(),
                        "sendOn", m.sendOn().toString(), "validUntil", m.validUntil().toString()));
            }
            JsonOutput.print(out, JsonOutput.object("asOf", asOf.toString(), "contactCount", recipients.size(),
                    "due", list));
            return 0;
        }
        out.printf(Locale.ROOT, "%s due on %s for %s%n", Counted.of(due.size(), "message"), asOf,
                Counted.of(recipients.size(), "contact"));
        for (DueMessage m : due) {
            out.printf(Locale.ROOT, "  %-16s %-9s step %d  valid until %s%n", m.contactId(), m.campaign(), m.step(),
                    m.validUntil());
        }
        out.flush();
        return 0;
    }
}
