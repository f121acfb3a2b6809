package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.segment.ContactFilter;
import dev.crmkit.campaigns.segment.ContactFacts;
import dev.crmkit.campaigns.segment.ContactSegments;
import dev.crmkit.campaigns.segment.OrderSource;
import dev.crmkit.campaigns.segment.SegmentPushdown;
import dev.crmkit.core.contact.ContactId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Contact segments counted and paged in the database of a {@link JdbcCrmStore}: the filter becomes a WHERE clause of
 * fixed column names and {@code ?} parameters (no filter value is ever part of the SQL text), NULL columns guarded so
 * {@code NOT} agrees with {@link ContactFilter#matches}; contacts merged away are not members (as in
 * {@code Contacts.findAll}). The birthday and order conditions are checked here, not in SQL
 * ({@link SegmentPushdown}): the WHERE clause is then a superset of the members, each row carries the truth of the
 * pushed-down subtrees as columns, and the rows are read in batches by keyset over {@code c.id}, so counts and pages
 * stay exact; the orders come from the host's {@link OrderSource} (without one, a segment with an order condition is
 * refused naming it). Needs crm-campaigns on the class path. Thread-safe when the order source is.
 */
public final class JdbcContactSegments implements ContactSegments {

    private static final int MAX_LIMIT = 1000;

    /** Rows read per round trip when conditions are checked outside the database. */
    private static final int BATCH = 1000;

    private final Jdbc jdbc;
    private final Optional<OrderSource> orders;
    private final int batch;

    /** Segments over the store's contacts, without orders: a segment with an order condition is refused. */
    public JdbcContactSegments(JdbcCrmStore store) {
        this(store, Optional.empty());
    }

    /** Segments over the store's contacts and the host's orders. */
    public JdbcContactSegments(JdbcCrmStore store, OrderSource orders) {
        this(store, Optional.of(Objects.requireNonNull(orders, "orders")));
    }

    private JdbcContactSegments(JdbcCrmStore store, Optional<OrderSource> orders) {
        this(store, orders, BATCH);
    }

