package dev.crmkit.core.contact;

import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ContactTest {

    private static final ContactId ID = new ContactId(UUID.fromString("00000000-0000-4000-8000-00000000000c"));
    private static final CompanyId ACME = new CompanyId(UUID.fromString("00000000-0000-4000-8000-0000000000a1"));
    private static final CompanyId GLOBEX = new CompanyId(UUID.fromString("00000000-0000-4000-8000-0000000000a2"));
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-23T10:00:00Z");

    private static final EmailAddress JANE = EmailAddress.parse("jane@example.com");
    private static final EmailAddress WORK = EmailAddress.parse("jane.doe@acme.com");
    private static final EmailAddress OLD = EmailAddress.parse("jd@old.example");

    private static Contact contact(List<EmailAddress> emails, List<PhoneNumber> phones) {
        return Contact.create(ID, PersonName.of("Jane", "Doe"), emails, phones, T0);
    }

    private static Contact withAffiliations(List<Affiliation> affiliations) {
        Contact c = contact(List.of(JANE), List.of());
        return new Contact(c.id(), c.version(), c.name(), c.emails(), c.phones(), c.addresses(), c.language(),
                c.birthday(), c.consent(), affiliations, c.customFields(), c.owner(), c.createdAt(), c.updatedAt());
    }

    @Test
    void create_refusesSameEmailTwice() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> contact(List.of(JANE, EmailAddress.parse("JANE@Example.com")), List.of()));

        assertEquals("emails", e.violations().get(0).field());
        assertEquals("unique", e.violations().get(0).rule());
    }

    @Test
    void create_refusesARepeatAnywhereInShortAndLongLists() {
        for (int size : new int[] {2, 3, 8, 9, 20}) {
            List<EmailAddress> distinct = new java.util.ArrayList<>();
            for (int i = 0; i < size; i++) {
                distinct.add(EmailAddress.parse("jane" + i + "@example.com"));
            }
            assertEquals(distinct, contact(distinct, List.of()).emails());
            for (int at = 0; at < size - 1; at++) { // the last address again, in every earlier place
                List<EmailAddress> repeated = new java.util.ArrayList<>(distinct);
                repeated.set(at, distinct.get(size - 1));
                ValidationException e = assertThrows(ValidationException.class,
                        () -> contact(repeated, List.of()), size + " addresses, repeat at " + at);
                assertEquals("unique", e.violations().get(0).rule());
            }
        }
    }

    @Test
    void create_refusesSamePhoneTwice() {
        PhoneNumber p = PhoneNumber.parse("030 123456", "DE");
        ValidationException e = assertThrows(ValidationException.class,
                () -> contact(List.of(), List.of(p, PhoneNumber.parse("+49 30 123456", "US"))));

        assertEquals("phones", e.violations().get(0).field());
        assertEquals("unique", e.violations().get(0).rule());
    }

    @Test
    void create_startsWithNothingButNameAndContactPoints() {
        Contact c = contact(List.of(JANE), List.of());

        assertEquals(0, c.version());
        assertEquals(List.of(), c.affiliations());
        assertEquals(CustomFields.empty(), c.customFields());
        assertEquals(MarketingConsent.unknown(), c.consent());
        assertEquals(Optional.empty(), c.owner());
    }

    @Test
    void primaryEmail_isTheFirst() {
        assertEquals(Optional.of(WORK), contact(List.of(WORK, JANE), List.of()).primaryEmail());
        assertEquals(Optional.empty(), contact(List.of(), List.of()).primaryEmail());
    }

    @Test
    void withEmail_primaryGoesFirst() {
        Contact c = contact(List.of(JANE, OLD), List.of()).withEmail(WORK, true, T1);

        assertEquals(List.of(WORK, JANE, OLD), c.emails());
        assertEquals(Optional.of(WORK), c.primaryEmail());
    }

    @Test
    void withEmail_secondaryGoesLast() {
        Contact c = contact(List.of(JANE, OLD), List.of()).withEmail(WORK, false, T1);

        assertEquals(List.of(JANE, OLD, WORK), c.emails());
    }

    @Test
    void withEmail_existingAddressMovesToFrontWhenPrimary() {
        Contact c = contact(List.of(JANE, OLD, WORK), List.of()).withEmail(WORK, true, T1);

        assertEquals(List.of(WORK, JANE, OLD), c.emails());
    }

    @Test
    void withEmail_existingAddressKeepsItsPlaceWhenNotPrimary() {
        Contact c = contact(List.of(JANE, OLD, WORK), List.of()).withEmail(OLD, false, T1);

        assertEquals(List.of(JANE, OLD, WORK), c.emails());
    }

    @Test
    void withEmail_stampsUpdateAndKeepsCreation() {
        Contact before = contact(List.of(JANE), List.of());
        Contact after = before.withEmail(WORK, false, T1);

        assertEquals(T0, after.createdAt());
        assertEquals(T1, after.updatedAt());
        assertEquals(List.of(JANE), before.emails());
    }

    @Test
    void withPhone_primaryGoesFirst() {
        PhoneNumber office = PhoneNumber.parse("030 123456", "DE");
        PhoneNumber mobile = PhoneNumber.parse("0151 23456789", "DE");

        Contact c = contact(List.of(), List.of(office)).withPhone(mobile, true, T1);

        assertEquals(List.of(mobile, office), c.phones());
        assertEquals(Optional.of(mobile), c.primaryPhone());
    }

    @Test
    void constructor_refusesTwoAffiliationsWithOneCompany() {
        ValidationException e = assertThrows(ValidationException.class, () -> withAffiliations(List.of(
                Affiliation.of(ACME, CompanyRole.EMPLOYEE), Affiliation.of(ACME, CompanyRole.PAYER))));

        assertEquals("affiliations", e.violations().get(0).field());
        assertEquals("unique", e.violations().get(0).rule());
    }

    @Test
    void withAffiliation_replacesTheOneWithTheSameCompany() {
        Contact c = withAffiliations(List.of(Affiliation.of(ACME, CompanyRole.EMPLOYEE),
                Affiliation.of(GLOBEX, CompanyRole.PAYER)));

        Contact changed = c.withAffiliation(Affiliation.of(ACME, CompanyRole.DECISION_MAKER, CompanyRole.EMPLOYEE), T1);

        assertEquals(2, changed.affiliations().size());
        assertEquals(Set.of(CompanyRole.DECISION_MAKER, CompanyRole.EMPLOYEE),
                changed.affiliationWith(ACME).orElseThrow().roles());
        assertEquals(Set.of(CompanyRole.PAYER), changed.affiliationWith(GLOBEX).orElseThrow().roles());
    }

    @Test
    void affiliationWith_emptyForOtherCompany() {
        Contact c = withAffiliations(List.of(Affiliation.of(ACME, CompanyRole.EMPLOYEE)));

        assertEquals(Optional.empty(), c.affiliationWith(GLOBEX));
    }

    @Test
    void affiliation_needsARole() {
        ValidationException e = assertThrows(ValidationException.class, () -> Affiliation.of(ACME));

        assertEquals("roles", e.violations().get(0).field());
        assertEquals("required", e.violations().get(0).rule());
    }

    @Test
    void affiliation_trimsSite() {
        assertEquals("Hamburg plant",
                new Affiliation(ACME, Set.of(CompanyRole.SITE_CONTACT), "  Hamburg plant ").site());
    }

    @Test
    void displayName_fallsBackToEmailThenPhoneThenId() {
        PhoneNumber office = PhoneNumber.parse("030 123456", "DE");

        assertEquals("Jane Doe", contact(List.of(JANE), List.of()).displayName());
        Contact nameless = Contact.create(ID, PersonName.empty(), List.of(JANE), List.of(office), T0);
        assertEquals("jane@example.com", nameless.displayName());
        assertEquals("+4930123456",
                Contact.create(ID, PersonName.empty(), List.of(), List.of(office), T0).displayName());
        assertEquals(ID.toString(), Contact.create(ID, PersonName.empty(), List.of(), List.of(), T0).displayName());
    }

    @Test
    void atVersion_refusesNegative() {
        assertThrows(IllegalArgumentException.class, () -> contact(List.of(), List.of()).atVersion(-1));
        assertEquals(2, contact(List.of(), List.of()).atVersion(2).version());
    }

    @Test
    void create_withCaptureDetails_isCreateThenPersonalDetailsThenOwnerAtOneInstant() {
        PhoneNumber phone = PhoneNumber.parse("+4930901820", "DE");
        MarketingConsent consent = MarketingConsent.granted(T0, "web form");
        Contact chained = Contact.create(ID, PersonName.of("Jane", "Doe"), List.of(JANE), List.of(phone), T0)
                .withPersonalDetails(Optional.of(java.util.Locale.GERMAN), Optional.empty(), consent, T0)
                .withOwner(Optional.of(dev.crmkit.core.kernel.UserId.of("olga")), T0);

        Contact direct = Contact.create(ID, PersonName.of("Jane", "Doe"), List.of(JANE), List.of(phone),
                Optional.of(java.util.Locale.GERMAN), consent, Optional.of(dev.crmkit.core.kernel.UserId.of("olga")), T0);

        assertEquals(chained, direct);
    }

    @Test
    void affiliationWith_findsTheOneOfItsCompanyAmongSeveral() {
        Contact c = withAffiliations(List.of(Affiliation.of(ACME, CompanyRole.EMPLOYEE),
                Affiliation.of(GLOBEX, CompanyRole.PAYER)));

        assertEquals(Set.of(CompanyRole.PAYER), c.affiliationWith(GLOBEX).orElseThrow().roles());
        assertEquals(Set.of(CompanyRole.EMPLOYEE), c.affiliationWith(ACME).orElseThrow().roles());
    }
}
