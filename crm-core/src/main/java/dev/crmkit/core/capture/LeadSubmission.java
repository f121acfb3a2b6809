package dev.crmkit.core.capture;

import dev.crmkit.core.kernel.Checks;
import dev.crmkit.core.kernel.SelfChecking;
import dev.crmkit.core.kernel.StoreLimits;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Utm;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A lead as it arrives from a channel, before normalization: the raw strings a form, an ad platform, a chat widget or
 * an import row delivered. Empty strings mean "not given". Build one with {@link #from(Channel)}.
 *
 * <p>Constraints checked at the edge (each violation names the field and the rule): the language and region patterns,
 * and every store limit ({@link #storeLimitViolations()}, {@link StoreLimits}), the same for every store;
 * {@link LeadCapture} then checks the e-mail and phone themselves and that at least one of them is given.
 *
 * @param channel          where it came from
 * @param sourceDetail     the source label as the sender wrote it, when it said more than the channel (see
 *                         {@link Channel#read(String)}); stored as the lead's {@link dev.crmkit.core.lead.LeadSource#detail()}
 * @param firstName        given name
 * @param lastName         family name
 * @param email            e-mail address as typed
 * @param phone            phone number as typed
 * @param companyName      company name as typed
 * @param request          what the person asked for
 * @param language         preferred language as a BCP 47 tag ({@code de}, {@code pt-BR}), or empty
 * @param campaign         the campaign
 * @param utm              UTM tags
 * @param referrer         who or what referred the person
 * @param externalId       the sending system's id of this submission, for idempotent capture
 * @param defaultRegion    ISO 3166 region for phone numbers without a country code; empty uses the configured one
 * @param owner            the user to own the lead, if already known
 * @param marketingConsent whether the person ticked the marketing consent box
 * @param customFields     custom field values as text, by field key
 */
public record LeadSubmission(@NotNull Channel channel,
                             @NotNull Optional<String> sourceDetail,
                             @NotNull String firstName,
                             @NotNull String lastName,
                             @NotNull String email,
                             @NotNull String phone,
                             @NotNull String companyName,
                             @NotNull String request,
                             @NotNull @Pattern(regexp = "|[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*",
                                     message = "must be a BCP 47 language tag such as de or pt-BR") String language,
                             @NotNull String campaign,
                             @NotNull Utm utm,
                             @NotNull String referrer,
                             @NotNull String externalId,
                             @NotNull @Pattern(regexp = "|[A-Za-z]{2}", message = "must be an ISO 3166 two-letter region")
                             String defaultRegion,
                             @NotNull Optional<UserId> owner,
                             boolean marketingConsent,
                             @NotNull Map<String, @NotNull String> customFields)
        implements SelfChecking, StoreLimits.Bounded {

    private static final java.util.regex.Pattern LANGUAGE =
            java.util.regex.Pattern.compile("|[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");
    private static final java.util.regex.Pattern REGION = java.util.regex.Pattern.compile("|[A-Za-z]{2}");

    /** Copies the custom field map, keeping its order. */
    public LeadSubmission {
        customFields = customFields == null ? null
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(customFields));
    }

    /** The constraints its annotations declare (presence and formats), in plain Java; lengths are store limits. */
    @Override
    public List<Violation> violations() {
        Checks c = Checks.of();
        c.notNull("channel", channel).notNull("sourceDetail", sourceDetail);
        c.notNull("firstName", firstName).notNull("lastName", lastName).notNull("email", email);
        c.notNull("phone", phone).notNull("companyName", companyName).notNull("request", request);
        c.notNull("language", language);
        if (language != null && !language.isEmpty()) { // the empty text is one the pattern allows
            c.matches("language", language, LANGUAGE, "must be a BCP 47 language tag such as de or pt-BR");
        }
        c.notNull("campaign", campaign).notNull("utm", utm).notNull("referrer", referrer);
        c.notNull("externalId", externalId);
        c.notNull("defaultRegion", defaultRegion);
        if (defaultRegion != null && !defaultRegion.isEmpty()) {
            c.matches("defaultRegion", defaultRegion, REGION, "must be an ISO 3166 two-letter region");
        }
        c.notNull("owner", owner).notNull("customFields", customFields);
        if (customFields != null && !customFields.isEmpty()) { // a field name is built only for a missing value
            customFields.forEach((key, value) -> {
                if (value == null) {
                    c.notNull("customFields." + key, null);
                }
            });
        }
        return c.violations();
    }

    /**
     * The store limits of every field ({@link StoreLimits}): lengths, no NUL character, no lone surrogate, the
     * owner's id length, and at most {@value StoreLimits#CUSTOM_FIELDS} custom values.
     */
    @Override
    public List<Violation> storeLimitViolations() {
        List<Violation> out = new ArrayList<>();
        StoreLimits.addText(out, "sourceDetail", sourceDetail == null ? null : sourceDetail.orElse(null),
                StoreLimits.SHORT_TEXT);
        StoreLimits.addText(out, "firstName", firstName, StoreLimits.SHORT_TEXT);
        StoreLimits.addText(out, "lastName", lastName, StoreLimits.SHORT_TEXT);
        StoreLimits.addText(out, "email", email, StoreLimits.RAW_EMAIL);
        StoreLimits.addText(out, "phone", phone, StoreLimits.RAW_PHONE);
        StoreLimits.addText(out, "companyName", companyName, StoreLimits.SHORT_TEXT);
        StoreLimits.addText(out, "request", request, StoreLimits.LONG_TEXT);
        StoreLimits.addText(out, "language", language, StoreLimits.LANGUAGE);
        StoreLimits.addText(out, "campaign", campaign, StoreLimits.SHORT_TEXT);
        if (utm != null) {
            StoreLimits.addText(out, "utm.source", utm.source(), StoreLimits.SHORT_TEXT);
            StoreLimits.addText(out, "utm.medium", utm.medium(), StoreLimits.SHORT_TEXT);
            StoreLimits.addText(out, "utm.campaign", utm.campaign(), StoreLimits.SHORT_TEXT);
            StoreLimits.addText(out, "utm.term", utm.term(), StoreLimits.SHORT_TEXT);
            StoreLimits.addText(out, "utm.content", utm.content(), StoreLimits.SHORT_TEXT);
        }
        StoreLimits.addText(out, "referrer", referrer, StoreLimits.REFERRER);
        StoreLimits.addText(out, "externalId", externalId, StoreLimits.EXTERNAL_ID);
        // every capture checks: a list to copy only when it holds something, none for no custom values
        List<Violation> ownerLimits = StoreLimits.user("owner", owner);
        if (!ownerLimits.isEmpty()) {
            out.addAll(ownerLimits);
        }
        if (customFields != null && !customFields.isEmpty()) {
            out.addAll(StoreLimits.customValues(customFields));
        }
        return out;
    }

    /** Starts a submission from a channel. */
    public static Builder from(Channel channel) {
        return new Builder(Objects.requireNonNull(channel, "channel"));
    }

    /**
     * Starts a submission from a source label as another system wrote it, read leniently with
     * {@link Channel#read(String)}: never refused, an unknown label becomes {@link Channel#OTHER} with the label kept
     * as the source detail.
     */
    public static Builder fromSource(String label) {
        return new Builder(Channel.IMPORT).source(label);
    }

    /** A builder with every field empty but the channel. Not thread-safe. */
    public static final class Builder {
        private Channel channel;
        private Optional<String> sourceDetail = Optional.empty();
        private String firstName = "";
        private String lastName = "";
        private String email = "";
        private String phone = "";
        private String companyName = "";
        private String request = "";
        private String language = "";
        private String campaign = "";
        private Utm utm = Utm.none();
        private String referrer = "";
        private String externalId = "";
        private String defaultRegion = "";
        private Optional<UserId> owner = Optional.empty();
        private boolean marketingConsent;
        private final Map<String, String> customFields = new LinkedHashMap<>();

        private Builder(Channel channel) {
            this.channel = channel;
        }

        private static String given(String value) {
            return value == null ? "" : value;
        }

        /**
         * The source as a label another system wrote ({@code website}, {@code facebook}, {@code trade fair 2026}),
         * read leniently with {@link Channel#read(String)}: sets the channel and the source detail, replacing the
         * channel given before. Use {@code Channel.read(label).isUnknown()} to learn whether the label was known.
         */
        public Builder source(String label) {
            dev.crmkit.core.lead.SourceLabel read = Channel.read(given(label));
            this.channel = read.channel();
            this.sourceDetail = read.detail();
            return this;
        }

        /** Given and family name. */
        public Builder name(String first, String last) {
            this.firstName = given(first);
            this.lastName = given(last);
            return this;
        }

        /** E-mail as typed. */
        public Builder email(String value) {
            this.email = given(value);
            return this;
        }

        /** Phone as typed. */
        public Builder phone(String value) {
            this.phone = given(value);
            return this;
        }

        /** Company name as typed. */
        public Builder company(String value) {
            this.companyName = given(value);
            return this;
        }

        /** What the person asked for. */
        public Builder request(String value) {
            this.request = given(value);
            return this;
        }

        /** Preferred language, a BCP 47 tag. */
        public Builder language(String value) {
            this.language = given(value);
            return this;
        }

        /** Campaign and UTM tags. */
        public Builder campaign(String name, Utm tags) {
            this.campaign = given(name);
            this.utm = Objects.requireNonNull(tags, "utm");
            return this;
        }

        /** Who or what referred the person. */
        public Builder referrer(String value) {
            this.referrer = given(value);
            return this;
        }

        /** The sending system's submission id. */
        public Builder externalId(String value) {
            this.externalId = given(value);
            return this;
        }

        /** Region for national phone numbers. */
        public Builder defaultRegion(String value) {
            this.defaultRegion = given(value);
            return this;
        }

        /** The owner, if known. */
        public Builder owner(UserId value) {
            this.owner = Optional.ofNullable(value);
            return this;
        }

        /** Whether marketing consent was given. */
        public Builder marketingConsent(boolean value) {
            this.marketingConsent = value;
            return this;
        }

        /** A custom field value as text. */
        public Builder customField(String key, String value) {
            this.customFields.put(Objects.requireNonNull(key, "key"), given(value));
            return this;
        }

        /** The submission. */
        public LeadSubmission build() {
            return new LeadSubmission(channel, sourceDetail, firstName, lastName, email, phone, companyName, request, language,
                    campaign, utm, referrer, externalId, defaultRegion, owner, marketingConsent, customFields);
        }
    }
}
