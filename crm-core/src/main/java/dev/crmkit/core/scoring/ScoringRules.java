package dev.crmkit.core.scoring;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityOutcome;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.company.CompanySize;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.kernel.ValidationException;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The built-in {@link ScoringRule}s. Behaviour rules read the timeline: each matching activity is one hit, up to a
 * number of hits per rule, and the hit's time is the activity's occurrence (so it decays). Opens and clicks are read
 * from a campaign touch's typed tracking signal, its {@link ActivityOutcome} ({@code OPENED}, {@code CLICKED}, as
 * crm-campaigns writes them). Entries without an outcome (recorded before signals were typed, or by hosts that do not
 * set one) are recognized by a keyword in the subject, case-insensitive, as before: clicks ({@code click}, campaign
 * touches), price-list downloads ({@code price list} or {@code pricelist}, web visits), demo sign-ups ({@code demo},
 * web visits and campaign touches), e-mail opens ({@code open}, e-mails and campaign touches). A typed entry is never
 * read by its subject. Fit rules read the contact and company and fire once. Text comparisons ignore case.
 */
public final class ScoringRules {

    private ScoringRules() {
    }

    /**
     * A rule that fires once per matching activity, newest first, at most {@code maxHits} times.
     *
     * @param name    the rule's name
     * @param group   its group
     * @param points  points per matching activity, -100 to 100
     * @param maxHits how many activities count at most, at least 1
     * @param matches which activities count
     */
    public static ScoringRule activities(String name, ScoreGroup group, int points, int maxHits,
                                         Predicate<Activity> matches) {
        Objects.requireNonNull(matches, "matches");
        if (maxHits < 1) {
            throw ValidationException.of("maxHits", "positive", "a rule counts at least one activity: " + maxHits);
        }
        return rule(name, group, facts -> facts.activities().stream().filter(matches).limit(maxHits)
                .map(a -> Hit.at(points, a.occurredAt(), label(a.type()) + " '" + a.subject() + "'")).toList());
    }

    /** Site visits: web visits. */
    public static ScoringRule siteVisits(int points, int maxHits) {
        return activities("site visit", ScoreGroup.BEHAVIOUR, points, maxHits, type(ActivityType.WEB_VISIT));
    }

    /** Clicks: campaign touches with the signal {@code CLICKED}, or without one whose subject says {@code click}. */
    public static ScoringRule clicks(int points, int maxHits) {
        return activities("click", ScoreGroup.BEHAVIOUR, points, maxHits,
                outcome(ActivityOutcome.CLICKED).or(type(ActivityType.CAMPAIGN_TOUCH).and(untypedSubject("click"))));
    }

    /** Price-list downloads: web visits whose subject says {@code price list} or {@code pricelist}. */
    public static ScoringRule priceListDownload(int points) {
        return activities("price-list download", ScoreGroup.BEHAVIOUR, points, 1,
                type(ActivityType.WEB_VISIT).and(untypedSubject("price list").or(untypedSubject("pricelist"))));
    }

    /** Demo sign-ups: web visits or campaign touches whose subject says {@code demo}. */
    public static ScoringRule demoSignUp(int points) {
        return activities("demo sign-up", ScoreGroup.BEHAVIOUR, points, 1,
                type(ActivityType.WEB_VISIT).or(type(ActivityType.CAMPAIGN_TOUCH)).and(untypedSubject("demo")));
    }

    /** Chat questions: inbound chat messages. */
    public static ScoringRule chatQuestions(int points, int maxHits) {
        return activities("chat question", ScoreGroup.BEHAVIOUR, points, maxHits,
                type(ActivityType.CHAT_MESSAGE).and(a -> a.direction() == Direction.INBOUND));
    }

    /**
     * E-mail opens: campaign touches with the signal {@code OPENED}, or e-mails and campaign touches without a signal
     * whose subject says {@code open}.
     */
    public static ScoringRule emailOpens(int points, int maxHits) {
        return activities("e-mail open", ScoreGroup.BEHAVIOUR, points, maxHits, outcome(ActivityOutcome.OPENED)
                .or(type(ActivityType.EMAIL).or(type(ActivityType.CAMPAIGN_TOUCH)).and(untypedSubject("open"))));
    }

    /**
     * A campaign tracking signal: entries whose {@link ActivityOutcome} is the signal, for example
     * {@code campaignSignal("unsubscribe", ActivityOutcome.UNSUBSCRIBED, -20, 1)}. Not in the standard model.
     */
    public static ScoringRule campaignSignal(String name, ActivityOutcome signal, int points, int maxHits) {
        Objects.requireNonNull(signal, "signal");
        return activities(name, ScoreGroup.BEHAVIOUR, points, maxHits, outcome(signal));
    }

    /** Fit by the company's industry: fires when it is one of the values. */
    public static ScoringRule industry(Set<String> industries, int points) {
        Set<String> wanted = lower(industries);
        return rule("industry", ScoreGroup.FIT, facts -> facts.company()
                .filter(c -> wanted.contains(c.industry().toLowerCase(Locale.ROOT)))
                .map(c -> List.of(Hit.of(points, "industry " + c.industry()))).orElse(List.of()));
    }

