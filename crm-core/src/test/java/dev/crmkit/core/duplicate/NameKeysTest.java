package dev.crmkit.core.duplicate;

import dev.crmkit.core.contact.PersonName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NameKeysTest {

    @Test
    void initialsThatSoundAlike_areLookedUpToo_ownKeyFirst() {
        List<String> cathy = NameKeys.nameKeysToFind(PersonName.of("Cathy", "Smith"));
        assertEquals(NameKeys.nameKey(PersonName.of("Cathy", "Smith")), cathy.get(0));
        assertTrue(cathy.contains(NameKeys.nameKey(PersonName.of("Kathy", "Smith"))), cathy.toString());
        assertTrue(NameKeys.nameKeysToFind(PersonName.of("Kathy", "Smith"))
                .contains(NameKeys.nameKey(PersonName.of("Cathy", "Smith"))));
        assertTrue(NameKeys.nameKeysToFind(PersonName.of("Sindy", "Baker"))
                .contains(NameKeys.nameKey(PersonName.of("Cindy", "Baker"))));
        assertTrue(NameKeys.nameKeysToFind(PersonName.of("Philip", "Baker"))
                .contains(NameKeys.nameKey(PersonName.of("Filip", "Baker"))));
        assertTrue(NameKeys.nameKeysToFind(PersonName.of("Yvonne", "Baker"))
                .contains(NameKeys.nameKey(PersonName.of("Ivonne", "Baker"))));
        assertTrue(NameKeys.nameKeysToFind(PersonName.of("Geoff", "Baker"))
                .contains(NameKeys.nameKey(PersonName.of("Jeff", "Baker"))));
    }

    @Test
    void initialsThatSoundDifferent_areNot() {
        List<String> keys = NameKeys.nameKeysToFind(PersonName.of("Cathy", "Smith"));
        assertTrue(!keys.contains(NameKeys.nameKey(PersonName.of("Mathy", "Smith"))), keys.toString());
        assertEquals(List.of(NameKeys.nameKey(PersonName.of("Ben", "Meyer")),
                NameKeys.nameKey(PersonName.of("Meyer", "Ben"))), NameKeys.nameKeysToFind(PersonName.of("Ben",
                "Meyer")));
    }

    @Test
    void neverMoreKeysThanTheStoresBind_noneForAPartName() {
        for (String first : List.of("Cathy", "Kathy", "Quentin", "Sindy", "Zara", "Cecilia", "Geoff", "Yvonne",
                "Philip", "Ann")) {
            for (String last : List.of("Carter", "Kaiser", "Smith", "Zander", "Jones", "Young")) {
                List<String> keys = NameKeys.nameKeysToFind(PersonName.of(first, last));
                assertTrue(keys.size() <= NameKeys.MAX_KEYS_TO_FIND, first + " " + last + ": " + keys);
                assertEquals(keys.size(), keys.stream().distinct().count());
            }
        }
        assertEquals(List.of(), NameKeys.nameKeysToFind(PersonName.of("Cathy", "")));
    }

    @Test
    void keysOf_givesTheNameKeyAndTheNicknameKey_ofEveryName() {
        String longName = "Bartholomew".repeat(18);
        for (PersonName name : List.of(PersonName.of("Bill", "Smith"), PersonName.of("William", "Smyth"),
                PersonName.of("Kathy", ""), PersonName.of("", "Smith"), PersonName.of("", ""),
                PersonName.of("José María", "García Müller"), PersonName.of("  ANN-marie ", " o'Neil "),
                PersonName.of(longName, longName), PersonName.of("Ng", "Ng"))) {
            NameKeys.Keys keys = NameKeys.keysOf(name);
            assertEquals(NameKeys.nameKey(name), keys.nameKey(), name.toString());
            assertEquals(NameKeys.nicknameKey(name), keys.nicknameKey(), name.toString());
        }
        assertEquals(new NameKeys.Keys("", ""), NameKeys.keysOf(PersonName.of("Kathy", "")));
        assertTrue(NameKeys.keysOf(PersonName.of(longName, longName)).nicknameKey().length() <= NameKeys.MAX_LENGTH);
    }
}
