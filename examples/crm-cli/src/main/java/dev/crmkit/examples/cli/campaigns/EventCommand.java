package dev.crmkit.examples.cli.campaigns;

import dev.crmkit.campaigns.trigger.CampaignEvents;
import dev.crmkit.campaigns.trigger.HostEvent;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.ValidationException;
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
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code crm campaigns event}: records an event about a contact of the store, as a host would report it, for the
 * event-triggered campaigns and the nurture sequence of {@code crm campaigns run}.
 */
@Command(name = "event", mixinStandardHelpOptions = true,
        description = {"Records an event about a contact of the store under an idempotency key (recording the same "
                + "key again changes nothing): lead-captured (enrolls the contact in the nurture sequence), "
                + "order-placed (order confirmation; ends an abandoned-cart mail and the sequence), cart-abandoned, "
                + "payment-due (payment reminder 3 days later), payment-received (cancels it), stage-entered, "
                + "reply-received, meeting-booked (end the sequence), or a type of your own.",
                "JSON keys: recorded, key."})
public final class EventCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private StoreOptions store = new StoreOptions();

    @Option(names = "--contact", paramLabel = "ID", required = true, description = "The contact's id.")
    private String contact;

    @Option(names = "--type", paramLabel = "TYPE", required = true, description = "The event's type.")
    private String type;

    @Option(names = "--at", paramLabel = "INSTANT", required = true,
            description = "When it happened (ISO instant, e.g. 2026-03-03T09:30:00Z).")
    private Instant at;

    @Option(names = "--reference", paramLabel = "REF", defaultValue = "",
            description = "What it is about: the order, invoice, cart or stage; required for order-placed, "
                    + "cart-abandoned, payment-due and payment-received (one message per reference).")
    private String reference;

    @Option(names = "--key", paramLabel = "KEY",
            description = "The idempotency key (default: type/contact/reference/at).")
    private String key;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    @Override
    public Integer call() {
        UUID id;
        try {
            id = UUID.fromString(contact.strip());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--contact must be a contact id (a UUID), got '"
                    + contact + "'");
        }
        String idempotencyKey = key != null ? key : type + "/" + id + "/" + reference + "/" + at;
        HostEvent event = new HostEvent(id.toString(), type.strip(), at, reference.strip());
        try {
            CampaignEvents.check(idempotencyKey, event);
        } catch (ValidationException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        boolean recorded = StoreAccess.readAll(store, spec, (crm, description) -> {
            if (crm.contacts().findById(new ContactId(id)).isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--contact: no contact " + id + " in " + description);
            }
            return crm.campaignStores().events().record(idempotencyKey, event);
        });
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            JsonOutput.print(out, JsonOutput.object("recorded", recorded, "key", idempotencyKey));
        } else {
            out.printf(Locale.ROOT, "%s %s%n", recorded ? "recorded" : "already recorded", idempotencyKey);
            out.flush();
        }
        return 0;
    }
}
