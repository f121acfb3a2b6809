package dev.crmkit.core.capture;

import dev.crmkit.core.duplicate.DuplicateRules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How lead capture behaves. Immutable and thread-safe.
 *
 * @param defaultRegion      ISO 3166 region for phone numbers written without a country code
 * @param publicEmailDomains e-mail domains of free mail providers: their users get no company from the domain
 * @param followUpWithin     the due time of the follow-up task created for the owner of a new lead; zero turns
 *                           follow-up tasks off
 * @param duplicateRules     what happens when a new contact or a new lead looks like a stored one (rules for record
 *                           types contact and lead, per channel; exact e-mail/phone matches are always folded first);
 *                           {@link DuplicateRules#allowAll()} by default
 */
public record CaptureSettings(String defaultRegion, Set<String> publicEmailDomains, Duration followUpWithin,
                              DuplicateRules duplicateRules) {

    /** Settings that allow every fuzzy duplicate. */
    public CaptureSettings(String defaultRegion, Set<String> publicEmailDomains, Duration followUpWithin) {
        this(defaultRegion, publicEmailDomains, followUpWithin, DuplicateRules.allowAll());
    }

    /** Validates the settings. */
    public CaptureSettings {
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        if (!defaultRegion.matches("[A-Za-z]{2}")) {
            throw new IllegalArgumentException("defaultRegion must be an ISO 3166 two-letter region: " + defaultRegion);
        }
        defaultRegion = defaultRegion.toUpperCase(Locale.ROOT);
        if (!com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance().getSupportedRegions().contains(defaultRegion)) {
            throw new IllegalArgumentException("defaultRegion must be an ISO 3166 region with phone numbers"
                    + " (GB, not UK): " + defaultRegion);
        }
        publicEmailDomains = Set.copyOf(publicEmailDomains);
        Objects.requireNonNull(followUpWithin, "followUpWithin");
        if (followUpWithin.isNegative()) {
            throw new IllegalArgumentException("followUpWithin must not be negative: " + followUpWithin);
        }
        Objects.requireNonNull(duplicateRules, "duplicateRules");
    }

    /** Settings for a region: the bundled list of free mail domains and a follow-up within 24 hours. */
    public static CaptureSettings forRegion(String defaultRegion) {
        return new CaptureSettings(defaultRegion, bundledPublicEmailDomains(), Duration.ofHours(24));
    }

    /** The same settings with another follow-up time. */
    public CaptureSettings withFollowUpWithin(Duration within) {
        return new CaptureSettings(defaultRegion, publicEmailDomains, within, duplicateRules);
    }

    /** The same settings with other duplicate rules. */
    public CaptureSettings withDuplicateRules(DuplicateRules rules) {
        return new CaptureSettings(defaultRegion, publicEmailDomains, followUpWithin, rules);
    }

    /** The free mail domains bundled with crmkit (gmail.com, outlook.com, gmx.de, ...). */
    public static Set<String> bundledPublicEmailDomains() {
        try (InputStream in = CaptureSettings.class.getResourceAsStream("public-email-domains.txt")) {
            if (in == null) {
                throw new IllegalStateException("public-email-domains.txt is missing from the crm-core jar");
            }
            Set<String> out = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> out.add(l.toLowerCase(Locale.ROOT)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
