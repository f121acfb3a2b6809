package dev.crmkit.campaigns.audience;

import dev.crmkit.campaigns.StandardCampaigns;
import dev.crmkit.campaigns.message.DueMessage;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.metrics.order.OrderBook;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContactZonesTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final ZoneId FALLBACK = ZoneOffset.UTC;
    private static final ContactZones ZONES = ContactZones.derivedOr(FALLBACK);

    private static Contact contact(List<Address> addresses, List<PhoneNumber> phones, CustomFields fields) {
        return new Contact(new ContactId(new UUID(0, 1)), 0, new PersonName("Tia", "Teiti"), List.of(), phones,
                addresses, Optional.empty(), Optional.of(LocalDate.of(1990, 3, 10)),
                MarketingConsent.granted(AT, "form"), List.of(), fields, Optional.empty(), AT, AT);
    }

    private static Address in(String country) {
        return new Address("home", "", "", "", "", country);
    }

    @Test
    void derive_fieldBeforeAddressBeforePhone_thenTheFallback() {
        CustomFields kiritimati = CustomFields.empty().with(ContactZones.FIELD,
                new FieldValue.Text("Pacific/Kiritimati"));
        PhoneNumber nepal = PhoneNumber.parse("+977 1 4412345", "NP");

        assertEquals(ZoneId.of("Pacific/Kiritimati"), ZONES.of(contact(List.of(in("DE")), List.of(nepal), kiritimati)));
        assertEquals(ZoneId.of("Europe/Berlin"), ZONES.of(contact(List.of(in("DE")), List.of(nepal),
                CustomFields.empty())));
        assertEquals(ZoneId.of("Asia/Kathmandu"), ZONES.of(contact(List.of(in("")), List.of(nepal),
                CustomFields.empty())), "an address without a country says nothing");
        assertEquals(FALLBACK, ZONES.of(contact(List.of(in("US")), List.of(), CustomFields.empty())),
                "the US has several zones");
        assertEquals(FALLBACK, ZONES.of(contact(List.of(), List.of(), CustomFields.empty().with(ContactZones.FIELD,
                new FieldValue.Text("Mars/Olympus_Mons")))), "a value that is no zone is ignored");
        assertEquals(ZoneId.of("America/Chicago"), ZONES.withHost(c -> Optional.of(ZoneId.of("America/Chicago")))
                .of(contact(List.of(in("DE")), List.of(), kiritimati)), "the host's answer first");
        assertEquals(ZoneId.of("Europe/Berlin"), ZONES.withHost(c -> Optional.empty())
                .of(contact(List.of(in("DE")), List.of(), CustomFields.empty())));
    }

    @Test
    void ofCountry_oneZoneOrThePrincipalOne_noneForCountriesSpanningSeveral() {
        assertEquals(Optional.of(ZoneId.of("Asia/Kathmandu")), ContactZones.ofCountry("NP"));
        assertEquals(Optional.of(ZoneId.of("Pacific/Tongatapu")), ContactZones.ofCountry("TO"));
        assertEquals(Optional.of(ZoneId.of("Europe/Madrid")), ContactZones.ofCountry("ES"));
        assertEquals(Optional.empty(), ContactZones.ofCountry("AU"));
        assertEquals(Optional.empty(), ContactZones.ofCountry("KI"));
        assertEquals(Optional.empty(), ContactZones.ofCountry("XX"));
    }

    private static Address in(String country, String region) {
        return new Address("home", "", "", "", region, country);
    }

    @Test
    void ofRegion_byCodeOrName_withoutCaseOrAccents_emptyWhenNotListed() {
        assertEquals(Optional.of(ZoneId.of("America/Los_Angeles")), ContactZones.ofRegion("US", "CA"));
        assertEquals(Optional.of(ZoneId.of("America/Los_Angeles")), ContactZones.ofRegion("us", " US-CA "));
        assertEquals(Optional.of(ZoneId.of("America/Los_Angeles")), ContactZones.ofRegion("US", "california"));
        assertEquals(Optional.of(ZoneId.of("Australia/Sydney")), ContactZones.ofRegion("AU", "New South Wales"));
        assertEquals(Optional.of(ZoneId.of("America/Sao_Paulo")), ContactZones.ofRegion("BR", "São Paulo"));
        assertEquals(Optional.of(ZoneId.of("America/Sao_Paulo")), ContactZones.ofRegion("BR", "SAO PAULO"));
        assertEquals(Optional.of(ZoneId.of("America/Toronto")), ContactZones.ofRegion("CA", "Québec"));
        assertEquals(Optional.of(ZoneId.of("America/Tijuana")), ContactZones.ofRegion("MX", "MX-BCN"));
        assertEquals(Optional.of(ZoneId.of("Asia/Kamchatka")), ContactZones.ofRegion("RU", "Kamchatka Krai"));
        assertEquals(Optional.empty(), ContactZones.ofRegion("RU", "Nenets"), "not listed");
        assertEquals(Optional.empty(), ContactZones.ofRegion("US", "Narnia"));
        assertEquals(Optional.empty(), ContactZones.ofRegion("US", " - "));
        assertEquals(Optional.empty(), ContactZones.ofRegion("DE", "Bayern"), "one-zone countries need no region");
    }

    @Test
    void derive_multiZoneCountry_fieldThenRegionThenFallback() {
        CustomFields chicago = CustomFields.empty().with(ContactZones.FIELD, new FieldValue.Text("America/Chicago"));
        assertEquals(ZoneId.of("America/Chicago"), ZONES.of(contact(List.of(in("US", "HI")), List.of(), chicago)),
                "the explicit field first");
        assertEquals(ZoneId.of("Pacific/Honolulu"), ZONES.of(contact(List.of(in("US", "HI")), List.of(),
                CustomFields.empty())));
        assertEquals(ZoneId.of("Europe/Berlin"), ZONES.of(contact(List.of(in("DE", "HI")), List.of(),
                CustomFields.empty())), "a one-zone country's region is not looked up");
        assertEquals(FALLBACK, ZONES.of(contact(List.of(in("RU", "Nenets")), List.of(), CustomFields.empty())),
                "a region not listed: the fallback");
        assertEquals(FALLBACK, ZONES.of(contact(List.of(), List.of(PhoneNumber.parse("+1 212 555 0100", "US")),
                CustomFields.empty())), "a US phone number names no zone");
    }

    /** Born 10 March: the offer is due on 3 March of each contact's own calendar, in every zone of a country. */
    @Test
    void aBirthdayInAMultiZoneCountry_isDueOnTheLocalDayOfTheContactsRegion() {
        List<Address> regions = List.of(in("US", "HI"), in("US", "New York"), in("US", "CA"),
                in("CA", "NL"), in("CA", "British Columbia"), in("AU", "WA"), in("AU", "NSW"), in("BR", "AC"),
                in("BR", "SP"), in("MX", "BCN"), in("MX", "Yucatán"), in("RU", "KGD"), in("RU", "KAM"));
        OrderBook none = OrderBook.builder(Currency.getInstance("EUR")).build();
        StandardCampaigns campaigns = StandardCampaigns.standard();
        java.util.Set<ZoneId> zones = new java.util.HashSet<>();
        for (Address a : regions) {
            Contact c = contact(List.of(a), List.of(), CustomFields.empty());
            ZoneId zone = ZONES.of(c);
            zones.add(zone);
            Recipient r = new Recipient("c1", "Tia", "", "tia@example.com", "", c.birthday(), zone, c.consent(), "");
            int sent = 0;
            for (int hour = 0; hour < 24 * 4; hour++) {
                Instant now = Instant.parse("2026-03-01T12:00:00Z").plusSeconds(3600L * hour);
                List<DueMessage> due = campaigns.dueAt(List.of(r), none, now);
                boolean itsDay = now.atZone(zone).toLocalDate().equals(LocalDate.of(2026, 3, 3));
                assertEquals(itsDay ? 1 : 0, due.size(), a + " in " + zone + " at " + now);
                sent += due.size();
            }
            assertEquals(24, sent, a + ": every hour of its own day, no other");
        }
        assertEquals(regions.size(), zones.size(), "each region in its own zone: " + zones);
    }

    @Test
    void aBirthdayInPlus14_isDueOnItsOwnDay_notADayEarlyOrLate_mautic9040() {
        // born 10 March: the offer goes out 7 days ahead, on 3 March of the contact's calendar
        Contact kiritimati = contact(List.of(), List.of(), CustomFields.empty().with(ContactZones.FIELD,
                new FieldValue.Text("Pacific/Kiritimati")));
        Contact samoa = contact(List.of(in("AS")), List.of(), CustomFields.empty()); // Pago Pago, -11
        OrderBook none = OrderBook.builder(Currency.getInstance("EUR")).build();
        StandardCampaigns campaigns = StandardCampaigns.standard();

        for (Contact c : List.of(kiritimati, samoa)) {
            ZoneId zone = ZONES.of(c);
            Recipient r = new Recipient("c1", "Tia", "", "tia@example.com", "", c.birthday(), zone, c.consent(), "");
            for (int hour = 0; hour < 24 * 4; hour++) {
                Instant now = Instant.parse("2026-03-01T12:00:00Z").plusSeconds(3600L * hour);
                List<DueMessage> due = campaigns.dueAt(List.of(r), none, now);
                boolean itsDay = now.atZone(zone).toLocalDate().equals(LocalDate.of(2026, 3, 3));
                assertEquals(itsDay ? 1 : 0, due.size(), zone + " at " + now);
            }
        }
        assertEquals(ZoneId.of("Pacific/Pago_Pago"), ZONES.of(samoa));
    }
}
