package dev.crmkit.core.company;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CompanySizeTest {

    @ParameterizedTest
    @CsvSource({"1, MICRO", "9, MICRO", "10, SMALL", "49, SMALL", "50, MEDIUM", "249, MEDIUM", "250, LARGE",
            "999, LARGE", "1000, ENTERPRISE", "2147483647, ENTERPRISE"})
    void ofHeadCount_givesBand(int people, CompanySize band) {
        assertEquals(band, CompanySize.ofHeadCount(people));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void ofHeadCount_refusesLessThanOne(int people) {
        assertThrows(IllegalArgumentException.class, () -> CompanySize.ofHeadCount(people));
    }

    @Test
    void ofHeadCount_neverGivesUnknown() {
        for (int people = 1; people <= 2000; people++) {
            int n = people;
            assertNotEquals(CompanySize.UNKNOWN, CompanySize.ofHeadCount(n), () -> "head count " + n);
        }
    }
}
