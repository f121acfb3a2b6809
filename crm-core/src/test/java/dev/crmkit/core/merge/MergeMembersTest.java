package dev.crmkit.core.merge;

import dev.crmkit.core.kernel.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MergeMembersTest {

    @Test
    void check_namesTheRecordsInTheListsOwnPlural() {
        List<Violation> one = MergeMembers.check("companies", "company", List.of("c1"), Optional.of("c9"));
        assertEquals(List.of(
                new Violation("companies", "min-size", "a merge needs at least two companies, got 1"),
                new Violation("survivor", "member", "the survivor c9 is not one of the companies merged")), one);
    }

    @Test
    void check_aListedTwiceIdIsNamed_andCountsOnce() {
        List<Violation> twice = MergeMembers.check("leads", "lead", List.of("l1", "l1"), Optional.empty());
        assertEquals(List.of(new Violation("leads", "unique", "a lead is listed twice"),
                new Violation("leads", "min-size", "a merge needs at least two leads, got 1")), twice);
    }
}
