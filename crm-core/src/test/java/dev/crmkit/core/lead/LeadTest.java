package dev.crmkit.core.lead;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeadTest {

    private static final LeadId ID = new LeadId(UUID.fromString("00000000-0000-4000-8000-0000000000d1"));
    private static final ContactId CONTACT = new ContactId(UUID.fromString("00000000-0000-4000-8000-0000000000c1"));
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-23T11:00:00Z");
    private static final Optional<UserId> ALICE = Optional.of(UserId.of("alice"));
    private static final Optional<EmailAddress> JANE = Optional.of(EmailAddress.parse("jane@example.com"));

    static Lead leadIn(LeadStatus status) {
        return new Lead(ID, 3, CONTACT, Optional.empty(), LeadSource.of(Channel.WEB_FORM), List.of("form-1"),
                "a quote", PersonName.of("Jane", "Doe"), JANE, Optional.empty(), "", Optional.empty(), status,
                status == LeadStatus.DISQUALIFIED ? Optional.of("no budget") : Optional.empty(), 1,
                CustomFields.empty(), T0, T0);
    }

    @org.junit.jupiter.api.Test
    void builder_isANewLeadWithOneSubmission_andEverySettingLandsInItsField() {
        Lead built = Lead.builder(ID, CONTACT, LeadSource.of(Channel.WEB_FORM), PersonName.of("Jane", "Doe"), T0)
                .externalId("form-1", "f1").request("a quote").reachableAt(JANE, Optional.empty()).owner(ALICE)
                .build();

        assertEquals(new Lead(ID, 0, CONTACT, Optional.empty(), LeadSource.of(Channel.WEB_FORM), List.of("form-1"),
                java.util.Map.of("form-1", "f1"), "a quote", PersonName.of("Jane", "Doe"), JANE, Optional.empty(), "",
                ALICE, LeadStatus.NEW, Optional.empty(), 1, CustomFields.empty(), T0, T0), built);
    }

    @Test
    void constructor_anExternalIdListedTwice_isRefused_oneOrSeveralDistinctAreKept() {
        List<List<String>> listedTwice = List.of(List.of("form-1", "form-1"), List.of("a", "b", "a"),
                List.of("a", "b", "b"));
        for (List<String> twice : listedTwice) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Lead(ID, 0, CONTACT, Optional.empty(), LeadSource.of(Channel.WEB_FORM), twice, "",
                            PersonName.of("Jane", "Doe"), JANE, Optional.empty(), "", Optional.empty(), LeadStatus.NEW,
                            Optional.empty(), 1, CustomFields.empty(), T0, T0), twice.toString());
            assertEquals("an external id is listed twice", e.getMessage());
        }
        for (List<String> distinct : List.of(List.<String>of(), List.of("a"), List.of("a", "b", "c"))) {
            assertEquals(distinct, new Lead(ID, 0, CONTACT, Optional.empty(), LeadSource.of(Channel.WEB_FORM),
                    distinct, "", PersonName.of("Jane", "Doe"), JANE, Optional.empty(), "", Optional.empty(),
                    LeadStatus.NEW, Optional.empty(), 1, CustomFields.empty(), T0, T0).externalIds());
        }
    }

    static Stream<Arguments> allowedMoves() {
        List<Arguments> out = new ArrayList<>();
        for (LeadStatus from : LeadStatus.values()) {
            for (LeadStatus to : from.next()) {
                out.add(Arguments.of(from, to));
            }
        }
        return out.stream();
    }

    static Stream<Arguments> refusedMoves() {
        List<Arguments> out = new ArrayList<>();
        for (LeadStatus from : LeadStatus.values()) {
            for (LeadStatus to : LeadStatus.values()) {
                if (!from.next().contains(to)) {
                    out.add(Arguments.of(from, to));
                }
            }
        }
        return out.stream();
    }

    @Test
    void moves_coverEveryPairOfStatuses() {
        int n = LeadStatus.values().length;
        assertEquals(n * n, allowedMoves().count() + refusedMoves().count());
        assertEquals(9, allowedMoves().count());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("allowedMoves")
    void changeStatus_allowedMoveChangesLead(LeadStatus from, LeadStatus to) {
        Lead lead = leadIn(from);

        LeadStatusChange change = lead.changeStatus(to, "  because  ", ALICE, T1);

        LeadStatusChange.Changed changed = assertInstanceOf(LeadStatusChange.Changed.class, change);
        assertEquals(to, changed.lead().status());
        assertEquals(T1, changed.lead().updatedAt());
        assertEquals(T0, changed.lead().createdAt());
        assertEquals(lead.version(), changed.lead().version());
        assertEquals(to == LeadStatus.DISQUALIFIED ? Optional.of("because") : Optional.empty(),
                changed.lead().disqualificationReason());
        assertEquals(new LeadEvent.LeadStatusChanged(ID, from, to, "because", ALICE, T1), changed.event());
        assertEquals(from, lead.status());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("refusedMoves")
    void changeStatus_moveNotAllowedIsRefusedNamingRule(LeadStatus from, LeadStatus to) {
        LeadStatusChange change = leadIn(from).changeStatus(to, "because", ALICE, T1);

        LeadStatusChange.Refused refused = assertInstanceOf(LeadStatusChange.Refused.class, change);
        assertEquals(ID, refused.leadId());
        assertEquals(from, refused.from());
        assertEquals(to, refused.to());
        assertEquals("allowed-transitions", refused.rule());
        assertTrue(refused.reason().contains(from.name()) && refused.reason().contains(to.name()), refused.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void changeStatus_disqualifyWithoutReasonIsRefused(String reason) {
        for (LeadStatus from : List.of(LeadStatus.NEW, LeadStatus.WORKING, LeadStatus.QUALIFIED)) {
            LeadStatusChange change = leadIn(from).changeStatus(LeadStatus.DISQUALIFIED, reason, ALICE, T1);

            LeadStatusChange.Refused refused = assertInstanceOf(LeadStatusChange.Refused.class, change);
            assertEquals("disqualification-reason", refused.rule());
            assertEquals(from, refused.from());
            assertEquals(LeadStatus.DISQUALIFIED, refused.to());
        }
    }

    @Test
    void changeStatus_reopeningDropsDisqualificationReason() {
        LeadStatusChange change =
                leadIn(LeadStatus.DISQUALIFIED).changeStatus(LeadStatus.WORKING, "", Optional.empty(), T1);

        Lead reopened = assertInstanceOf(LeadStatusChange.Changed.class, change).lead();
        assertEquals(LeadStatus.WORKING, reopened.status());
        assertEquals(Optional.empty(), reopened.disqualificationReason());
        assertTrue(reopened.isOpen());
    }

    @Test
    void changeStatus_refusesNulls() {
        Lead lead = leadIn(LeadStatus.NEW);

        assertThrows(NullPointerException.class, () -> lead.changeStatus(null, "", ALICE, T1));
        assertThrows(NullPointerException.class, () -> lead.changeStatus(LeadStatus.WORKING, null, ALICE, T1));
    }

    @Test
    void constructor_needsEmailOrPhone() {
        Lead lead = leadIn(LeadStatus.NEW);

        assertThrows(IllegalArgumentException.class, () -> new Lead(ID, 0, CONTACT, Optional.empty(), lead.source(),
                List.of(), "", PersonName.empty(), Optional.empty(), Optional.empty(), "", Optional.empty(),
                LeadStatus.NEW, Optional.empty(), 1, CustomFields.empty(), T0, T0));
    }

    @Test
    void constructor_reasonExactlyWhenDisqualified() {
        assertThrows(IllegalArgumentException.class, () -> new Lead(ID, 0, CONTACT, Optional.empty(),
                LeadSource.of(Channel.CALL), List.of(), "", PersonName.empty(), JANE, Optional.empty(), "",
                Optional.empty(), LeadStatus.DISQUALIFIED, Optional.empty(), 1, CustomFields.empty(), T0, T0));
        assertThrows(IllegalArgumentException.class, () -> new Lead(ID, 0, CONTACT, Optional.empty(),
                LeadSource.of(Channel.CALL), List.of(), "", PersonName.empty(), JANE, Optional.empty(), "",
                Optional.empty(), LeadStatus.WORKING, Optional.of("why"), 1, CustomFields.empty(), T0, T0));
    }

    @Test
    void constructor_refusesExternalIdListedTwice() {
        assertThrows(IllegalArgumentException.class, () -> new Lead(ID, 0, CONTACT, Optional.empty(),
                LeadSource.of(Channel.CALL), List.of("x", "x"), "", PersonName.empty(), JANE, Optional.empty(), "",
                Optional.empty(), LeadStatus.NEW, Optional.empty(), 1, CustomFields.empty(), T0, T0));
    }

    @Test
    void foldRepeat_countsAndFillsOnlyEmptyFields() {
        Lead lead = leadIn(LeadStatus.NEW).withCustomFields(
                CustomFields.empty().with("tier", new FieldValue.Choice("gold")), T0);
        PhoneNumber phone = PhoneNumber.parse("030 123456", "DE");

        Lead folded = lead.foldRepeat(Optional.of("form-2"), "fp", PersonName.of("J.", "D."),
                Optional.of(EmailAddress.parse("other@example.com")), Optional.of(phone), "Acme", "another quote",
                ALICE, CustomFields.empty().with("tier", new FieldValue.Choice("silver"))
                        .with("vip", new FieldValue.Bool(true)), T1);

        assertEquals(2, folded.submissions());
        assertEquals(List.of("form-1", "form-2"), folded.externalIds());
        assertEquals(Map.of("form-2", "fp"), folded.fingerprints(), "the new id keeps its submission's fingerprint");
        assertEquals(PersonName.of("Jane", "Doe"), folded.name());
        assertEquals(JANE, folded.email());
        assertEquals(Optional.of(phone), folded.phone());
        assertEquals("Acme", folded.companyName());
        assertEquals("a quote", folded.request());
        assertEquals(ALICE, folded.owner());
        assertEquals(Optional.of(new FieldValue.Choice("gold")), folded.customFields().get("tier"));
        assertEquals(Optional.of(new FieldValue.Bool(true)), folded.customFields().get("vip"));
        assertEquals(T1, folded.updatedAt());
    }

    @Test
    void foldRepeat_sameExternalIdIsNotListedTwice() {
        Lead folded = leadIn(LeadStatus.NEW).foldRepeat(Optional.of("form-1"), "fp", PersonName.empty(), Optional.empty(),
                Optional.empty(), "", "", Optional.empty(), CustomFields.empty(), T1);

        assertEquals(List.of("form-1"), folded.externalIds());
        assertEquals(2, folded.submissions());
    }
}
