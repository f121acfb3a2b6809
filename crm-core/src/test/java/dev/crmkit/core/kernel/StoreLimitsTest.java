package dev.crmkit.core.kernel;

import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Utm;
import dev.crmkit.core.task.NewTask;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StoreLimitsTest {

    private static final EdgeValidation EDGE = EdgeValidation.plain();

    private static List<String> rules(List<Violation> violations) {
        return violations.stream().map(v -> v.field() + "/" + v.rule()).sorted().toList();
    }

    @Test
    void text_atTheLimit_fitsAndOneMoreIsMaxLength() {
        assertEquals(List.of(), StoreLimits.text("lastName", "x".repeat(200), 200));
        List<Violation> over = StoreLimits.text("lastName", "x".repeat(201), 200);

        assertEquals("lastName: longer than 200 characters [max-length]", over.get(0).toString());
    }

    @Test
    void text_nulAndLoneSurrogates_areRefusedButPairsAndOtherControlsFit() {
        assertEquals(List.of("f/no-nul-character"), rules(StoreLimits.text("f", "a\u0000b", 10)));
        assertEquals(List.of("f/valid-unicode"), rules(StoreLimits.text("f", "a\uD800", 10)));
        assertEquals(List.of("f/valid-unicode"), rules(StoreLimits.text("f", "\uDC00a", 10)));
        assertEquals(List.of("f/valid-unicode"), rules(StoreLimits.text("f", "\uD800\uD800\uDC00", 10)));
        assertEquals(List.of(), StoreLimits.text("f", "\uD83D\uDE00\t\u0007\u202e", 10));
    }

    @Test
    void time_outsideTheYears1000To9999_isTimeRange() {
        assertEquals(List.of(), StoreLimits.time("due", StoreLimits.EARLIEST));
        assertEquals(List.of(), StoreLimits.time("due", StoreLimits.LATEST));
        assertEquals(List.of("due/time-range"), rules(StoreLimits.time("due", StoreLimits.LATEST.plusNanos(1000))));
        assertEquals(List.of("due/time-range"), rules(StoreLimits.time("due", Instant.MIN)));
    }

    @Test
    void number_moreThan38DigitsBeforeOrAfterThePoint_isNumberRange() {
        assertEquals(List.of(), StoreLimits.number("n", new BigDecimal("9".repeat(38) + "." + "9".repeat(38))));
        assertEquals(List.of(), StoreLimits.number("n", new BigDecimal("1.5000000000000000000000000000000000000000000")));
        assertEquals(List.of("n/number-range"), rules(StoreLimits.number("n", new BigDecimal("1e38"))));
        assertEquals(List.of("n/number-range"), rules(StoreLimits.number("n", new BigDecimal("1e999999999"))));
        assertEquals(List.of("n/number-range"), rules(StoreLimits.number("n", new BigDecimal("1e-39"))));
    }

    @Test
    void leadSubmission_everyStoreLimit_isAnEdgeViolationNamingTheField() {
        LeadSubmission s = LeadSubmission.from(Channel.WEB_FORM).name("J", "x".repeat(201)).email("a@b.de")
                .request("quote\u0000").campaign("c", new Utm("u".repeat(201), "", "", "", "")).referrer("\uDC00")
                .externalId("e".repeat(201)).owner(UserId.of("o".repeat(201))).build();

        assertEquals(List.of("externalId/max-length", "lastName/max-length", "owner/max-length",
                "referrer/valid-unicode", "request/no-nul-character", "utm.source/max-length"),
                rules(EDGE.violationsOf(s)));
    }

    @Test
    void addText_appendsWhatTextFindsAndNothingForAFittingOrNullValue() {
        Violation before = new Violation("other", "rule", "found before");
        List<Violation> into = new ArrayList<>(List.of(before));

        StoreLimits.addText(into, "f", "x".repeat(10), 10);
        StoreLimits.addText(into, "f", null, 10);
        StoreLimits.addText(into, "f", "\uD83D\uDE00", 10);
        assertEquals(List.of(before), into);

        String bad = "\u0000" + "x".repeat(10) + "\uD800";
        StoreLimits.addText(into, "f", bad, 10);
        List<Violation> expected = new ArrayList<>(List.of(before));
        expected.addAll(StoreLimits.text("f", bad, 10));
        assertEquals(expected, into);
        assertEquals(List.of("f/max-length", "f/no-nul-character", "f/valid-unicode", "other/rule"), rules(into));
    }

    @Test
    void leadSubmission_eachTextFieldOverItsLimit_isNamed() {
        String nul = "a\u0000";
        LeadSubmission s = LeadSubmission.from(Channel.WEB_FORM).source("trade fair " + nul).name(nul, nul)
                .email(nul).phone(nul).company(nul).request(nul).language(nul)
                .campaign(nul, new Utm(nul, nul, nul, nul, nul)).referrer(nul).externalId(nul).build();

        assertEquals(List.of("campaign", "companyName", "email", "externalId", "firstName", "language", "lastName",
                        "phone", "referrer", "request", "sourceDetail", "utm.campaign", "utm.content", "utm.medium",
                        "utm.source", "utm.term"),
                s.storeLimitViolations().stream().map(Violation::field).sorted().toList());
        assertEquals(List.of(), LeadSubmission.from(Channel.WEB_FORM).name("Jo", "Li").email("jo@example.org")
                .build().storeLimitViolations());
    }

    @Test
    void newTask_dueAfterTheYear9999OrAnOverlongAssignee_isRefusedAtTheEdge() {
        NewTask task = new NewTask("Call back", Instant.parse("+10000-01-01T00:00:00Z"), Optional.empty(),
                UserId.of("a".repeat(201)), Optional.empty());

        assertEquals(List.of("assignee/max-length", "due/time-range"), rules(EDGE.violationsOf(task)));
    }
}
