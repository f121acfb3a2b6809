package dev.crmkit.core.kernel;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

/**
 * The hand-written scanners of {@link Text#clean} and of {@link EmailAddress}'s shape give exactly what the regular
 * expressions they replaced gave (kept here as the reference), on thousands of hostile and Unicode strings.
 */
class ScannersMatchRegexTest {

    private static final Pattern OLD_WHITE_SPACE = Pattern.compile("(?U)\\s+");
    private static final Pattern OLD_SHAPE = Pattern.compile(
            "[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

    /** Text near e-mail addresses: mostly letters (so labels reach 63 and local parts 64), dots, hyphens, '@'. */
    private static final Gen<String> EMAILISH = HostileText.fromAlphabet(
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa0..--@@+_!~'AZ é\u0130\u212A xn", 160)
            .mix(HostileText.upTo(40), 20)
            .mix(lengths(), 30);

    /** An address with a local part and two labels of lengths around the limits (0, 1, 62..65). */
    private static Gen<String> lengths() {
        int[] n = {0, 1, 2, 62, 63, 64, 65};
        Gen<Integer> pick = org.quicktheories.generators.SourceDSL.integers().between(0, n.length - 1);
        return pick.zip(pick, pick, org.quicktheories.generators.SourceDSL.arbitrary().pick("", "-", ".", "9"),
                (l, a, b, sign) -> "x".repeat(n[l]) + "@" + sign + "y".repeat(n[a]) + sign + ".z" + "z".repeat(n[b]));
    }

    /** {@link Text#clean} as it was, with the regular expression. */
    private static String oldClean(String raw, String field) {
        Objects.requireNonNull(raw, field);
        String folded = OLD_WHITE_SPACE.matcher(raw).replaceAll(" ").strip();
        if (folded.length() > Text.MAX_SHORT_LENGTH) {
            throw ValidationException.of(field, "max-length", field + " is at most " + Text.MAX_SHORT_LENGTH
                    + " characters, got " + folded.length());
        }
        if (folded.chars().anyMatch(Character::isISOControl)) {
            throw ValidationException.of(field, "no-control-characters",
                    field + " must not contain control characters");
        }
        return folded;
    }

    /** {@code EmailAddress}'s check as it was; null for a good address. */
    private static String oldProblem(String normalized) {
        if (normalized.isEmpty()) {
            return "an e-mail address is required";
        }
        if (normalized.length() > EmailAddress.MAX_LENGTH) {
            return "an e-mail address is at most " + EmailAddress.MAX_LENGTH + " characters long";
        }
        if (!OLD_SHAPE.matcher(normalized).matches() || normalized.contains("..") || normalized.startsWith(".")
                || normalized.contains(".@")) {
            return "'" + Text.excerpt(normalized) + "' is not an e-mail address";
        }
        return null;
    }

    /** What a call gave: its value, or the violations it threw. */
    private static Object outcome(java.util.function.Supplier<Object> call) {
        try {
            return call.get();
        } catch (ValidationException e) {
            return e.violations();
        }
    }

    @Test
    void clean_isTheRegularExpressionsFold() {
        qt().withFixedSeed(17L).withExamples(20_000)
                .forAll(HostileText.upTo(60).mix(HostileText.upTo(260), 10).describedAs(HostileText::escaped))
                .check(raw -> outcome(() -> Text.clean(raw, "firstName"))
                        .equals(outcome(() -> oldClean(raw, "firstName"))));
    }

    @Test
    void emailShape_isTheRegularExpression() {
        qt().withFixedSeed(17L).withExamples(20_000).forAll(EMAILISH.describedAs(HostileText::escaped))
                .check(raw -> {
                    String normalized = EmailAddress.normalize(raw);
                    String old = oldProblem(normalized);
                    Object now = outcome(() -> new EmailAddress(normalized));
                    Object was = old == null ? new EmailAddress(normalized)
                            : List.of(new Violation("email", "format", old));
                    return now.equals(was) && EmailAddress.tryParse(raw)
                            .equals(raw.isBlank() || old != null ? Optional.empty() : Optional.of(was));
                });
    }

    @Test
    void emailShape_limitsAndSigns() {
        String label63 = "d".repeat(63);
        for (String address : List.of("a@b.co", "a@b", "a@-b.co", "a@b-.co", "a@b.c-o", "a@b..co", "a@.b.co",
                "a@b.co.", "@b.co", "a@@b.co", "a.b@c.de", "a+tag@c.de", "a@" + label63 + ".de",
                "a@" + label63 + "d.de", "x".repeat(64) + "@b.co", "x".repeat(65) + "@b.co", "a@b.c0", "a@1.2",
                "!#$%&'*+/=?^_`{|}~.-@b.co", "a\"@b.co", "a@b_c.de", "a@b.de ", "ä@b.de")) {
            assertEquals(oldProblem(address) == null, outcome(() -> new EmailAddress(address)) instanceof EmailAddress,
                    address);
        }
        assertEquals("a@xn--mller-kva.de", EmailAddress.normalize(" MAILTO:A@Müller.DE ").toLowerCase(Locale.ROOT));
    }
}
