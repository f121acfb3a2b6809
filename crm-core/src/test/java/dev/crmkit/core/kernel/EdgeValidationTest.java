package dev.crmkit.core.kernel;

import dev.crmkit.core.task.NewTask;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EdgeValidationTest {

    /** Jakarta Validation with the provider of the test class path, as a host that passes its validator has it. */
    private static final EdgeValidation VALIDATION =
            EdgeValidation.using(Validation.buildDefaultValidatorFactory().getValidator());
    private static final EdgeValidation PLAIN = EdgeValidation.plain();

    record Inner(@NotBlank String city) {
    }

    record Sample(@NotBlank @Size(min = 2) String name,
                  @NotNull @Size(max = 3) String code,
                  @Valid @NotNull Inner inner,
                  @NotNull List<@Size(max = 5) String> tags,
                  @Email String email,
                  @PositiveOrZero int count,
                  @AssertTrue boolean accepted) {
    }

    record WithCustomFields(@NotNull Map<String, @NotBlank String> customFields) {
    }

    private static Sample valid() {
        return new Sample("Jane", "abc", new Inner("Berlin"), List.of("vip"), "jane@example.com", 0, true);
    }

    private static Violation only(List<Violation> violations) {
        assertEquals(1, violations.size(), violations::toString);
        return violations.get(0);
    }

    @Test
    void violationsOf_validCommandHasNone() {
        assertEquals(List.of(), VALIDATION.violationsOf(valid()));
    }

    @Test
    void violationsOf_namesRulesInKebabCase() {
        Sample bad = new Sample("Jane", null, new Inner("Berlin"), List.of(), "not an address", -1, false);

        List<Violation> v = VALIDATION.violationsOf(bad);

        assertEquals(List.of("accepted:assert-true", "code:not-null", "count:positive-or-zero", "email:email"),
                v.stream().map(x -> x.field() + ":" + x.rule()).toList());
    }

    @Test
    void violationsOf_singleWordRuleIsLowerCase() {
        Sample bad = new Sample("Jane", "abcd", new Inner("Berlin"), List.of(), null, 0, true);

        Violation v = only(VALIDATION.violationsOf(bad));

        assertEquals("code", v.field());
        assertEquals("size", v.rule());
        assertTrue(v.message().contains("3"), v.message());
    }

    @Test
    void violationsOf_namesNestedFieldPath() {
        Sample bad = new Sample("Jane", "abc", new Inner(" "), List.of(), null, 0, true);

        Violation v = only(VALIDATION.violationsOf(bad));

        assertEquals("inner.city", v.field());
        assertEquals("not-blank", v.rule());
    }

    @Test
    void violationsOf_namesListElementByIndex() {
        // Callers name list entries emails[0], phones[1] (see CustomerBase); the edge must do the same rather than
        // expose Hibernate Validator's internal node name "<list element>".
        Sample bad = new Sample("Jane", "abc", new Inner("Berlin"), List.of("ok", "far too long"), null, 0, true);

        Violation v = only(VALIDATION.violationsOf(bad));

        assertEquals("tags[1]", v.field());
        assertEquals("size", v.rule());
    }

    @Test
    void violationsOf_namesMapValueByKey() {
        Violation v = only(VALIDATION.violationsOf(new WithCustomFields(Map.of("notes", " ", "tier", "gold"))));

        assertEquals("customFields.notes", v.field());
        assertEquals("not-blank", v.rule());
    }

    @Test
    void violationsOf_sortedByFieldThenRule() {
        Sample bad = new Sample(" ", "abcd", new Inner(""), List.of(), "x", -5, false);

        List<Violation> v = VALIDATION.violationsOf(bad);

        assertEquals(List.of("accepted:assert-true", "code:size", "count:positive-or-zero", "email:email",
                        "inner.city:not-blank", "name:not-blank", "name:size"),
                v.stream().map(x -> x.field() + ":" + x.rule()).toList());
        assertEquals(v.stream().sorted(Comparator.comparing(Violation::field).thenComparing(Violation::rule))
                .toList(), v);
    }

    @Test
    void violationsOf_readsCrmkitCommands() {
        NewTask bad = new NewTask("  ", null, Optional.empty(), UserId.of("u1"), Optional.empty());

        List<Violation> v = VALIDATION.violationsOf(bad);

        assertEquals(List.of("due:not-null", "title:not-blank"),
                v.stream().map(x -> x.field() + ":" + x.rule()).toList());
    }

    @Test
    void plain_readsCrmkitCommandsLikeJakarta() {
        NewTask bad = new NewTask("  ", null, Optional.empty(), UserId.of("u1"), Optional.empty());

        assertEquals(VALIDATION.violationsOf(bad), PLAIN.violationsOf(bad));
        assertEquals(List.of("due: must not be null [not-null]", "title: must not be blank [not-blank]"),
                PLAIN.violationsOf(bad).stream().map(Violation::toString).toList());
    }

    @Test
    void plain_commandThatDoesNotCheckItself_isAProgrammingError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PLAIN.violationsOf(valid()));

        assertTrue(e.getMessage().contains("does not check itself"), e.getMessage());
    }

    @Test
    void check_throwsWithEveryViolation() {
        NewTask bad = new NewTask("", null, null, UserId.of("u1"), Optional.empty());

        ValidationException e = assertThrows(ValidationException.class, () -> PLAIN.check(bad));

        assertEquals(3, e.violations().size());
        assertEquals(List.of("due", "remindAt", "title"), e.violations().stream().map(Violation::field).toList());
    }

    @Test
    void check_passesValidCommand() {
        VALIDATION.check(NewTask.of("Call Jane", Instant.EPOCH, UserId.of("u1"), Optional.empty()));
    }

    @Test
    void using_givenValidator() {
        EdgeValidation edge = EdgeValidation.using(Validation.buildDefaultValidatorFactory().getValidator());

        assertEquals("name", only(edge.violationsOf(new Sample("J", "abc", new Inner("B"), List.of(), null, 0, true)))
                .field());
        assertThrows(NullPointerException.class, () -> EdgeValidation.using(null));
        assertThrows(NullPointerException.class, () -> edge.violationsOf(null));
    }
}
