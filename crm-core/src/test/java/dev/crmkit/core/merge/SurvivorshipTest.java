package dev.crmkit.core.merge;

import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.Affiliation;
import dev.crmkit.core.contact.CompanyRole;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.PhoneNumber;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Field survivorship and the survivor rules, on contacts built by hand. */
class SurvivorshipTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final CompanyId ACME = new CompanyId(new UUID(9, 1));

    private static Contact contact(int n, String first, String email, Instant created) {
        return Contact.create(new ContactId(new UUID(1, n)), PersonName.of(first, "Smith"),
                List.of(EmailAddress.parse(email)), List.of(), created).atVersion(1);
    }

    @Test
    void combine_listsUnitedSurvivorsFirst_scalarsSurvivorsElseFirstFilled_customSurvivorWins() {
        Contact survivor = contact(1, "", "k.smith@acme.example", T0).withName(PersonName.empty(), T0)
                .withPhone(PhoneNumber.of("+493012345678"), true, T0)
                .withAffiliation(Affiliation.of(ACME, CompanyRole.EMPLOYEE), T0)
                .withCustomFields(CustomFields.empty().with("tier", new FieldValue.Text("gold")), T0);
        Contact other = contact(2, "Kathy", "kathy@home.example", T0.plusSeconds(5))
                .withEmail(EmailAddress.parse("k.smith@acme.example"), false, T0)
                .withPhone(PhoneNumber.of("+493087654321"), true, T0)
                .withAffiliation(Affiliation.of(ACME, CompanyRole.DECISION_MAKER), T0)
                .withPersonalDetails(Optional.of(Locale.GERMAN), Optional.empty(), MarketingConsent.unknown(), T0)
                .withCustomFields(CustomFields.empty().with("tier", new FieldValue.Text("silver"))
                        .with("source", new FieldValue.Text("fair")), T0);

        Contact merged = Survivorship.combine(List.of(survivor, other), Map.of(), T0.plusSeconds(60));

        assertEquals(survivor.id(), merged.id());
        assertEquals(survivor.version(), merged.version());
        assertEquals(List.of(EmailAddress.parse("k.smith@acme.example"), EmailAddress.parse("kathy@home.example")),
                merged.emails());
        assertEquals(List.of(PhoneNumber.of("+493012345678"), PhoneNumber.of("+493087654321")), merged.phones());
        assertEquals(PersonName.of("Kathy", "Smith"), merged.name(), "the survivor has no name: the first one filled");
        assertEquals(Optional.of(Locale.GERMAN), merged.language());
        assertEquals(List.of(Affiliation.of(ACME, CompanyRole.EMPLOYEE)), merged.affiliations());
        assertEquals(Optional.of(new FieldValue.Text("gold")), merged.customFields().get("tier"));
        assertEquals(Optional.of(new FieldValue.Text("fair")), merged.customFields().get("source"));
        assertEquals(survivor.createdAt(), merged.createdAt());
        assertEquals(T0.plusSeconds(60), merged.updatedAt());
    }

    @Test
    void combine_fieldChosen_takesThatContactsValueEvenWhenSurvivorHasOne() {
        Contact survivor = contact(1, "K", "k@acme.example", T0);
        Contact other = contact(2, "Katherine", "kathy@home.example", T0);

        Contact merged = Survivorship.combine(List.of(survivor, other), Map.of(ContactField.NAME, other), T0);

        assertEquals(PersonName.of("Katherine", "Smith"), merged.name());
    }

    @Test
    void choose_ties_goToTheOldestThenToTheFirstListed() {
        Contact younger = contact(1, "A", "a@x.example", T0.plusSeconds(10));
        Contact older = contact(2, "B", "b@x.example", T0);
        Contact sameAge = contact(3, "C", "c@x.example", T0);

        assertEquals(older, SurvivorRule.MOST_COMPLETE.choose(List.of(younger, older, sameAge), c -> T0));
        assertEquals(sameAge, SurvivorRule.OLDEST.choose(List.of(younger, sameAge, older), c -> T0));
        assertEquals(younger, SurvivorRule.MOST_RECENT_ACTIVITY.choose(List.of(older, younger),
                c -> c == younger ? T0.plusSeconds(99) : T0));
    }

    @Test
    void completeness_countsEveryFilledValue() {
        Contact c = contact(1, "Kim", "kim@x.example", T0).withPhone(PhoneNumber.of("+493012345678"), false, T0)
                .withAffiliation(Affiliation.of(ACME, CompanyRole.EMPLOYEE), T0);

        assertEquals(5, SurvivorRule.completeness(c), "first, last, one e-mail, one phone, one affiliation");
    }
}
