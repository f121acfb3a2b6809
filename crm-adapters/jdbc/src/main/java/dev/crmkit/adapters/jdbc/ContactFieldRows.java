package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.customfield.FieldValue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The rows of {@code contact_field} (V78): a contact's custom field values keyed by field, the columns a segment's
 * custom-field conditions compare ({@link JdbcContactSegments}). Each write of a contact row rewrites them from the
 * contact's values, in the same unit of work; the erasure deletes them. Written by {@link JdbcContacts} whether or
 * not crm-campaigns is on the class path, so this class names none of its types (the limits of a comparable number
 * are those of {@code ContactFilter.comparable}, checked equal by a test). Thread-safe.
 */
final class ContactFieldRows {

    /** How many characters of the value's text the indexed equality key keeps. */
    static final int KEY_LENGTH = 200;

    private static final int MAX_FIELD = 64;

    /** {@code ContactFilter.MAX_INTEGER_DIGITS}: the integer digits of DECIMAL(65, 30). */
    static final int MAX_INTEGER_DIGITS = 35;

    /** {@code ContactFilter.MAX_DECIMALS}: the decimal places of DECIMAL(65, 30). */
    static final int MAX_DECIMALS = 30;

    /** {@code ContactFilter.MIN_YEAR}: the first year of MariaDB's DATE. */
    static final int MIN_YEAR = 1000;

    /** {@code ContactFilter.MAX_YEAR}: the last year of MariaDB's DATE. */
    static final int MAX_YEAR = 9999;

    private final Jdbc jdbc;
    private final String insert;
    private final String delete;
    private final String deleteOf;

    ContactFieldRows(Jdbc jdbc) {
        this.jdbc = jdbc;
        insert = jdbc.sql("INSERT INTO {contact_field} (contact_id, field, value_key, value_text, value_number, "
                + "value_date) VALUES (?, ?, ?, ?, ?, ?)");
        delete = jdbc.sql("DELETE FROM {contact_field} WHERE contact_id = ?");
        deleteOf = jdbc.sql("DELETE FROM {contact_field} WHERE contact_id IN (%s)");
    }

    /** Writes the rows of a contact stored for the first time. */
    void insert(Connection c, Contact contact) throws SQLException {
        jdbc.insertRows(c, insert, rows(contact.id().value(), contact.customFields()));
    }

    /** Writes the rows of many contacts stored for the first time, in one batch. */
    void insertAll(Connection c, List<Contact> contacts) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        contacts.forEach(x -> rows.addAll(rows(x.id().value(), x.customFields())));
        jdbc.insertRows(c, insert, rows);
    }

    /** Rewrites the rows of a contact whose row was written over. */
    void replace(Connection c, Contact contact) throws SQLException {
        replace(c, contact.id().value(), contact.customFields());
    }

    /**
     * Rewrites the rows of many contacts from their values: their rows deleted with one statement per thousand
     * contacts, the new ones inserted at once.
     */
    void replaceAll(Connection c, List<Contact> contacts) throws SQLException {
        if (contacts.isEmpty()) {
            return;
        }
        for (int from = 0; from < contacts.size(); from += 1000) {
            List<Contact> part = contacts.subList(from, Math.min(contacts.size(), from + 1000));
            jdbc.update(c, deleteOf.replace("%s", String.join(", ", java.util.Collections.nCopies(part.size(), "?"))),
                    part.stream().map(x -> (Object) x.id().value()).toArray());
        }
        insertAll(c, contacts);
    }

    /** Rewrites the rows of a contact from its values. */
    void replace(Connection c, UUID contact, CustomFields fields) throws SQLException {
        jdbc.update(c, delete, contact);
        jdbc.insertRows(c, insert, rows(contact, fields));
    }

    /**
     * The rows of the values: keys longer than a filter's key (64 characters) left out, as no condition can name
     * them; a number outside what a number condition compares ({@code ContactFilter.comparable}) without its number,
     * a date outside the years a date condition compares without its date.
     */
    static List<Object[]> rows(UUID contact, CustomFields fields) {
        List<Object[]> out = new ArrayList<>();
        for (Map.Entry<String, FieldValue> e : fields.values().entrySet()) {
            if (e.getKey().length() > MAX_FIELD) {
                continue;
            }
            FieldValue v = e.getValue();
            String text = lower(v.asText());
            Object number = v instanceof FieldValue.Number n && fits(n.value())
                    ? n.value() : Jdbc.Null.DECIMAL;
            Object date = v instanceof FieldValue.Date d && fits(d.value()) ? d.value() : Jdbc.Null.DATE;
            out.add(new Object[] {contact, e.getKey(), key(text), text, number, date});
        }
        return out;
    }

    /** Whether the date fits every store's DATE column (MariaDB's: years 1000 to 9999). */
    static boolean fits(java.time.LocalDate d) {
        return d.getYear() >= MIN_YEAR && d.getYear() <= MAX_YEAR;
    }

    /** Whether the number fits DECIMAL(65, 30) without rounding. */
    static boolean fits(java.math.BigDecimal n) {
        java.math.BigDecimal plain = n.stripTrailingZeros();
        return Math.max(plain.scale(), 0) <= MAX_DECIMALS && plain.precision() - plain.scale() <= MAX_INTEGER_DIGITS;
    }

    /** The text as the rows keep it: lower case, {@link Locale#ROOT}, as {@code ContactFilter.FieldTextIs}. */
    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** The first {@value #KEY_LENGTH} characters of a lower-cased text, never ending in half a surrogate pair. */
    static String key(String lower) {
        if (lower.length() <= KEY_LENGTH) {
            return lower;
        }
        int end = Character.isHighSurrogate(lower.charAt(KEY_LENGTH - 1)) ? KEY_LENGTH - 1 : KEY_LENGTH;
        return lower.substring(0, end);
    }
}
