package dev.crmkit.kit.migration;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.activity.Visibility;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.Violation;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An activity row: a public timeline entry about its contact, company and deal (at least one), that occurred at its
 * source time and was recorded at its source creation time (default: when it occurred).
 */
final class ActivityWriter implements RecordWriter {

    @Override
    public Optional<Landing> write(Row row, Run run) {
        Optional<ActivityType> type = row.choice("type", ActivityType.class);
        String subject = row.required("subject");
        String body = row.text("body").orElse("");
        Direction direction = row.choice("direction", Direction.class).orElse(Direction.INTERNAL);
        Optional<Instant> occurred = row.instant("occurredAt");
        Optional<Instant> recorded = row.instant("createdAt");
        Set<RecordRef> about = new LinkedHashSet<>();
        row.reference("contact", SourceType.CONTACT).ifPresent(id -> about.add(new RecordRef(RecordType.CONTACT, id)));
        row.reference("company", SourceType.COMPANY).ifPresent(id -> about.add(new RecordRef(RecordType.COMPANY, id)));
        row.reference("deal", SourceType.DEAL).ifPresent(id -> about.add(new RecordRef(RecordType.DEAL, id)));
        Optional<UserId> owner = row.parsed("owner", UserId::of);
        if (occurred.isEmpty() && row.problems.stream().noneMatch(p -> p.field().equals("occurredAt"))) {
            row.required("occurredAt");
        }
        if (about.isEmpty() && row.problems.stream().noneMatch(p -> p.rule().equals("reference"))) {
            row.problems.add(new Violation("about", "required", "an activity belongs to a contact, a company or a "
                    + "deal; the row names none"));
        }
        if (!row.ok() || type.isEmpty()) {
            return Optional.empty();
        }
        Activity activity = new Activity(new ActivityId(run.ids().next()), type.get(), subject, body, direction,
                occurred.get(), List.of(), about, owner, Visibility.PUBLIC, recorded.orElse(occurred.get()));
        run.store().activities().append(activity);
        return Optional.of(Landing.created(activity.id().value()));
    }
}
