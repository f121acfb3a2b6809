package dev.crmkit.examples.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Hostile options for every {@code crm} command: 10,000 command lines of a random command with random options (known
 * and unknown, each with a value of its type or a hostile one: huge exponents, text where a number belongs, empty
 * values, bad dates and paths, values of 100,000 characters), run in-process. The commands that keep data use one H2
 * in-memory database holding the demo's data in one case of {@value #DATABASE_ONE_IN}, else an empty in-memory store.
 * Every run ends in exit 0, or in one clear line on standard error with
 * exit 2 when any value was malformed (1 for other failures, 3 for a refused move), and a failed run leaves the store
 * exactly as it was ({@link StoreDump} before and after). The benchmarks and the demo are given only malformed values,
 * so that none of them runs for real.
 */
class CommandOptionsHostileInputTest {

    private static final int CASES = Integer.getInteger("crm.hostile.cases", 10_000);
    private static final String URL = "jdbc:h2:mem:crm-options-" + ProcessHandle.current().pid()
            + ";DB_CLOSE_DELAY=-1";
    private static final Map<String, String> ENVIRONMENT = Map.of("CRM_JDBC_URL", URL);
    private static final ReusedCommandLine CRM = new ReusedCommandLine(ENVIRONMENT);
    /**
     * One case of a command that keeps data in this many runs on the database, whose dump is compared; the others run
     * on an empty in-memory store (opening the database and dumping it costs a hundred times more than a case).
     */
    private static final int DATABASE_ONE_IN = 10;
    private static final String LONG = "9".repeat(100_000);
    private static final String[] BAD_NUMBERS = {"abc", "1e999999999", "", "NaN", "Infinity", "0x1F", "1,5", LONG,
            "1e-999999999", "--", "12abc", "1e300"};
    private static final String[] NUMBERS = {"0", "1", "3", "0.5", "-1", "100", "0.10", "1e2", "24"};
    private static final String[] BAD_DATES = {"2024-13-01", "yesterday", "", "2024-02-30", LONG};
    private static final String[] BAD_INSTANTS = {"noon", "", "2026-11-23T25:00:00Z", LONG};
    private static final String[] TEXTS = {"anna", "", " ", "x".repeat(5_000), "EUR", "month", "json", "UTC",
            "New,Won", "Europe/Berlin", "nobody@example.com", "=cmd()", "\u0000", "a:1:0.5:0.5", "round-robin",
            "customer_id", "c1", "Qualified", "B2B"};

    @TempDir
    static Path dir;
    private static List<CommandSpec> commands;
    private static String[] files;

    @BeforeAll
    static void seedTheStoreAndFiles() throws IOException {
        CliRun demo = CliRun.crm(ENVIRONMENT, "demo", "--no-report");
        assertEquals(0, demo.exitCode(), demo.toString());
        commands = new ArrayList<>();
        leaves(CrmCommand.commandLine(Map.of()), commands);
        files = new String[] {
                Files.writeString(dir.resolve("orders.csv"), "customer_id,date,amount,channel\nc1,2024-01-05,10,ads\n"
                        + "c2,2024-02-05,20,web\nc1,2024-03-05,5,ads\n").toString(),
                Files.writeString(dir.resolve("bad-orders.csv"), "customer_id,date,amount\nc1,0001-01-01,1e300\n")
                        .toString(),
                Files.writeString(dir.resolve("history.csv"), "deal_id,stage,entered_at\nd1,New,2024-01-01\n"
                        + "d1,Won,2024-01-09\n").toString(),
                Files.writeString(dir.resolve("spend.csv"), "channel,amount,new_customers\nads,100,1\n").toString(),
                Files.writeString(dir.resolve("pipelines.json"), "{\"name\": \"Gen\", \"stages\": [{\"name\": "
                        + "\"Open\"}, {\"name\": \"Won\", \"kind\": \"won\"}, {\"name\": \"Lost\", \"kind\": \"lost\"}]}")
                        .toString(),
                Files.writeString(dir.resolve("strict.json"), "{\"name\": \"A\", \"name\": \"B\"} trailing")
                        .toString(),
                Files.writeString(dir.resolve("team.json"), "{\"members\": [{\"id\": \"anna\"}, {\"id\": \"ben\"}]}")
                        .toString(),
                Files.writeString(dir.resolve("leads.csv"), "first_name,last_name,email,source\nJo,Doe,"
                        + "jo@example.com,web form\n").toString(),
                Files.write(dir.resolve("binary.bin"), new byte[] {0, (byte) 0xFF, 0x1B, '\n', (byte) 0xC3})
                        .toString(),
                dir.resolve("missing.csv").toString(), dir.toString(), dir.resolve("out").toString()};
    }

