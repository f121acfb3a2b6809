package dev.crmkit.core.duplicate;

import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.kernel.HostileText;
import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

/**
 * {@link Normalize#name} and {@link Normalize#text}, now one scan, give exactly what the chain of regular expressions
 * they replaced gave (kept here as the reference), and {@link NameKeys}, which works on their output, gives every
 * name the keys the regular expressions gave, also when many names are read in turn or a name comes back later.
 */
class NormalizeScannerTest {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER = Pattern.compile("[^\\p{L}]+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{Nd}]+");

    private static final Gen<String> HOSTILE = HostileText.upTo(40).describedAs(HostileText::escaped);

    /** Names people have: plain, accented, several words, apostrophes and hyphens, in any case. */
    private static final Gen<String> NAMEISH = HostileText.fromAlphabet(
            "aeiouklmnrstAEKMSZ ßäöüéÉİıçñł'-", 14).mix(HostileText.upTo(12), 25);

    private static String oldText(String raw) {
        String s = Normalizer.normalize(raw.toLowerCase(Locale.ROOT).replace("ß", "ss"), Normalizer.Form.NFD);
        return NOT_ALNUM.matcher(MARKS.matcher(s).replaceAll("")).replaceAll(" ").strip();
    }

    private static String oldName(String raw) {
        String s = Normalizer.normalize(raw.toLowerCase(Locale.ROOT).replace("ß", "ss"), Normalizer.Form.NFD);
        return NOT_LETTER.matcher(MARKS.matcher(s).replaceAll("")).replaceAll(" ").strip();
    }

    private static String oldKey(String first, String last) {
        String lastSound = Prepared.sound(last);
        return first.isEmpty() || lastSound.isEmpty() ? "" : bounded(lastSound + "|" + first.charAt(0));
    }

    private static String oldNameKey(PersonName name) {
        return oldKey(oldName(name.first()), oldName(name.last()));
    }

    private static String oldNicknameKey(PersonName name) {
        String first = oldName(name.first());
        String lastSound = Prepared.sound(oldName(name.last()));
        return first.isEmpty() || lastSound.isEmpty() ? ""
                : bounded(NameVariants.bundled().canonicalKey(first) + "|" + lastSound);
    }

    private static List<String> oldNameKeysToFind(PersonName name) {
        String first = oldName(name.first());
        String last = oldName(name.last());
        Set<String> keys = new LinkedHashSet<>();
        keys.add(oldKey(first, last));
        keys.add(oldKey(last, first));
        oldAlikeKeys(first, last, keys);
        oldAlikeKeys(last, first, keys);
        keys.remove("");
        return List.copyOf(keys);
    }

    private static void oldAlikeKeys(String first, String last, Set<String> keys) {
        String key = oldKey(first, last);
        if (key.isEmpty()) {
            return;
        }
        String prefix = key.substring(0, key.length() - 1);
        for (char alike : NameKeys.alikeInitials(first).toCharArray()) {
            if (alike != first.charAt(0)) {
                keys.add(bounded(prefix + alike));
            }
        }
    }

    private static String bounded(String key) {
        return key.length() <= NameKeys.MAX_LENGTH ? key : key.substring(0, NameKeys.MAX_LENGTH);
    }

    private static PersonName nameOrNull(String first, String last) {
        try {
            return PersonName.of(first, last);
        } catch (ValidationException e) {
            return null; // control characters: no name has them
        }
    }

    @Test
    void name_isTheRegularExpressions() {
        qt().withFixedSeed(17L).withExamples(50_000).forAll(HOSTILE)
                .check(raw -> Normalize.name(raw).equals(oldName(raw)));
    }

    @Test
    void text_isTheRegularExpressions() {
        qt().withFixedSeed(18L).withExamples(50_000).forAll(HOSTILE)
                .check(raw -> Normalize.text(raw).equals(oldText(raw)));
    }

    @Test
    void nameAndText_onCasesTheFastPathsMeet() {
        for (String raw : List.of("", " ", "anna", "Anna", "  anna  ", "anna-lena", "O'Brien", "van der Berg",
                "Müller", "MÜLLER", "Weiß", "ẞ", "İstanbul", "Zoë", "e\u0301", "\u0301e", "a\u0301 b", "a -\u0301- b",
                "Kowalski3", "3", "x\uD800y", "\uD83D\uDE00a", "\u212Aelvin", "\u01C5", "ﬁsh", "a\u00A0b",
                "1st Street 42b", "\u0660\u0661")) {
            assertEquals(oldName(raw), Normalize.name(raw), raw);
            assertEquals(oldText(raw), Normalize.text(raw), raw);
        }
    }

    @Test
    void keys_areComputedFromScratchEvenAfterOtherNames() {
        qt().withFixedSeed(19L).withExamples(20_000)
                .forAll(NAMEISH.describedAs(HostileText::escaped), NAMEISH.describedAs(HostileText::escaped))
                .assuming((first, last) -> nameOrNull(first, last) != null)
                .check((first, last) -> {
                    PersonName name = PersonName.of(first, last);
                    return NameKeys.nameKey(name).equals(oldNameKey(name))
                            && NameKeys.nicknameKey(name).equals(oldNicknameKey(name))
                            && NameKeys.nameKeysToFind(name).equals(oldNameKeysToFind(name))
                            && NameKeys.nameKey(name).equals(oldNameKey(name)); // once more: nothing kept between calls
                });
    }

    @Test
    void keys_ofManyNamesInTurn_areEachNamesOwn() {
        List<PersonName> names = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) { // many names read in turn, twice: no call leans on an earlier one
            names.add(PersonName.of(List.of("Anna", "Bill", "Jürgen", "Kathy", "Zoë").get(i % 5) + (i % 7 == 0
                    ? " Maria" : ""), "Smith" + "x".repeat(i % 11) + List.of("", "son", "-Weiß").get(i % 3)
                    + (char) ('a' + i % 26)));
        }
        for (int round = 0; round < 2; round++) {
            for (PersonName name : names) {
                assertEquals(oldNameKey(name), NameKeys.nameKey(name), name.toString());
                assertEquals(oldNicknameKey(name), NameKeys.nicknameKey(name), name.toString());
            }
        }
    }
}
