package dev.crmkit.examples.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HelpTest {

    @Test
    void help_ofEveryCommandAndSubcommand_hasNoPicocliWarningAndListsTheExitStatuses() throws Exception {
        List<String> lines = runEveryCommandHelp();

        List<String> bad = lines.stream().filter(l -> !l.startsWith("OK ")).toList();
        assertEquals(List.of(), bad, "every --help exits 0, prints no warning and lists the exit statuses");
        assertTrue(lines.contains("OK crm clv predict") && lines.contains("OK crm ltv npv")
                && lines.contains("OK crm bench capture"), lines.toString());
        assertTrue(lines.size() >= 25, "every command and subcommand: " + lines.size());
    }

    private static List<String> runEveryCommandHelp() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EveryCommandHelp.class.getName()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the help run ended");
        assertEquals(0, process.exitValue(), new String(output, StandardCharsets.UTF_8));
        return new String(output, StandardCharsets.UTF_8).lines().toList();
    }
}
