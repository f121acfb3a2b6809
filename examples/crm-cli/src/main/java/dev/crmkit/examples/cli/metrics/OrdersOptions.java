package dev.crmkit.examples.cli.metrics;

import dev.crmkit.core.kernel.BadValue;
import dev.crmkit.examples.cli.EncodingOption;
import dev.crmkit.metrics.clv.CustomerSummaries;
import dev.crmkit.metrics.clv.TimeUnit;
import dev.crmkit.metrics.order.OrderBook;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;

/** The orders file of the metrics commands and the names of its columns. */
public final class OrdersOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--orders", paramLabel = "FILE", required = true,
            description = "CSV orders file with a header: customer id, date (ISO date or date-time) and amount "
                    + "columns; other columns are ignored.")
    private Path file;

    @Option(names = "--customer-col", paramLabel = "NAME", defaultValue = "customer_id",
            description = "The customer id column (default: ${DEFAULT-VALUE}).")
    private String customerColumn;

    @Option(names = "--date-col", paramLabel = "NAME", defaultValue = "date",
            description = "The date column (default: ${DEFAULT-VALUE}).")
    private String dateColumn;

    @Option(names = "--amount-col", paramLabel = "NAME", defaultValue = "amount",
            description = "The amount column (default: ${DEFAULT-VALUE}).")
    private String amountColumn;

    @Option(names = "--currency", paramLabel = "CODE", defaultValue = "EUR",
            description = "ISO 4217 currency of the amounts (default: ${DEFAULT-VALUE}).")
    private String currency;

    @Mixin
    private EncodingOption encoding = new EncodingOption();

    /** The orders of the file. */
    public OrderBook read() {
        return new OrdersCsv(customerColumn, dateColumn, amountColumn, currency()).read(file, encoding.format());
    }

    /** The customers' summaries of the file as of the end of observation (see {@link OrdersCsv#summaries}). */
    public CustomerSummaries summaries(LocalDate observationEnd, TimeUnit unit) {
        return new OrdersCsv(customerColumn, dateColumn, amountColumn, currency()).summaries(file, encoding.format(),
                observationEnd, unit);
    }

    /** The currency named by {@code --currency}. */
    public Currency currency() {
        try {
            return Currency.getInstance(currency.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--currency must be an ISO 4217 code such as EUR, got "
                    + BadValue.quote(currency));
        }
    }
}
