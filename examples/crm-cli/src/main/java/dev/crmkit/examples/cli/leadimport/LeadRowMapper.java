package dev.crmkit.examples.cli.leadimport;

import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Utm;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns an import record into a {@link LeadSubmission}: the one mapping from a CSV row to a submission. Values are
 * passed on as typed (lead capture normalizes e-mails, phones and names itself); only what capture cannot read is
 * checked here: the {@code submitted_at} time. The {@code source} is read leniently, so no row is lost over a label. Immutable and thread-safe.
 */
public final class LeadRowMapper {

    private final LeadColumns columns;
    private final ZoneId zone;

    /**
     * A mapper for a file with these columns.
     *
     * @param zone the zone of {@code submitted_at} values written without an offset
     */
    public LeadRowMapper(LeadColumns columns, ZoneId zone) {
        this.columns = Objects.requireNonNull(columns, "columns");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Reads one record. */
    public MappedRow map(CsvRecord record) {
        List<Violation> problems = new ArrayList<>();
        if (record.cells().size() > columns.header().size()) {
            problems.add(new Violation("line", "column-count", "the row has " + record.cells().size()
                    + " values but the header names " + columns.header().size() + " columns"));
        }
        Optional<Instant> submittedAt = submittedAt(value(record, LeadColumn.SUBMITTED_AT), problems);
        String owner = value(record, LeadColumn.OWNER).strip();
        String label = value(record, LeadColumn.SOURCE);
        boolean unknownSource = !label.isBlank() && Channel.read(label).isUnknown();
        LeadSubmission.Builder submission = source(label)
                .name(value(record, LeadColumn.FIRST_NAME), value(record, LeadColumn.LAST_NAME))
                .email(value(record, LeadColumn.EMAIL))
                .phone(value(record, LeadColumn.PHONE))
                .company(value(record, LeadColumn.COMPANY))
                .request(value(record, LeadColumn.REQUEST))
                .language(value(record, LeadColumn.LANGUAGE).strip())
                .campaign(value(record, LeadColumn.CAMPAIGN), Utm.none())
                .externalId(value(record, LeadColumn.EXTERNAL_ID))
                .owner(owner.isEmpty() ? null : UserId.of(owner));
        columns.customFields(record).forEach(submission::customField);
        return new MappedRow(record, submission.build(), submittedAt, problems, unknownSource);
    }

    private String value(CsvRecord record, LeadColumn column) {
        return columns.value(record, column);
    }

    /**
     * No source is an import; any other label is read leniently ({@link Channel#read(String)}): a label crmkit does
     * not know becomes channel {@code other} with the label kept as the source detail, never a rejected row.
     */
    private static LeadSubmission.Builder source(String label) {
        return label.isBlank() ? LeadSubmission.from(Channel.IMPORT) : LeadSubmission.fromSource(label);
    }

    private Optional<Instant> submittedAt(String text, List<Violation> problems) {
        String s = text.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return Optional.of(LocalDateTime.parse(s).atZone(zone).toInstant());
            } catch (DateTimeParseException e) {
                problems.add(new Violation(LeadColumn.SUBMITTED_AT.columnName(), "format", "'" + s
                        + "' is not an ISO 8601 time such as 2026-11-22T07:42:00+01:00 or 2026-11-22T07:42"));
                return Optional.empty();
            }
        }
    }
}
