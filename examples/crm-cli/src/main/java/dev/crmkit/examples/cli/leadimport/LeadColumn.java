package dev.crmkit.examples.cli.leadimport;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The columns of a lead import file that crmkit reads itself; any other column may be a lead custom field. */
public enum LeadColumn {
    /** Given name. */
    FIRST_NAME,
    /** Family name. */
    LAST_NAME,
    /** E-mail address as typed. */
    EMAIL,
    /** Phone number as typed, national or international. */
    PHONE,
    /** Company name. */
    COMPANY,
    /** The channel, read by {@link dev.crmkit.core.lead.Channel#parse}; empty means a file import. */
    SOURCE,
    /** The sending system's id of the submission, for idempotent re-imports. */
    EXTERNAL_ID,
    /** The user to own the lead. */
    OWNER,
    /** What the person asked for. */
    REQUEST,
    /** The campaign. */
    CAMPAIGN,
    /** Preferred language, a BCP 47 tag. */
    LANGUAGE,
    /** When the lead was submitted (ISO 8601); the capture is recorded at that time. */
    SUBMITTED_AT;

    /** The column name as written in a header: {@code first_name}. */
    public String columnName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every column name, in declaration order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(LeadColumn::columnName).toList();
    }

    /** The known column a header name denotes, after {@link #normalize normalizing} it. */
    public static Optional<LeadColumn> forHeader(String header) {
        String key = normalize(header);
        for (LeadColumn c : values()) {
            if (c.columnName().equals(key)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** A header name as a key: trimmed, lower case, runs of spaces and hyphens as one {@code _}. */
    public static String normalize(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }
}