    /** Fit by location: fires when an address of the contact or the company's legal address is in a country. */
    public static ScoringRule country(Set<String> isoCountries, int points) {
        Set<String> wanted = isoCountries.stream().map(c -> c.strip().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        return rule("location", ScoreGroup.FIT, facts -> Stream.concat(
                        facts.contact().stream().flatMap(c -> c.addresses().stream()),
                        facts.company().flatMap(c -> c.legalAddress()).stream())
                .map(Address::country).filter(wanted::contains).findFirst()
                .map(country -> List.of(Hit.of(points, "located in " + country))).orElse(List.of()));
    }

    /** Fit by company size: fires when the company's size band is one of the values. */
    public static ScoringRule companySize(Set<CompanySize> sizes, int points) {
        Set<CompanySize> wanted = Set.copyOf(sizes);
        return rule("company size", ScoreGroup.FIT, facts -> facts.company().filter(c -> wanted.contains(c.size()))
                .map(c -> List.of(Hit.of(points, "company size " + c.size()))).orElse(List.of()));
    }

    /** Fit by language: fires when the contact's preferred language (ISO 639, {@code de}) is one of the values. */
    public static ScoringRule language(Set<String> languages, int points) {
        Set<String> wanted = lower(languages);
        return rule("language", ScoreGroup.FIT, facts -> facts.contact().flatMap(c -> c.language())
                .map(Locale::getLanguage).filter(wanted::contains)
                .map(l -> List.of(Hit.of(points, "speaks " + l))).orElse(List.of()));
    }

    /** Campaign engagement: fires when the lead came from a campaign (its source's campaign or UTM campaign). */
    public static ScoringRule fromCampaign(int points) {
        return rule("campaign lead", ScoreGroup.CAMPAIGN, facts -> {
            String campaign = facts.lead().source().campaign().isEmpty() ? facts.lead().source().utm().campaign()
                    : facts.lead().source().campaign();
            return campaign.isEmpty() ? List.of() : List.of(Hit.of(points, "came from campaign " + campaign));
        });
    }

    /** Campaign engagement: each campaign touch, at most {@code maxHits}; these do not decay. */
    public static ScoringRule campaignTouches(int points, int maxHits) {
        return activities("campaign touch", ScoreGroup.CAMPAIGN, points, maxHits, type(ActivityType.CAMPAIGN_TOUCH));
    }

    /** Previous communications: each call, meeting or e-mail with the person, at most {@code maxHits}. */
    public static ScoringRule conversations(int points, int maxHits) {
        return activities("conversation", ScoreGroup.COMMUNICATION, points, maxHits,
                type(ActivityType.CALL).or(type(ActivityType.MEETING)).or(type(ActivityType.EMAIL)));
    }

    /** Stated need: fires when the lead's request mentions one of the keywords. */
    public static ScoringRule statedNeed(Set<String> keywords, int points) {
        Set<String> wanted = lower(keywords);
        return rule("stated need", ScoreGroup.NEED, facts -> {
            String request = facts.lead().request().toLowerCase(Locale.ROOT);
            return wanted.stream().filter(request::contains).sorted().findFirst()
                    .map(k -> List.of(Hit.of(points, "asked about " + k))).orElse(List.of());
        });
    }

    /** Stated need: fires (typically with negative points) when the lead asked for nothing. */
    public static ScoringRule noStatedNeed(int points) {
        return rule("no stated need", ScoreGroup.NEED, facts -> facts.lead().request().isBlank()
                ? List.of(Hit.of(points, "no request given")) : List.of());
    }

    /** A rule from a name, a group and a function; for embedders' own rules. */
    public static ScoringRule rule(String name, ScoreGroup group, Function<LeadFacts, List<Hit>> evaluate) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(evaluate, "evaluate");
        if (name.isBlank()) {
            throw ValidationException.of("rule.name", "required", "a scoring rule needs a name");
        }
        return new ScoringRule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ScoreGroup group() {
                return group;
            }

            @Override
            public List<Hit> evaluate(LeadFacts facts) {
                return List.copyOf(evaluate.apply(facts));
            }

            @Override
            public String toString() {
                return name + " (" + group + ")";
            }
        };
    }

    private static Predicate<Activity> type(ActivityType type) {
        return a -> a.type() == type;
    }

    private static Predicate<Activity> outcome(ActivityOutcome outcome) {
        return a -> a.outcome().filter(outcome::equals).isPresent();
    }

    /** The subject says the keyword, on an entry without a typed outcome (data from before signals were typed). */
    private static Predicate<Activity> untypedSubject(String keyword) {
        return a -> a.outcome().isEmpty() && a.subject().toLowerCase(Locale.ROOT).contains(keyword);
    }

    private static String label(ActivityType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static Set<String> lower(Set<String> values) {
        return values.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