    /** With another batch size: tests cross batch boundaries with a small population. */
    JdbcContactSegments(JdbcCrmStore store, Optional<OrderSource> orders, int batch) {
        this.jdbc = Objects.requireNonNull(store, "store").jdbc();
        this.orders = Objects.requireNonNull(orders, "orders");
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be 1 or more, was " + batch);
        }
        this.batch = batch;
    }

    @Override
    public long count(ContactFilter filter) {
        return count(filter, Optional.empty());
    }

    @Override
    public long count(ContactFilter filter, LocalDate asOf) {
        return count(filter, Optional.of(asOf));
    }

    @Override
    public List<ContactId> page(ContactFilter filter, Optional<ContactId> after, int limit) {
        return page(filter, Optional.empty(), after, limit);
    }

    @Override
    public List<ContactId> page(ContactFilter filter, LocalDate asOf, Optional<ContactId> after, int limit) {
        return page(filter, Optional.of(asOf), after, limit);
    }

    private long count(ContactFilter filter, Optional<LocalDate> asOf) {
        ContactFilter fixed = fixed(filter, asOf);
        SegmentPushdown split = SegmentPushdown.of(fixed);
        if (split.exact()) {
            return countInSql(fixed);
        }
        Function<String, Optional<ContactFacts.Orders>> ordersOf = split.orders(orders, asOf);
        long members = 0;
        Optional<ContactId> after = Optional.empty();
        while (true) {
            List<Candidate> rows = candidates(split, after);
            for (Candidate c : rows) {
                if (c.memberOf(split, ordersOf)) {
                    members++;
                }
            }
            if (rows.size() < batch) {
                return members;
            }
            after = Optional.of(rows.get(rows.size() - 1).id());
        }
    }

    private List<ContactId> page(ContactFilter filter, Optional<LocalDate> asOf, Optional<ContactId> after,
            int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + " but was " + limit);
        }
        ContactFilter fixed = fixed(filter, asOf);
        SegmentPushdown split = SegmentPushdown.of(fixed);
        if (split.exact()) {
            return pageInSql(fixed, after, limit);
        }
        Function<String, Optional<ContactFacts.Orders>> ordersOf = split.orders(orders, asOf);
        List<ContactId> out = new ArrayList<>(limit);
        Optional<ContactId> cursor = after;
        while (true) {
            List<Candidate> rows = candidates(split, cursor);
            for (Candidate c : rows) {
                if (c.memberOf(split, ordersOf)) {
                    out.add(c.id());
                    if (out.size() == limit) {
                        return out;
                    }
                }
            }
            if (rows.size() < batch) {
                return out;
            }
            cursor = Optional.of(rows.get(rows.size() - 1).id());
        }
    }

    private static ContactFilter fixed(ContactFilter filter, Optional<LocalDate> asOf) {
        Objects.requireNonNull(filter, "filter");
        return asOf.map(day -> ContactFilter.asOf(filter, day)).orElse(filter);
    }

    /** A contact the superset selected: its id, birthday and the truth of each pushed-down part. */
    private record Candidate(ContactId id, Optional<LocalDate> birthday, boolean[] parts) {
        boolean memberOf(SegmentPushdown split, Function<String, Optional<ContactFacts.Orders>> ordersOf) {
            return split.matches(parts, birthday, ordersOf.apply(id.value().toString()));
        }
    }

    /** Up to a batch of contacts of the superset after the cursor, in id order, with their parts' truth. */
    private List<Candidate> candidates(SegmentPushdown split, Optional<ContactId> after) {
        List<ContactFilter> parts = split.parts();
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT c.id, c.birthday");
        for (int i = 0; i < parts.size(); i++) {
            sql.append(", CASE WHEN (").append(where(parts.get(i), params)).append(") THEN 1 ELSE 0 END AS p")
                    .append(i);
        }
        sql.append(" FROM {contact} c WHERE ").append(JdbcContacts.LISTED).append(" AND ")
                .append(where(split.superset(), params));
        after.ifPresent(id -> {
            sql.append(" AND c.id > ?");
            params.add(id.value());
        });
        sql.append(" ORDER BY c.id LIMIT ?");
        params.add(batch);
        return jdbc.tx.read(c -> jdbc.list(c, jdbc.sql(sql.toString()), rs -> {
            boolean[] truth = new boolean[parts.size()];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = rs.getInt("p" + i) == 1;
            }
            return new Candidate(new ContactId(jdbc.dialect.getUuid(rs, "id")),
                    Optional.ofNullable(rs.getObject("birthday", LocalDate.class)), truth);
        }, params.toArray()));
    }

    private long countInSql(ContactFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        return jdbc.tx.read(c -> jdbc.count(c, jdbc.sql("SELECT COUNT(*) FROM {contact} c WHERE " + JdbcContacts.LISTED + " AND " + where),
                params.toArray()));
    }

    private List<ContactId> pageInSql(ContactFilter filter, Optional<ContactId> after, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        StringBuilder sql = new StringBuilder("SELECT c.id FROM {contact} c WHERE ").append(JdbcContacts.LISTED).append(" AND ")
                .append(where);
        after.ifPresent(id -> {
            sql.append(" AND c.id > ?");
            params.add(id.value());
        });
        sql.append(" ORDER BY c.id LIMIT ?");
        params.add(limit);
        return jdbc.tx.read(c -> jdbc.list(c, jdbc.sql(sql.toString()),
                rs -> new ContactId(jdbc.dialect.getUuid(rs, "id")), params.toArray()));
    }

    /**
     * The condition as SQL of fixed text over the contact row {@code c}, its values appended to {@code params} in
     * order; table names in braces for {@link Jdbc#sql}. Lead conditions are {@code EXISTS} over the contact's leads
     * (and their {@code lead_score} rows), the owner's team one over {@code access_user}, the last interaction one
     * over the timeline's public {@code activity_about} rows of the contact (its key leads with record type and id),
     * custom-field ones over the contact's {@code contact_field} rows (V78; keyed by field and value).
     */
    static String where(ContactFilter filter, List<Object> params) {
        if (filter instanceof ContactFilter.ConsentIs f) {
            params.add(f.status().name());
            return "c.consent_status = ?";
        } else if (filter instanceof ContactFilter.LanguageIs f) {
            params.add(f.tag());
            return "(c.language IS NOT NULL AND c.language = ?)";
        } else if (filter instanceof ContactFilter.OwnerIs f) {
            params.add(f.userId());
            return "(c.owner_id IS NOT NULL AND c.owner_id = ?)";
        } else if (filter instanceof ContactFilter.NoOwner) {
            return "c.owner_id IS NULL";
        } else if (filter instanceof ContactFilter.CreatedBefore f) {
            params.add(f.at());
            return "c.created_at < ?";
        } else if (filter instanceof ContactFilter.LeadStatusIn f) {
            if (f.statuses().isEmpty()) {
                return "1 = 0";
            }
            f.statuses().stream().sorted().forEach(status -> params.add(status.name()));
            return "EXISTS (SELECT 1 FROM {lead} l WHERE l.contact_id = c.id AND " + LISTED_LEAD + " AND l.status IN ("
                    + String.join(", ", java.util.Collections.nCopies(f.statuses().size(), "?")) + "))";
        } else if (filter instanceof ContactFilter.ScoreAtLeast f) {
            params.add(f.points());
            return scored("s.score >= ?");
        } else if (filter instanceof ContactFilter.TemperatureIs f) {
            params.add(f.temperature().name());
            return scored("s.temperature = ?");
        } else if (filter instanceof ContactFilter.StageIs f) {
            params.add(f.stage().name());
            return scored("s.stage = ?");
        } else if (filter instanceof ContactFilter.OwnerTeamIs f) {
            params.add(f.teamId());
            return "(c.owner_id IS NOT NULL AND EXISTS (SELECT 1 FROM {access_user} u WHERE u.id = c.owner_id"
                    + " AND u.team_id IS NOT NULL AND u.team_id = ?))";
        } else if (filter instanceof ContactFilter.InteractedSince f) {
            params.add(f.at());
            return "EXISTS (SELECT 1 FROM {activity_about} a WHERE a.record_type = 'CONTACT' AND a.record_id = c.id"
                    + " AND a.occurred_at >= ? AND a.visibility = 'PUBLIC')";
        } else if (filter instanceof ContactFilter.FieldPresent f) {
            return field(f.key(), "1 = 1", params);
        } else if (filter instanceof ContactFilter.FieldTextIs f) {
            String lower = ContactFieldRows.lower(f.text());
            // the indexed key narrows, LIKE without wildcards compares the whole text (no blank padding anywhere)
            return field(f.key(), "k.value_key = ? AND k.value_text LIKE ? ESCAPE '!'", params,
                    ContactFieldRows.key(lower), likeEscaped(lower));
        } else if (filter instanceof ContactFilter.FieldTextContains f) {
            return field(f.key(), "k.value_text LIKE ? ESCAPE '!'", params,
                    "%" + likeEscaped(ContactFieldRows.lower(f.text())) + "%");
        } else if (filter instanceof ContactFilter.FieldNumber f) {
            return field(f.key(), "k.value_number IS NOT NULL AND k.value_number " + f.comparison().operator()
                    + " ?", params, f.value());
        } else if (filter instanceof ContactFilter.FieldDate f) {
            return field(f.key(), "k.value_date IS NOT NULL AND k.value_date " + f.comparison().operator() + " ?",
                    params, f.day());
        } else if (filter instanceof ContactFilter.FieldDateRelative f) {
            throw new IllegalArgumentException("the relative date condition on '" + f.key() + "' needs the day it"
                    + " is evaluated on: count or page with an as-of day (ContactFilter.asOf)");
        } else if (filter instanceof ContactFilter.BirthdayWithin f) {
            throw new IllegalArgumentException("the condition birthday-within(" + f.days() + ") needs the day it"
                    + " is evaluated on: count or page with an as-of day (ContactFilter.asOf)");
        } else if (filter instanceof ContactFilter.AllOf f) {
            return join(f.filters(), " AND ", "1 = 1", params);
        } else if (filter instanceof ContactFilter.AnyOf f) {
            return join(f.filters(), " OR ", "1 = 0", params);
        } else if (filter instanceof ContactFilter.Not f) {
            return "NOT (" + where(f.filter(), params) + ")";
        }
        throw new IllegalArgumentException("not a condition of SQL (checked outside it, SegmentPushdown): " + filter);
    }

    /** A condition on the contact's row of the field, its values after the key. */
    private static String field(String key, String condition, List<Object> params, Object... values) {
        params.add(key);
        params.addAll(List.of(values));
        return "EXISTS (SELECT 1 FROM {contact_field} k WHERE k.contact_id = c.id AND k.field = ? AND " + condition
                + ")";
    }

    /** The text with LIKE's wildcards and the escape character {@code !} escaped by {@code !}. */
    static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** A lead merged away (its row stays, under an alias) counts for nothing, as {@link JdbcLeads#LISTED}. */
    private static final String LISTED_LEAD = "l.id NOT IN (SELECT merged_id FROM {lead_alias})";

    private static String scored(String condition) {
        return "EXISTS (SELECT 1 FROM {lead} l JOIN {lead_score} s ON s.lead_id = l.id WHERE l.contact_id = c.id AND "
                + LISTED_LEAD + " AND " + condition + ")";
    }

    private static String join(List<ContactFilter> filters, String op, String empty, List<Object> params) {
        if (filters.isEmpty()) {
            return empty;
        }
        List<String> parts = new ArrayList<>();
        for (ContactFilter f : filters) {
            parts.add("(" + where(f, params) + ")");
        }
        return "(" + String.join(op, parts) + ")";
    }
}
