package dev.crmkit.examples.cli.campaigns;

import dev.crmkit.campaigns.audience.Recipient;
import dev.crmkit.examples.cli.metrics.OrdersCsv;
import dev.crmkit.metrics.order.OrderBook;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Currency;
import java.util.List;

/** The input files of the campaigns commands: contacts, and orders for the win-back steps. */
public final class CampaignFiles {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Option(names = "--contacts", paramLabel = "FILE",
            description = "CSV contacts file with a header: id, first_name, last_name, email, phone, birthday (ISO "
                    + "date, may be empty), consent (yes/no), language; optional time_zone (Europe/Berlin).")
    private Path contacts;

    @Option(names = "--orders", paramLabel = "FILE",
            description = "CSV orders file as for crm rfm: customer_id (a contact id), date, amount. Without it, no "
                    + "win-back step is due.")
    private Path orders;

    /** Whether a contacts file was given. */
    boolean hasContacts() {
        return contacts != null;
    }

    /** The contacts of the file. */
    List<Recipient> contacts() {
        return ContactsCsv.read(contacts);
    }

    /** The orders of the file, or none. */
    OrderBook orders() {
        return orders == null ? OrderBook.builder(EUR).build()
                : new OrdersCsv("customer_id", "date", "amount", EUR).read(orders);
    }
}
