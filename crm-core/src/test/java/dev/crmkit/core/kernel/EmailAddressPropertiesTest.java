package dev.crmkit.core.kernel;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.Optional;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

/** Normalization of e-mail addresses is idempotent and {@code toString} reads back. */
class EmailAddressPropertiesTest {

    private static final Gen<String> LOCAL_SEGMENT = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 8)
            .zip(arbitrary().pick("", "+tag", "_x", "-1", "9"), (s, suffix) -> s + suffix);
    private static final Gen<String> LOCAL = LOCAL_SEGMENT.zip(LOCAL_SEGMENT, integers().between(0, 1),
            (a, b, two) -> two == 1 ? a + "." + b : a);
    private static final Gen<String> LABEL = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 10)
            .zip(arbitrary().pick("", "-shop", "24"), (s, suffix) -> s + suffix);
    private static final Gen<String> DOMAIN = LABEL.zip(LABEL, arbitrary().pick("com", "de", "co.uk", "io"),
            integers().between(0, 1), (a, b, tld, sub) -> (sub == 1 ? a + "." + b : a) + "." + tld);

    /** Well-formed addresses in normalized form. */
    private static final Gen<String> ADDRESSES = LOCAL.zip(DOMAIN, (l, d) -> l + "@" + d);

    /** The same addresses as people type them: random case, white space around, maybe a mailto: prefix. */
    private static final Gen<String> TYPED = ADDRESSES.zip(longs().all(), arbitrary().pick("", " ", "\t", "  \n"),
            arbitrary().pick("", "mailto:", "MAILTO:", "mailto: "),
            (address, caseBits, pad, prefix) -> pad + prefix + flipCase(address, caseBits) + pad);

    private static String flipCase(String s, long bits) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append((bits >>> (i % 64) & 1) == 1 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    @Test
    void normalize_isIdempotent() {
        qt().forAll(TYPED).check(raw ->
                EmailAddress.normalize(EmailAddress.normalize(raw)).equals(EmailAddress.normalize(raw)));
    }

    @Test
    void parse_ofToStringGivesEqualValue() {
        qt().forAll(TYPED).check(raw -> {
            EmailAddress e = EmailAddress.parse(raw);
            return EmailAddress.parse(e.toString()).equals(e) && new EmailAddress(e.value()).equals(e);
        });
    }

    @Test
    void parse_givesTheLowerCaseAddressWhateverTheDecoration() {
        qt().forAll(ADDRESSES, longs().all()).check((address, bits) ->
                EmailAddress.parse("  mailto:" + flipCase(address, bits) + " ").value().equals(address));
    }

    @Test
    void tryParse_agreesWithParse() {
        qt().forAll(TYPED).check(raw -> EmailAddress.tryParse(raw).equals(Optional.of(EmailAddress.parse(raw))));
    }
}
