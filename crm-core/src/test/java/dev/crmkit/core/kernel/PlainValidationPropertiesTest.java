package dev.crmkit.core.kernel;

import dev.crmkit.core.activity.ActivityOutcome;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.activity.LogActivity;
import dev.crmkit.core.activity.Visibility;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.company.CompanySize;
import dev.crmkit.core.customer.NewCompany;
import dev.crmkit.core.customer.NewContact;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Utm;
import dev.crmkit.core.task.NewTask;
import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * crmkit's plain-Java checks report exactly what a Jakarta validator reports for the same command (fields, rules and
 * messages), for every command type, on generated commands full of nulls, blanks and values around each size limit.
 */
class PlainValidationPropertiesTest {

    private static final EdgeValidation JAKARTA =
            EdgeValidation.using(Validation.buildDefaultValidatorFactory().getValidator());
    private static final EdgeValidation PLAIN = EdgeValidation.plain();

    /** Null, empty, blank, or text of a length near one of the limits (20 ... 100,000). */
    private static Gen<String> text() {
        int[] lengths = {0, 1, 20, 21, 35, 36, 50, 51, 100, 101, 200, 201, 300, 301, 320, 321, 500, 501, 10_000, 10_001,
                100_000, 100_001};
        return integers().between(0, lengths.length + 2).map(i -> {
            if (i == lengths.length) {
                return null;
            }
            if (i == lengths.length + 1) {
                return " \t ";
            }
            if (i == lengths.length + 2) {
                return "Jane";
            }
            return "x".repeat(lengths[i]);
        });
    }

    /** {@code n} texts at once (QuickTheories takes at most four generators). */
    private static Gen<List<String>> texts(int n) {
        return lists().of(text()).ofSize(n);
    }

    private static <T> Gen<List<T>> listOf(Gen<T> element) {
        return integers().between(-1, 22).zip(element, element, (n, a, b) -> {
            if (n < 0) {
                return null;
            }
            List<T> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(i % 2 == 0 ? a : b);
            }
            return out;
        });
    }

    private static Gen<Map<String, String>> mapOf(Gen<String> value) {
        return integers().between(-1, 3).zip(value, (n, v) -> {
            if (n < 0) {
                return null;
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                out.put("k" + i, i == 1 ? "ok" : v);
            }
            return out;
        });
    }

    private static <T> Gen<T> orNull(Gen<T> gen) {
        return integers().between(0, 4).zip(gen, (i, v) -> i == 0 ? null : v);
    }

    private static <T> Gen<Optional<T>> optional(T value) {
        return integers().between(0, 2).map(i -> i == 0 ? null : i == 1 ? Optional.empty() : Optional.of(value));
    }

    private static void same(Object command) {
        assertEquals(JAKARTA.violationsOf(command), PLAIN.violationsOf(command), command::toString);
    }

    @Test
    void newContact_plainChecksEqualJakarta() {
        qt().withFixedSeed(31L).withExamples(1_500)
                .forAll(texts(3), listOf(text()), listOf(text()), mapOf(orNull(text())))
                .checkAssert((t, emails, phones, fields) ->
                        same(new NewContact(t.get(0), t.get(1), emails, phones, t.get(2), Optional.empty(), fields)));
    }

    @Test
    void newCompany_plainChecksEqualJakarta() {
        qt().withFixedSeed(32L).withExamples(1_500)
                .forAll(texts(6), mapOf(orNull(text())))
                .checkAssert((t, fields) -> same(new NewCompany(t.get(0), t.get(1), t.get(2), t.get(3),
                        Optional.empty(), t.get(4), t.get(5), fields == null ? null : CompanySize.UNKNOWN, fields)));
    }

    @Test
    void logActivity_plainChecksEqualJakarta() {
        RecordRef about = new RecordRef(RecordType.CONTACT, new UUID(0, 1));
        qt().withFixedSeed(33L).withExamples(1_500)
                .forAll(texts(2), listOf(text()), integers().between(-1, 2), optional(Instant.EPOCH))
                .checkAssert((t, participants, aboutSize, at) -> {
                    String subject = t.get(0);
                    String body = t.get(1);
                    Set<RecordRef> refs = aboutSize < 0 ? null : new HashSet<>();
                    if (aboutSize > 0) {
                        refs.add(about);
                    }
                    same(new LogActivity(aboutSize == 2 ? null : ActivityType.NOTE, subject, body, Direction.INTERNAL,
                            at, participants, refs, Optional.empty(), Visibility.PUBLIC));
                });
    }

    @Test
    void logActivity_outcomeAndDuration_plainChecksEqualJakarta() {
        RecordRef about = new RecordRef(RecordType.CONTACT, new UUID(0, 1));
        Gen<ActivityType> types = integers().between(0, 2).map(i -> i == 0 ? null
                : i == 1 ? ActivityType.CALL : ActivityType.NOTE);
        Gen<Optional<Duration>> durations = integers().between(0, 4).map(i -> i == 0 ? null : i == 1
                ? Optional.<Duration>empty() : Optional.of(new Duration[] {Duration.ZERO, Duration.ofDays(2),
                Duration.ofSeconds(-1)}[i - 2]));
        qt().withFixedSeed(39L).withExamples(500)
                .forAll(types, optional(ActivityOutcome.ANSWERED), optional(ActivityOutcome.HELD), durations)
                .checkAssert((type, answered, held, duration) -> {
                    Optional<ActivityOutcome> outcome = answered != null && answered.isPresent() ? answered : held;
                    same(new LogActivity(type, "Call", "", Direction.OUTBOUND, Optional.empty(), List.of(),
                            Set.of(about), Optional.empty(), Visibility.PUBLIC, outcome, duration));
                });
    }

    @Test
    void leadSubmission_plainChecksEqualJakarta() {
        Gen<String> language = integers().between(0, 4).map(i -> new String[] {"", "de", "pt-BR", "not a tag!", null}[i]);
        qt().withFixedSeed(35L).withExamples(1_500)
                .forAll(texts(9), language, orNull(integers().between(0, 2).map(i -> new String[] {"", "DE", "D1"}[i])),
                        mapOf(orNull(text())))
                .checkAssert((t, lang, region, fields) -> same(new LeadSubmission(
                        t.get(8) == null ? null : Channel.WEB_FORM, Optional.empty(), t.get(0), t.get(1), t.get(2), t.get(3), t.get(4),
                        t.get(5), lang, t.get(6), Utm.none(), t.get(7), t.get(8), region, Optional.empty(), false,
                        fields)));
    }

    @Test
    void newTask_plainChecksEqualJakarta() {
        qt().withFixedSeed(34L).withExamples(1_500)
                .forAll(text(), orNull(integers().between(0, 1).map(i -> Instant.EPOCH)), optional(Instant.EPOCH),
                        optional(new RecordRef(RecordType.LEAD, new UUID(0, 2))))
                .checkAssert((title, due, remind, related) ->
                        same(new NewTask(title, due, remind, UserId.of("anna"), related)));
    }
}
