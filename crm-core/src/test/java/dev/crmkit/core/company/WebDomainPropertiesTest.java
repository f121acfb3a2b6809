package dev.crmkit.core.company;

import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.Locale;
import java.util.regex.Pattern;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

/** A web domain reads back from its value, and decorations of a URL do not change it. */
class WebDomainPropertiesTest {

    private static final Gen<String> PLAIN_LABEL = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 12)
            .zip(arbitrary().pick("", "-x", "24", "-media"), (s, suffix) -> s + suffix);

    /** Labels as domains have them, "www" among them as a host name of its own. */
    private static final Gen<String> LABEL =
            PLAIN_LABEL.mix(arbitrary().pick("www", "www2", "shop", "xn--bcher-kva"), 25);

    private static final Gen<String> TLD = arbitrary().pick("com", "de", "io", "co.uk", "xn--p1ai");

    /** Domain-shaped text of one to three labels and a top-level domain; properties keep what the constructor takes. */
    private static final Gen<String> CANDIDATES = LABEL.zip(LABEL, integers().between(1, 3), TLD,
            (a, b, labels, tld) -> switch (labels) {
                case 1 -> a + "." + tld;
                case 2 -> a + "." + b + "." + tld;
                default -> a + "." + b + "." + a + "." + tld;
            });

    /** Domains whose first label is not "www", for the decoration property. */
    private static final Gen<WebDomain> HOSTS = PLAIN_LABEL.map(l -> l.equals("www") ? "w" : l)
            .zip(LABEL, integers().between(1, 2), TLD,
                    (a, b, labels, tld) -> new WebDomain(labels == 1 ? a + "." + tld : a + "." + b + "." + tld));

    private static final Gen<String> UNICODE_LABEL = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 8)
            .zip(arbitrary().pick("ä", "ö", "ü", "é", "ñ", "ø", "ç", ""), integers().between(0, 8),
                    (s, accent, at) -> s.substring(0, Math.min(at, s.length())) + accent
                            + s.substring(Math.min(at, s.length())));

    @Test
    void parse_ofValueGivesEqualDomain() {
        qt().forAll(CANDIDATES)
                .assuming(WebDomainPropertiesTest::isWebDomain)
                .check(value -> WebDomain.parse(new WebDomain(value).value()).equals(new WebDomain(value)));
    }

    @Test
    void parse_ignoresSchemeWwwCasePortPathAndTrailingDot() {
        qt().forAll(HOSTS, arbitrary().pick("", "http://", "https://", "HTTPS://"),
                        arbitrary().pick("", "www.", "WWW."),
                        arbitrary().pick("", "/", ".", ":8443", "/about?x=1", "#top", "./index.html"))
                .check((d, scheme, www, tail) ->
                        WebDomain.parse(scheme + www + d.value().toUpperCase(Locale.ROOT) + tail).equals(d));
    }

    @Test
    void parse_isIdempotentForInternationalizedNames() {
        qt().forAll(UNICODE_LABEL, UNICODE_LABEL, TLD)
                .assuming((a, b, tld) -> parses(a + "." + b + "." + tld))
                .check((a, b, tld) -> {
                    WebDomain d = WebDomain.parse(a + "." + b + "." + tld);
                    return WebDomain.parse(d.value()).equals(d) && d.value().chars().allMatch(c -> c < 128);
                });
    }

    /** The domain shape the constructor checked with a regular expression before it scanned (issue 17). */
    private static final Pattern SHAPE =
            Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

    /** Text near the domain shape: short runs of letters, digits, hyphens, dots and a few signs outside it. */
    private static final Gen<String> NEAR_DOMAINS = strings().betweenCodePoints('a', 'z').ofLengthBetween(0, 4)
            .zip(arbitrary().pick("", ".", "-", "..", ".-", "-.", "0", "9", "_", "A", "ä", "@", "/"),
                    integers().between(1, 4), integers().between(0, 66),
                    (run, sign, repeat, pad) -> {
                        String label = run.isEmpty() ? "" : run + "x".repeat(pad);
                        return (label + sign).repeat(repeat) + (repeat % 2 == 0 ? "de" : "");
                    });

    @Test
    void constructor_acceptsExactlyTheShapeOfTheRegularExpression() {
        qt().withFixedSeed(20261207L).withExamples(20_000).forAll(NEAR_DOMAINS)
                .check(value -> isWebDomain(value) == (value.length() <= 253 && SHAPE.matcher(value).matches()
                        && !(value.startsWith("www.") && value.indexOf('.', 4) > 0)));
    }

    @Test
    void of_emailGivesWhatParseGivesForItsDomain() {
        qt().withFixedSeed(20261207L).withExamples(5_000)
                .forAll(arbitrary().pick("", "www.", "WWW.", "www.www.", "www2."), CANDIDATES.mix(UNICODE_LABEL
                        .zip(TLD, (label, tld) -> label + "." + tld), 30), arbitrary().pick("jane", "j.doe+x"))
                .assuming((www, domain, local) -> EmailAddress.tryParse(local + "@" + www + domain).isPresent())
                .check((www, domain, local) -> {
                    EmailAddress email = EmailAddress.tryParse(local + "@" + www + domain).orElseThrow();
                    return WebDomain.of(email).equals(WebDomain.parse(email.domain()));
                });
    }

    private static boolean isWebDomain(String value) {
        try {
            new WebDomain(value);
            return true;
        } catch (ValidationException e) {
            return false;
        }
    }

    private static boolean parses(String raw) {
        try {
            WebDomain.parse(raw);
            return true;
        } catch (ValidationException e) {
            return false;
        }
    }
}
