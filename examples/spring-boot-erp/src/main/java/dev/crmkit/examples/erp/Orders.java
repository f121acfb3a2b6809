package dev.crmkit.examples.erp;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.metrics.ltv.OrderHistoryLtv;
import dev.crmkit.metrics.order.Order;
import dev.crmkit.metrics.order.OrderBook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;

/** The ERP's orders, and the lifetime value crm-metrics computes from them. */
@Service
public class Orders {

    private final JdbcTemplate jdbc;

    Orders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Books an order of a customer. */
    @Transactional
    public void place(UUID customer, LocalDate on, Money amount) {
        jdbc.update("INSERT INTO erp_order (customer_id, ordered_on, amount, currency) VALUES (?, ?, ?, ?)",
                customer, on, amount.amount(), amount.currency().getCurrencyCode());
    }

    /**
     * The lifetime value of the ERP's customers from their orders in one currency as of a day (orders after it are
     * ignored): ARPU x lifespan, AOV x frequency x lifespan and, when somebody churned, margin over churn.
     *
     * @param churnWindowDays a customer without an order in this many days counts as churned
     * @param grossMargin     a fraction from 0 to 1
     */
    @Transactional(readOnly = true)
    public OrderHistoryLtv lifetimeValue(Currency currency, LocalDate asOf, int churnWindowDays,
                                         BigDecimal grossMargin) {
        OrderBook.Builder book = OrderBook.builder(currency);
        jdbc.query("SELECT customer_id, ordered_on, amount FROM erp_order WHERE currency = ? AND ordered_on <= ? "
                        + "ORDER BY id", rs -> {
                    book.add(new Order(rs.getString(1), rs.getObject(2, LocalDate.class),
                            Money.of(rs.getBigDecimal(3), currency)));
                }, currency.getCurrencyCode(), asOf);
        return OrderHistoryLtv.of(book.build(), asOf, churnWindowDays, grossMargin);
    }
}
