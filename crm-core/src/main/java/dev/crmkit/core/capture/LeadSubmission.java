package dev.crmkit.core.capture;

import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Utm;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A lead as it arrives from a channel, before normalization: the raw strings a form, an ad platform, a chat widget or
 * an import row delivered. Empty strings mean "not given". Build one with {@link #from(Channel)}.
 *
 * <p>Constraints checked at the edge (each violation names the field): sizes below; {@link LeadCapture} then checks
 * the e-mail and phone themselves and that at least one of them is given.
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
                             @NotNull Optional<@Size(max = 200) String> sourceDetail,
                             @NotNull @Size(max = 200) String firstName,
                             @NotNull @Size(max = 200) String lastName,
                             @NotNull @Size(max = 320) String email,
                             @NotNull @Size(max = 50) String phone,
                             @NotNull @Size(max = 200) String companyName,
                             @NotNull @Size(max = 10_000) String request,
                             @NotNull @Size(max = 35) @Pattern(regexp = "|[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*",
                                     message = "must be a BCP 47 language tag such as de or pt-BR") String language,
                             @NotNull @Size(max = 200) String campaign,
                             @NotNull Utm utm,
                             @NotNull @Size(max = 500) String referrer,
                             @NotNull @Size(max = 200) String externalId,
                             @NotNull @Pattern(regexp = "|[A-Za-z]{2}", message = "must be an ISO 3166 two-letter region")
                             String defaultRegion,
                             @NotNull Optional<UserId> owner,
                             boolean marketingConsent,
                             @NotNull @Size(max = 100) Map<String, @NotNull @Size(max = 10_000) String> customFields) {

    /** Copies the custom field map, keeping its order. */
    public LeadSubmission {
        customFields = customFields == null ? null
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(customFields));
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