    @Test
    void options_ofEveryCommand_endInAResultOrOneClearLineAndLeaveTheStoreAsItWas() {
        Baseline store = new Baseline();
        qt().withFixedSeed(1301).withShrinkCycles(0).withExamples(CASES).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            CommandSpec command = commands.get(random.nextInt(commands.size()));
            Case generated = generate(command, random);
            String before = generated.onDatabase ? store.current() : null;
            CliRun run = CRM.crm(generated.args.toArray(String[]::new));
            String shown = String.join(" ", generated.args.stream().map(a -> a.length() > 60
                    ? a.substring(0, 60) + "..(" + a.length() + ")" : a).toList());
            int exit = run.exitCode();
            if (exit < 0 || exit > 3 || (generated.malformed && exit != 2)) {
                throw new AssertionError("exit " + exit + (generated.malformed ? ", expected 2" : "") + " for crm "
                        + shown + "\n" + run);
            }
            if (exit != 0 && exit != 3) {
                ErrorLineAssertions.assertFailedClearly(run, exit, shown);
            }
            if (before != null && exit != 0) {
                String after = StoreDump.of(URL, "", "");
                if (!after.equals(before)) {
                    throw new AssertionError("the store changed in a failed run: crm " + shown + "\n" + run + "\n"
                            + StoreDump.difference(before, after));
                }
            } else if (before != null) {
                store.changed();
            }
        });
    }

    /** The store's dump, taken again only after a run that may have changed it (one that succeeded). */
    private static final class Baseline {
        private String dump;

        String current() {
            if (dump == null) {
                dump = StoreDump.of(URL, "", "");
            }
            return dump;
        }

        void changed() {
            dump = null;
        }
    }

    private static boolean keepsData(CommandSpec command) {
        return command.findOption("--jdbc-url") != null;
    }

    /**
     * A command line, whether one of its values is malformed (so that it must end in exit 2), and whether it runs on
     * the database (else on an empty in-memory store).
     */
    private record Case(List<String> args, boolean malformed, boolean onDatabase) {
    }

    private Case generate(CommandSpec command, Random random) {
        List<String> args = new ArrayList<>(List.of(command.qualifiedName().split(" ")).subList(1,
                command.qualifiedName().split(" ").length));
        boolean dangerous = args.get(0).equals("bench") || args.get(0).equals("demo");
        boolean malformed = false;
        if (command.findOption("--as-of") != null) {
            args.add("--as-of");
            args.add(CliRun.AS_OF);
        }
        boolean onDatabase = keepsData(command) && random.nextInt(DATABASE_ONE_IN) == 0;
        if (keepsData(command) && !onDatabase) {
            args.add("--in-memory");
        }
        if (command.findOption("--out") != null) {
            args.add("--out=" + dir.resolve("report"));
        }
        List<OptionSpec> options = command.options().stream().filter(o -> !o.usageHelp() && !o.versionHelp())
                .toList();
        int count = random.nextInt(5);
        for (int i = 0; i < count && !options.isEmpty(); i++) {
            OptionSpec option = options.get(random.nextInt(options.size()));
            String name = option.names()[random.nextInt(option.names().length)];
            if (option.arity().max() == 0) {
                if (dangerous || random.nextInt(10) == 0) {
                    args.add(name + "=maybe");
                    malformed = true;
                } else {
                    args.add(name);
                }
                continue;
            }
            Value value = value(option.type(), random, dangerous);
            malformed |= value.malformed;
            args.add(random.nextBoolean() ? name + "=" + value.text : name);
            if (!args.get(args.size() - 1).contains("=")) {
                args.add(value.text);
            }
        }
        command.positionalParameters().forEach(p -> {
            if (random.nextInt(5) != 0) {
                args.add(random.nextBoolean() ? files[random.nextInt(files.length)]
                        : TEXTS[random.nextInt(TEXTS.length)]);
            }
        });
        if (dangerous && !malformed || random.nextInt(20) == 0) {
            args.add(random.nextBoolean() ? "--no-such-option" : "-Z");
            malformed = true;
        }
        return new Case(args, malformed, onDatabase);
    }

    private record Value(String text, boolean malformed) {
    }

    private static Value value(Class<?> type, Random random, boolean onlyMalformed) {
        boolean bad = onlyMalformed || random.nextInt(3) == 0;
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == double.class || type == Double.class || type == BigDecimal.class
                || type == long[].class) {
            if (!bad) {
                return new Value(NUMBERS[random.nextInt(NUMBERS.length)], false);
            }
            String text = BAD_NUMBERS[random.nextInt(BAD_NUMBERS.length)];
            // a list of numbers split at commas takes "1,5" as two good numbers: whatever the command then says
            // about them (a funnel's growing counts: exit 1) is not the answer to a malformed value
            return new Value(text, !(type == long[].class && text.equals("1,5")));
        }
        if (type == LocalDate.class) {
            return bad ? new Value(BAD_DATES[random.nextInt(BAD_DATES.length)], true)
                    : new Value(random.nextBoolean() ? "2024-06-30" : "2026-11-23", false);
        }
        if (type == Instant.class) {
            return bad ? new Value(BAD_INSTANTS[random.nextInt(BAD_INSTANTS.length)], true)
                    : new Value("2026-11-23", false);
        }
        if (type == Path.class) {
            return bad ? new Value(random.nextBoolean() ? "" : "a\u0000b", true)
                    : new Value(files[random.nextInt(files.length)], false);
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return bad ? new Value(random.nextBoolean() ? "nope" : LONG, true)
                    : new Value(constants[random.nextInt(constants.length)].toString().toLowerCase(), false);
        }
        if (onlyMalformed) {
            return new Value(BAD_NUMBERS[0], false); // a string option has no malformed value; the caller adds one
        }
        return new Value(TEXTS[random.nextInt(TEXTS.length)], false);
    }

    private static void leaves(CommandLine command, List<CommandSpec> out) {
        if (command.getSubcommands().isEmpty() || command.getCommandSpec().name().equals("help")) {
            out.add(command.getCommandSpec());
            return;
        }
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                leaves(sub, out);
            }
        });
    }
}
