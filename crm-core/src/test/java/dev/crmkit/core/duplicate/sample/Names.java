package dev.crmkit.core.duplicate.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Given names and nicknames (the bundled list), and family names: common real ones followed by a long tail of
 * made-up ones, drawn with a Zipf-like skew so that some names are common and most are rare.
 */
final class Names {

    private static final List<String> COMMON_LAST = List.of("Smith", "Johnson", "Williams", "Brown", "Jones",
            "Miller", "Davis", "Garcia", "Rodriguez", "Wilson", "Martinez", "Anderson", "Taylor", "Thomas",
            "Hernandez", "Moore", "Martin", "Jackson", "Thompson", "White", "Lopez", "Lee", "Gonzalez", "Harris",
            "Clark", "Lewis", "Robinson", "Walker", "Perez", "Hall", "Young", "Allen", "Sanchez", "Wright", "King",
            "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Ramirez", "Campbell", "Mitchell", "Roberts",
            "Carter", "Phillips", "Evans", "Turner", "Torres", "Parker", "Collins", "Edwards", "Stewart", "Flores",
            "Morris", "Nguyen", "Murphy", "Rivera", "Cook", "Rogers", "Morgan", "Peterson", "Cooper", "Reed",
            "Bailey", "Bell", "Gomez", "Kelly", "Howard", "Ward", "Cox", "Diaz", "Richardson", "Wood", "Watson",
            "Brooks", "Bennett", "Gray", "James", "Reyes", "Cruz", "Hughes", "Price", "Myers", "Long", "Foster",
            "Sanders", "Ross", "Morales", "Powell", "Sullivan", "Russell", "Ortiz", "Jenkins", "Gutierrez", "Perry",
            "Butler", "Barnes", "Fisher", "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
            "Becker", "Schulz", "Hoffmann", "O'Brien", "Murray", "Byrne", "Walsh", "MacDonald", "Fraser");
    private static final String[] ONSETS = {"b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "l",
        "m", "n", "p", "pr", "r", "s", "st", "t", "tr", "v", "w", "z", "sh", "th", "bl", "kr", "gl"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "ou", "ie", "oo"};
    private static final String[] CODAS = {"n", "r", "l", "s", "t", "ck", "m", "nd", "rt", "ll", "ng", "ss", "x",
        "rd", "nt"};
    private static final String[] ENDINGS = {"son", "man", "er", "ley", "ton", "berg", "ford", "wick", "ski",
        "ini", "ez", "ov", "stein", "field", "well", "by", "ham", "sen", "ard", "ell"};

    final List<String> first;
    final List<String> last;
    final Map<String, List<String>> nicknames;

    private Names(List<String> first, List<String> last, Map<String, List<String>> nicknames) {
        this.first = first;
        this.last = last;
        this.nicknames = nicknames;
    }

    static Names of(long seed) {
        Map<String, List<String>> nicknames = new HashMap<>();
        Set<String> canonical = new LinkedHashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Names.class.getResourceAsStream("/dev/crmkit/core/duplicate/nicknames.csv"),
                StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cells = line.split(",");
                canonical.add(cells[0]);
                nicknames.computeIfAbsent(cells[0], k -> new ArrayList<>()).add(cells[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Random random = new Random(seed);
        List<String> first = new ArrayList<>(canonical);
        java.util.Collections.shuffle(first, random);
        Set<String> last = new LinkedHashSet<>(COMMON_LAST);
        while (last.size() < 20_000) {
            StringBuilder b = new StringBuilder(ONSETS[random.nextInt(ONSETS.length)])
                    .append(VOWELS[random.nextInt(VOWELS.length)]);
            if (random.nextBoolean()) {
                b.append(CODAS[random.nextInt(CODAS.length)]);
            }
            b.append(ENDINGS[random.nextInt(ENDINGS.length)]);
            last.add(Character.toUpperCase(b.charAt(0)) + b.substring(1));
        }
        return new Names(first, new ArrayList<>(last), nicknames);
    }

    static String capitalised(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * An index into a list of the size, skewed towards the start: the density falls as 1 / (index + offset), so the
     * first name drawn with offset 50 out of 20,000 has a share of about 0.3% (as "Smith" in the US).
     */
    static int skewed(Random random, int size, double offset) {
        double u = random.nextDouble();
        double x = Math.pow(size + offset, u) * Math.pow(offset, 1 - u);
        return (int) Math.min(size - 1, Math.max(0, Math.floor(x - offset)));
    }
}
