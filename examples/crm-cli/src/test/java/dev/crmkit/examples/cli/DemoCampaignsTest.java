package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoCampaignsTest {

    @Test
    void demo_showsABirthdayOfferAWinBackStepAndANurtureSequenceEndedByAReply() {
        CliRun run = CliRun.crm("demo", "--no-report", "--in-memory", "--format", "json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode campaigns = run.json().get("campaigns");

        List<String> due = new ArrayList<>();
        campaigns.get("due").forEach(m -> due.add(m.get("contact").asText() + " " + m.get("campaign").asText() + " "
                + m.get("step").asInt() + " " + m.get("sendOn").asText() + " " + m.get("validUntil").asText()));
        assertEquals(List.of("lena birthday 1 2026-11-23 2026-11-30", "max win-back 1 2026-11-23 2027-02-22"), due);
        List<String> subjects = new ArrayList<>();
        campaigns.get("sent").forEach(m -> subjects.add(m.get("subject").asText()));
        assertEquals(List.of("Alles Gute zum Geburtstag, Lena!", "We miss you, Max"), subjects);
        JsonNode nurture = campaigns.get("nurture");
        assertEquals("[\"day 0: send nurture-intro\",\"day 3: send nurture-reminder\","
                + "\"day 5: hand to sales: goal reached: replied\"]", nurture.get("steps").toString());
        assertEquals("goal_reached (goal reached: replied)", nurture.get("ended").asText());
    }

    @Test
    void demo_text_hasTheCampaignsSection() {
        CliRun run = CliRun.crm("demo", "--no-report", "--in-memory");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("sent to lena.vogel@example.com: Alles Gute zum Geburtstag, Lena!"), run.out());
        assertTrue(run.out().contains("ended: goal_reached (goal reached: replied)"), run.out());
    }
}
