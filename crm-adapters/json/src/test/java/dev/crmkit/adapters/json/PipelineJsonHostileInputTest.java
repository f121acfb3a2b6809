package dev.crmkit.adapters.json;

import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.pipeline.definition.PipelineDefinition;
import dev.crmkit.pipeline.definition.Presets;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Hostile pipeline JSON: 10,000 documents made from the presets by random damage (values of the wrong kind,
 * {@code null}, huge numbers, long names, duplicated keys, two pipelines of one name, trailing content, cut-off text,
 * stray characters, deep nesting). Each is either read into definitions that pass their own validation, or refused
 * with a {@link ValidationException} whose violations name where (a JSON path, whose keys may be any text the
 * document holds, or {@code json} for the text as a whole) and whose message is short; never any other exception.
 */
class PipelineJsonHostileInputTest {

    private static final PipelineJson JSON = PipelineJson.standard();
    private static final List<String> VALID = List.of(JSON.write(Presets.b2b()), JSON.write(Presets.b2c()),
            JSON.write(Presets.classicLead()), JSON.writeAll(List.of(Presets.b2b(), Presets.b2c())));
    /** How a path into a list of pipelines starts. */
    private static final Pattern PIPELINE_INDEX = Pattern.compile("pipelines\\[\\d+]([.\\[].*)?");
    private static final String[] VALUES = {"null", "0", "-1", "101", "1e400", "99999999999999999999999", "1.5",
            "true", "\"\"", "\" \"", "\"won\"", "\"lost\"", "\"" + "x".repeat(201) + "\"", "\"\\u0000\"", "[]", "{}",
            "[null]", "\"Won\"", "{\"rule\": \"no-skipping\"}", "\"\\uD800\""};
    private static final String[] KEYS = {"name", "stages", "probability", "kind", "category", "rottingDays",
            "rules", "actions", "lostReasons", "skippingAllowed", "colour", "rule", "fields", "withinHours"};

    @Test
    void read_hostileDocuments_areReadOrRefusedWithPathsNeverThrownOtherwise() {
        qt().withFixedSeed(1101).withExamples(10_000).forAll(longs().all()).checkAssert(seed -> {
            String document = damaged(new Random(seed));
            try {
                List<PipelineDefinition> read = JSON.read(document, Set.of());
                for (PipelineDefinition d : read) {
                    if (!d.validate(Set.of()).isEmpty()) {
                        throw new AssertionError("read but invalid: " + d.validate(Set.of()) + " from " + document);
                    }
                }
            } catch (ValidationException e) {
                checkRefusal(e, document);
            } catch (RuntimeException e) {
                throw new AssertionError("not a ValidationException: " + e + " for " + shown(document), e);
            }
        });
    }

    private static void checkRefusal(ValidationException e, String document) {
        if (e.getMessage().length() > 10 * 400 + 100) {
            throw new AssertionError("message of " + e.getMessage().length() + " characters for " + shown(document));
        }
        for (Violation v : e.violations()) {
            boolean inList = document.stripLeading().startsWith("[") || document.startsWith("{\"pipelines\"");
            if (v.field().isBlank() || inList && v.field().startsWith("pipelines[")
                    && !PIPELINE_INDEX.matcher(v.field()).matches()) {
                throw new AssertionError("not a JSON path: " + v.field() + " (" + v + ") for " + shown(document));
            }
        }
    }

    private static String damaged(Random random) {
        String text = VALID.get(random.nextInt(VALID.size()));
        int damages = 1 + random.nextInt(3);
        for (int i = 0; i < damages; i++) {
            text = damage(text, random);
        }
        return text;
    }

    private static String damage(String text, Random random) {
        switch (random.nextInt(9)) {
            case 0: { // a value replaced
                String key = "\"" + KEYS[random.nextInt(KEYS.length)] + "\":";
                int at = text.indexOf(key);
                if (at < 0) {
                    return text;
                }
                int start = at + key.length();
                int end = valueEnd(text, start);
                return text.substring(0, start) + VALUES[random.nextInt(VALUES.length)] + text.substring(end);
            }
            case 1: { // a key given twice
                String key = "\"" + KEYS[random.nextInt(KEYS.length)] + "\":";
                int at = text.indexOf(key);
                if (at < 0) {
                    return text;
                }
                return text.substring(0, at) + key + VALUES[random.nextInt(VALUES.length)] + "," + text.substring(at);
            }
            case 2: // trailing content
                return text + (random.nextBoolean() ? " {}" : " x");
            case 3: // cut off
                return text.substring(0, random.nextInt(text.length()));
            case 4: { // a stray character
                int at = random.nextInt(text.length());
                char[] stray = {'{', '}', '[', ']', ',', ':', '"', '\\', '\u0000', 'é'};
                return text.substring(0, at) + stray[random.nextInt(stray.length)] + text.substring(at);
            }
            case 5: // two pipelines of one name
                return "[" + text + "," + text + "]";
            case 6: // deep nesting
                return "[".repeat(2_000) + "]".repeat(2_000);
            case 7: { // a name longer than the store holds
                return text.replaceFirst("\"name\":\"[^\"]*\"", "\"name\":\"" + "n".repeat(150 + random.nextInt(100))
                        + "\"");
            }
            default: // a key removed
                return text.replaceFirst("\"" + KEYS[random.nextInt(KEYS.length)] + "\":", "\"gone\":");
        }
    }

    /** The end of the JSON value starting at {@code start} (a string, a number or word, an array or an object). */
    private static int valueEnd(String text, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return text.length();
    }

    private static String shown(String document) {
        return document.length() > 300 ? document.substring(0, 300) + "..." : document;
    }
}
