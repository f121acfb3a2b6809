package dev.crmkit.examples.cli.bench;

import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Utm;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates realistic lead submissions from a seed: German-speaking names, free-mail and company e-mail addresses,
 * German mobile numbers written nationally or internationally, channels, owners, requests and custom values. A share
 * of the submissions repeat an earlier person spelled differently (upper-case or padded e-mail, the phone in the other
 * format, or only the phone, or another e-mail with the same phone), and a small share are bad (a malformed e-mail
 * and no phone).
 *
 * <p>A person is derived from the seed and its number alone, so the generator keeps no list of people: the same seed
 * gives the same submissions, and generating them retains no memory. Not thread-safe.
 */
public final class SubmissionGenerator {

    private static final String[] FIRST = {"Anna", "Ben", "Clara", "David", "Elena", "Felix", "Greta", "Hannah",
        "Jonas", "Julia", "Katharina", "Lukas", "Lena", "Leon", "Marie", "Maximilian", "Mia", "Noah", "Paul", "Sophie",
        "Tim", "Laura", "Jan", "Sarah", "Niklas", "Lea", "Tobias", "Johanna", "Moritz", "Emilia", "Jürgen", "Björn",
        "Sören", "Zoë", "Mehmet", "Ayşe", "Fatima", "Ahmed", "Olga", "Piotr", "Claire", "Luca", "Sofia", "Matteo",
        "Nina", "Oliver", "Emma", "Stefan", "Sabine", "Thomas"};
    private static final String[] LAST = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
        "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder",
        "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner",
        "Krause", "Meier", "Lehmann", "Yılmaz", "Kaya", "Nowak", "Kowalski", "Rossi", "Dubois", "van der Berg",
        "O'Brien", "Weiß", "Groß", "Jäger", "Vogel", "Keller", "Brandt", "Engel", "Haas", "Roth", "Frank",
        "Peters", "Graf"};
    private static final String[] FREE_MAIL = {"gmail.com", "gmx.de", "web.de", "outlook.com", "yahoo.com",
        "t-online.de", "gmx.net", "icloud.com"};
    private static final String[] TOWN = {"nord", "sued", "rhein", "alpen", "elb", "main", "spree", "isar",
        "hanse", "weser", "ruhr", "harz", "mosel", "donau", "boden", "eifel"};
    private static final String[] TRADE = {"logistik", "bau", "tech", "software", "medien", "solar", "hotels",
        "kanzlei", "consulting", "druck", "moebel", "maschinenbau", "pflege", "immobilien", "handel", "energie"};
    private static final String[] MOBILE = {"151", "152", "157", "160", "162", "170", "171", "172", "175", "176",
        "177", "178", "179"};
    private static final Channel[] CHANNELS = {Channel.WEB_FORM, Channel.WEB_FORM, Channel.WEB_FORM,
        Channel.LANDING_PAGE, Channel.LANDING_PAGE, Channel.ADS, Channel.ADS, Channel.EMAIL, Channel.CHAT,
        Channel.CALL, Channel.REFERRAL, Channel.SOCIAL_CAMPAIGN};
    private static final String[] REQUESTS = {"Pricing please", "Demo request", "Call me back", "Quote for 10 seats",
        "Does it sync with Outlook?", "Trial access", "Migration from spreadsheets", ""};
    private static final String[] PRODUCTS = {"crm-starter", "crm-pro", "crm-enterprise"};
    private static final String[] CAMPAIGNS = {"black-friday-2026", "google-ads-crm", "webinar-nov", "linkedin-q4"};
    private static final String[] FIRST_ASCII = ascii(FIRST);
    private static final String[] LAST_ASCII = ascii(LAST);
    private static final UserId[] OWNERS = new UserId[25];

    static {
        for (int i = 0; i < OWNERS.length; i++) {
            OWNERS[i] = UserId.of(String.format(Locale.ROOT, "rep%02d", i + 1));
        }
    }

    private final long seed;
    private final double duplicateShare;
    private final double invalidShare;
    private final SplittableRandom random;
    private int people;
    private long generated;

    /**
     * A generator.
     *
     * @param duplicateShare the share of submissions that repeat an earlier person, 0 to 1 (exclusive)
     * @param invalidShare   the share of bad submissions, 0 to 1
     */
    public SubmissionGenerator(long seed, double duplicateShare, double invalidShare) {
        if (duplicateShare < 0 || duplicateShare >= 1 || invalidShare < 0 || invalidShare + duplicateShare >= 1) {
            throw new IllegalArgumentException("shares must be at least 0 and add up to less than 1: duplicates "
                    + duplicateShare + ", invalid " + invalidShare);
        }
        this.seed = seed;
        this.duplicateShare = duplicateShare;
        this.invalidShare = invalidShare;
        this.random = new SplittableRandom(seed);
    }

    /** The next submission. */
    public LeadSubmission next() {
        generated++;
        double roll = random.nextDouble();
        if (people > 0 && roll < duplicateShare) {
            return repeat(person(random.nextInt(people)));
        }
        if (roll < duplicateShare + invalidShare) {
            return invalid();
        }
        return first(person(people++));
    }

    /** How many distinct people the submissions so far came from. */
    public int people() {
        return people;
    }

    /** How many submissions were generated. */
    public long generated() {
        return generated;
    }

    private Person person(int index) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        int first = r.nextInt(FIRST.length);
        int last = r.nextInt(LAST.length);
        boolean business = r.nextInt(100) < 35;
        String company = business ? pick(r, TOWN) + "-" + pick(r, TRADE) : "";
        String domain = business ? company + ".de" : pick(r, FREE_MAIL);
        String local = switch (r.nextInt(3)) {
            case 0 -> FIRST_ASCII[first] + "." + LAST_ASCII[last];
            case 1 -> FIRST_ASCII[first].charAt(0) + "." + LAST_ASCII[last];
            default -> FIRST_ASCII[first] + LAST_ASCII[last];
        };
        // a bijection of the person's number onto 8 digits keeps every phone number unique
        String subscriber = Long.toString(100_000_000L + Math.floorMod(index * 0x5DEECE66DL + 12_345L,
                100_000_000L)).substring(1);
        int reach = r.nextInt(100);
        return new Person(FIRST[first], LAST[last], local + index + "@" + domain, pick(r, MOBILE), subscriber,
                reach < 90, reach >= 20, business ? companyName(company) : "",
                r.nextInt(100) < 60 ? pick(r, OWNERS) : null);
    }

    private LeadSubmission first(Person p) {
        Channel channel = p.hasEmail() ? CHANNELS[random.nextInt(CHANNELS.length)] : Channel.CALL;
        LeadSubmission.Builder s = LeadSubmission.from(channel)
                .name(p.first(), p.last())
                .email(p.hasEmail() ? p.email() : "")
                .phone(p.hasPhone() ? p.phone(random.nextBoolean()) : "")
                .company(random.nextBoolean() ? p.company() : "")
                .request(pick(random, REQUESTS))
                .owner(p.owner());
        if (channel == Channel.ADS || channel == Channel.LANDING_PAGE) {
            s.campaign(pick(random, CAMPAIGNS), Utm.none());
        }
        if (random.nextInt(100) < 30) {
            s.customField("product", pick(random, PRODUCTS));
        }
        if (random.nextInt(100) < 15) {
            s.customField("budget", "EUR " + (1 + random.nextInt(60)) * 500 + ".00");
        }
        return s.build();
    }

    private LeadSubmission repeat(Person p) {
        LeadSubmission.Builder s = LeadSubmission.from(CHANNELS[random.nextInt(CHANNELS.length)])
                .name(p.first(), p.last())
                .request(pick(random, REQUESTS))
                .owner(p.owner());
        int variant = random.nextInt(100);
        if (p.hasEmail() && (variant < 60 || !p.hasPhone())) {
            s.email(variant < 30 ? "  " + p.email().toUpperCase(Locale.ROOT) + " " : capitalized(p.email()));
            if (p.hasPhone() && random.nextBoolean()) {
                s.phone(p.phone(random.nextBoolean()));
            }
        } else if (variant < 85 || !p.hasEmail()) {
            s.phone(p.phone(random.nextBoolean())).email("");
        } else {
            s.email(p.email().replace("@", ".private@").replaceFirst("@.*", "@" + pick(random, FREE_MAIL)))
                    .phone(p.phone(random.nextBoolean()));
        }
        return s.build();
    }

    private LeadSubmission invalid() {
        int first = random.nextInt(FIRST.length);
        int last = random.nextInt(LAST.length);
        String email = random.nextBoolean() ? FIRST_ASCII[first] + "." + LAST_ASCII[last] + "@"
                : FIRST_ASCII[first] + " " + LAST_ASCII[last] + " at gmx.de";
        return LeadSubmission.from(CHANNELS[random.nextInt(CHANNELS.length)]).name(FIRST[first], LAST[last])
                .email(email).build();
    }

    private static String companyName(String company) {
        String[] parts = company.split("-");
        return Character.toUpperCase(parts[0].charAt(0)) + parts[0].substring(1) + " "
                + Character.toUpperCase(parts[1].charAt(0)) + parts[1].substring(1) + " GmbH";
    }

    private static String capitalized(String email) {
        return Character.toUpperCase(email.charAt(0)) + email.substring(1);
    }

    private static String[] ascii(String[] names) {
        String[] out = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = names[i].toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                    .replace("ß", "ss").replace("ë", "e").replace("ş", "s").replace("ı", "i")
                    .replaceAll("[^a-z]", "");
        }
        return out;
    }

    private static <T> T pick(SplittableRandom r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    /** One generated person: what a first submission gives and repeats vary. */
    private record Person(String first, String last, String email, String mobilePrefix, String subscriber,
                          boolean hasEmail, boolean hasPhone, String company, UserId owner) {

        /** The mobile number, nationally ({@code 0151 12345678}) or internationally ({@code +49 151 12345678}). */
        String phone(boolean international) {
            return (international ? "+49 " : "0") + mobilePrefix + " " + subscriber;
        }
    }
}
