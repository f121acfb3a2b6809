package dev.crmkit.campaigns.audience;

import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.kernel.PhoneNumber;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * A contact's time zone, for the days and send windows of its campaigns, taken from what the store holds about it
 * without a zone field on crm-core's contact. The first of these that gives a zone wins:
 * <ol>
 *   <li>the host's own answer, when it {@linkplain #withHost gives one} (its user profile, its shop account);</li>
 *   <li>the contact's text or choice custom field {@value #FIELD} holding an IANA zone id ({@code Europe/Berlin},
 *       {@code Pacific/Kiritimati}); a value that is no zone id is ignored;</li>
 *   <li>the country of the contact's first address that has one, when the country has one time zone (or one that
 *       nearly all its people live in: {@code DE} is Europe/Berlin, not Busingen; {@code ES} Europe/Madrid, not the
 *       Canaries): the IANA database's {@code zone.tab}, in {@code country-zones.properties};</li>
 *   <li>for a country spanning several zones, that address's region ({@link #ofRegion}): every state, province or
 *       territory of {@code US}, {@code CA}, {@code AU}, {@code BR} and {@code MX} and the populous federal subjects
 *       of {@code RU}, by ISO 3166-2 code or name, in {@code region-zones.properties};</li>
 *   <li>the country of the contact's first phone number, when it has one time zone;</li>
 *   <li>the fallback zone (the host's default).</li>
 * </ol>
 * The fallback is what a contact of a multi-zone country gets without a zone field, host answer or known region
 * (an address in {@code KI}, a region of {@code RU} not listed, a US phone number only): a host with such contacts
 * should give the field or its own answer. Immutable and thread-safe.
 */
public final class ContactZones {

    /** The custom field whose value, an IANA zone id, names the contact's zone. */
    public static final String FIELD = "time_zone";

    private static final Map<String, ZoneId> BY_COUNTRY = load("country-zones.properties");
    private static final Map<String, ZoneId> BY_REGION = load("region-zones.properties");

    private final ZoneId fallback;
    private final Function<Contact, Optional<ZoneId>> host;

    private ContactZones(ZoneId fallback, Function<Contact, Optional<ZoneId>> host) {
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.host = Objects.requireNonNull(host, "host");
    }

    /** Zones derived as described, {@code fallback} for a contact nothing names a zone for. */
    public static ContactZones derivedOr(ZoneId fallback) {
        return new ContactZones(fallback, c -> Optional.empty());
    }

    /** A copy that asks the host first; an empty answer goes on with the derivation. */
    public ContactZones withHost(Function<Contact, Optional<ZoneId>> hostZones) {
        return new ContactZones(fallback, Objects.requireNonNull(hostZones, "hostZones"));
    }

    /** The contact's zone. */
    public ZoneId of(Contact contact) {
        return derive(contact).orElse(fallback);
    }

    /** The contact's zone as the host, its custom field, its address or its phone name it; empty if none does. */
    public Optional<ZoneId> derive(Contact contact) {
        Objects.requireNonNull(contact, "contact");
        Optional<ZoneId> hosts = Objects.requireNonNull(host.apply(contact), "the host's zone");
        if (hosts.isPresent()) {
            return hosts;
        }
        Optional<ZoneId> field = contact.customFields().get(FIELD).flatMap(ContactZones::text)
                .flatMap(ContactZones::zone);
        if (field.isPresent()) {
            return field;
        }
        Optional<ZoneId> address = contact.addresses().stream().filter(a -> !a.country().isEmpty()).findFirst()
                .flatMap(a -> ofCountry(a.country()).or(() -> ofRegion(a.country(), a.region())));
        if (address.isPresent()) {
            return address;
        }
        return contact.phones().stream().findFirst().map(PhoneNumber::region).flatMap(ContactZones::ofCountry);
    }

    /** The zone of a country (ISO 3166 alpha-2) that has one; empty for others and unknown codes. */
    public static Optional<ZoneId> ofCountry(String country) {
        return Optional.ofNullable(BY_COUNTRY.get(Objects.requireNonNull(country, "country")));
    }

    /**
     * The zone of a region of a country spanning several zones, when it is listed: the region as its ISO 3166-2
     * subdivision code ({@code CA}, {@code US-CA}, {@code NSW}) or its name ({@code California},
     * {@code São Paulo}), compared without case, accents, blanks or punctuation; empty for regions not listed.
     */
    public static Optional<ZoneId> ofRegion(String country, String region) {
        String c = Objects.requireNonNull(country, "country").strip().toUpperCase(java.util.Locale.ROOT);
        String r = Objects.requireNonNull(region, "region").strip().toUpperCase(java.util.Locale.ROOT);
        if (r.startsWith(c + "-")) {
            r = r.substring(c.length() + 1);
        }
        String key = java.text.Normalizer.normalize(r, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^A-Z0-9]", "");
        return key.isEmpty() ? Optional.empty() : Optional.ofNullable(BY_REGION.get(c + "." + key));
    }

    private static Optional<String> text(FieldValue value) {
        if (value instanceof FieldValue.Text t) {
            return Optional.of(t.value());
        }
        return value instanceof FieldValue.Choice c ? Optional.of(c.value()) : Optional.empty();
    }

    private static Optional<ZoneId> zone(String id) {
        try {
            return Optional.of(ZoneId.of(id.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Map<String, ZoneId> load(String resource) {
        Properties p = new Properties();
        try (InputStream in = ContactZones.class.getResourceAsStream(resource)) {
            p.load(Objects.requireNonNull(in, resource + " is missing"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, ZoneId> out = new HashMap<>();
        // a zone this JDK's time zone data does not know yet is left out: the contact gets the fallback
        p.stringPropertyNames().forEach(key -> zone(p.getProperty(key)).ifPresent(z -> out.put(key, z)));
        return Map.copyOf(out);
    }
}
