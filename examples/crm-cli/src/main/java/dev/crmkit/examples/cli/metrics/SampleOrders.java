package dev.crmkit.examples.cli.metrics;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.metrics.order.Order;
import dev.crmkit.metrics.order.OrderBook;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeMap;

/**
 * A generated sample order history for the report when no orders file is given: the same customers and seed give the
 * same orders. Each customer first buys on a day in the year ending {@code end}, then again after gaps around a mean
 * of its own (20 to 90 days) until it drops out (a chance of its own per order, 10% to 50%) or passes {@code end};
 * amounts from 10.00 to 199.99. Not data: a picture of what the charts show.
 */
public final class SampleOrders {

    /** The seed the report uses. */
    public static final long SEED = 42;

    private SampleOrders() {
    }

    /** The sample orders of the customers, in {@code currency}. */
    public static OrderBook of(List<String> customers, LocalDate end, long seed, Currency currency) {
        Random random = new Random(seed);
        OrderBook.Builder book = OrderBook.builder(currency);
        for (String customer : customers) {
            LocalDate day = end.minusDays(random.nextInt(365));
            double dropout = 0.1 + 0.4 * random.nextDouble();
            int meanGap = 20 + random.nextInt(71);
            while (!day.isAfter(end)) {
                long cents = 1_000 + random.nextInt(19_000);
                book.add(new Order(customer, day, Money.of(BigDecimal.valueOf(cents, 2), currency,
                        RoundingMode.HALF_EVEN)));
                if (random.nextDouble() < dropout) {
                    break;
                }
                day = day.plusDays(1 + (long) (-meanGap * Math.log(1 - random.nextDouble())));
            }
        }
        return book.build();
    }

    /**
     * A sample acquisition spend per channel: for each of the channel's customers 5.00 to 29.99, drawn from
     * {@code seed}. Channels sorted by name.
     */
    public static List<SpendCsv.ChannelSpend> spend(Map<String, Long> customersByChannel, long seed,
            Currency currency) {
        Random random = new Random(seed);
        List<SpendCsv.ChannelSpend> out = new ArrayList<>();
        for (Map.Entry<String, Long> e : new TreeMap<>(customersByChannel).entrySet()) {
            long cents = 0;
            for (long i = 0; i < e.getValue(); i++) {
                cents += 500 + random.nextInt(2_500);
            }
            out.add(new SpendCsv.ChannelSpend(e.getKey(),
                    Money.of(BigDecimal.valueOf(cents, 2), currency, RoundingMode.HALF_EVEN),
                    OptionalLong.empty()));
        }
        return out;
    }

    /**
     * A store's sample: orders for its contacts (or, when it has none, for {@value #STAND_INS} stand-in customers
     * {@code sample-001} ...), each customer's channel (its first lead's, else one drawn from the seed) and a spend
     * per channel.
     *
     * @param book      the orders
     * @param channelOf each customer's channel
     * @param spend     the spend per channel
     * @param note      what the page says about the sample
     */
    public record Sample(OrderBook book, Map<String, String> channelOf, List<SpendCsv.ChannelSpend> spend,
            String note) {
    }

    /** How many stand-in customers a store without contacts gets. */
    public static final int STAND_INS = 200;

    private static final List<String> CHANNELS = List.of("web_form", "ads", "referral", "email");

    /** The sample of a store, with orders up to {@code end}. */
    public static Sample forStore(StoreData store, LocalDate end, Currency currency) {
        List<String> customers = store.customers();
        String who = "the store's " + customers.size() + " contacts";
        if (customers.isEmpty()) {
            List<String> standIns = new ArrayList<>();
            for (int i = 1; i <= STAND_INS; i++) {
                standIns.add(String.format(Locale.ROOT, "sample-%03d", i));
            }
            customers = standIns;
            who = STAND_INS + " stand-in customers (the store holds no contacts)";
        }
        Random random = new Random(SEED);
        Map<String, String> channelOf = new TreeMap<>();
        Map<String, Long> perChannel = new TreeMap<>();
        for (String customer : customers) {
            String channel = store.channelOf().get(customer);
            if (channel == null) {
                channel = CHANNELS.get(random.nextInt(CHANNELS.size()));
            }
            channelOf.put(customer, channel);
            perChannel.merge(channel, 1L, Long::sum);
        }
        return new Sample(of(customers, end, SEED, currency), Map.copyOf(channelOf),
                spend(perChannel, SEED, currency), "The orders and the acquisition spend on this page are a "
                        + "generated sample (seed " + SEED + ") for " + who + ", ending " + end + ": not real "
                        + "figures. Give crm report --orders FILE (and --spend FILE) for real ones.");
    }
}
