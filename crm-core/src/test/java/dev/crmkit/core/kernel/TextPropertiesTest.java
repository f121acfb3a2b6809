package dev.crmkit.core.kernel;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

/** {@link Text#clean} is idempotent and leaves no white space to fold. */
class TextPropertiesTest {

    /** Any text of the basic multilingual plane with its control characters taken out. */
    private static final Gen<String> ARBITRARY = strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 240)
            .map(TextPropertiesTest::withoutControlCharacters).describedAs(HostileText::escaped);

    /** Text made mostly of white space of every kind, to exercise trimming and folding. */
    private static final Gen<String> SPACEY = HostileText.fromAlphabet(" \t\n\r\u00A0\u2003\u3000\u2028abcXYZé-'.", 40)
            .describedAs(HostileText::escaped);

    private static String withoutControlCharacters(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.chars().filter(c -> !Character.isISOControl(c)).forEach(c -> out.append((char) c));
        return out.toString();
    }

    private static String cleanOrNull(String raw) {
        try {
            return Text.clean(raw, "text");
        } catch (ValidationException e) {
            return null;
        }
    }

    @Test
    void clean_isIdempotent() {
        qt().forAll(ARBITRARY.mix(SPACEY, 50))
                .assuming(raw -> cleanOrNull(raw) != null)
                .check(raw -> Text.clean(Text.clean(raw, "text"), "text").equals(Text.clean(raw, "text")));
    }

    @Test
    void clean_leavesNoWhiteSpaceAtTheEdgesAndNoRunOfIt() {
        qt().forAll(SPACEY)
                .assuming(raw -> cleanOrNull(raw) != null)
                .check(raw -> {
                    String clean = Text.clean(raw, "text");
                    for (int i = 0; i < clean.length(); i++) {
                        boolean white = Character.isWhitespace(clean.charAt(i));
                        boolean edge = i == 0 || i == clean.length() - 1;
                        if (white && (edge || Character.isWhitespace(clean.charAt(i + 1)))) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    @Test
    void clean_neverReturnsMoreThanMaxLength() {
        qt().forAll(ARBITRARY).assuming(raw -> cleanOrNull(raw) != null)
                .check(raw -> Text.clean(raw, "text").length() <= Text.MAX_SHORT_LENGTH);
    }
}
