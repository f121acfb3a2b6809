package dev.crmkit.examples.cli;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing {@code crm demo} prints depends on which ids its records got: run on fresh in-memory stores with 20
 * different id seeds (half time-ordered ids, half random ones in no order at all), it prints the same board, agenda,
 * timeline and everything else, the ids aside. In-process, so the 20 runs cost seconds, not 20 JVM starts.
 */
class DemoOrderTest {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Test
    void demo_twentyIdSeeds_printTheSameBoardAgendaAndTimeline() {
        List<String> printed = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int seed = 1; seed <= 20; seed++) {
            List<String> args = new ArrayList<>(List.of("demo", "--in-memory", "--no-report", "--id-seed",
                    String.valueOf(seed)));
            if (seed % 2 == 0) {
                args.add("--random-ids");
            }
            CliRun run = CliRun.crm(args.toArray(String[]::new));
            assertEquals(0, run.exitCode(), run.toString());
            UUID.matcher(run.out()).results().forEach(m -> ids.add(m.group()));
            printed.add(UUID.matcher(run.out()).replaceAll("<id>"));
        }

        String first = printed.get(0);
        assertTrue(first.contains("Pipeline B2B: 3 deals"), first);
        assertTrue(first.contains("Agenda of anna") && first.contains("Timeline of Julia Brandt"), first);
        assertTrue(ids.size() >= 20 * 5, "each run printed ids of its own: " + ids.size());
        for (int i = 1; i < printed.size(); i++) {
            assertEquals(first, printed.get(i), "seed " + (i + 1) + " printed something else than seed 1");
        }
    }
}
