package dev.crmkit.core.contact;

import dev.crmkit.core.company.CompanyId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AffiliationTest {

    private static final CompanyId ACME = new CompanyId(new UUID(0, 1));

    /** Every role, last declared first. */
    private static Set<CompanyRole> backwards() {
        List<CompanyRole> all = List.of(CompanyRole.values());
        Set<CompanyRole> out = new LinkedHashSet<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            out.add(all.get(i));
        }
        return out;
    }

    @Test
    void roles_iterateInTheEnumsOrder() {
        assertEquals(List.of(CompanyRole.values()), List.copyOf(new Affiliation(ACME, backwards(), "").roles()));
        assertEquals(List.of(CompanyRole.values()), List.copyOf(new ContactEvent.ContactAffiliated(
                new ContactId(new UUID(0, 2)), ACME, backwards(), Instant.EPOCH).roles()));
    }
}
