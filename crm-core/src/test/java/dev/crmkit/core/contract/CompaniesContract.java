package dev.crmkit.core.contract;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.company.Companies;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.company.CompanySize;
import dev.crmkit.core.company.WebDomain;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

import static dev.crmkit.core.contract.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The contract every {@link Companies} store passes: a web domain belongs to one company at most, names are found by
 * their key, versions are optimistic, records read back exactly and page in creation order. Extend it with a class
 * that returns a fresh, empty store.
 */
public abstract class CompaniesContract {

    /** A fresh, empty store; called before every test. */
    protected abstract CrmStore newStore();

    private Companies companies;
    private Fixtures fx;

    @BeforeEach
    void createStore() {
        companies = newStore().companies();
        fx = new Fixtures();
    }

    @Test
    void insertOrGet_newCompany_storesAtVersion1AndReturnsStoredCopy() {
        Company candidate = fx.company().build();

        Company stored = companies.insertOrGet(candidate);

        assertEquals(candidate.atVersion(1), stored);
        assertEquals(Optional.of(stored), companies.findById(candidate.id()));
        assertEquals(1, companies.count());
    }

    @Test
    void insertOrGet_domainHeldByAnother_returnsThatCompanyAndWritesNothing() {
        Company existing = companies.insertOrGet(fx.company().build());
        Company candidate = fx.company().webDomain(existing.webDomain().orElseThrow()).build();

        Company result = companies.insertOrGet(candidate);

        assertEquals(existing, result);
        assertEquals(1, companies.count());
        assertEquals(Optional.empty(), companies.findById(candidate.id()));
        assertEquals(Optional.empty(), companies.findByName(candidate.name()));
    }

    @Test
    void insertOrGet_withoutDomainOrWithSameName_storesEveryCandidate() {
        companies.insertOrGet(fx.company().name("Acme").noWebDomain().build());
        companies.insertOrGet(fx.company().name("Acme").noWebDomain().build());
        companies.insertOrGet(fx.company().name("Acme").build());

        assertEquals(3, companies.count());
    }

    @Test
    void insertOrGet_versionNotZero_throwsAndWritesNothing() {
        Company candidate = fx.company().build().atVersion(2);

        assertThrows(IllegalArgumentException.class, () -> companies.insertOrGet(candidate));
        assertEquals(0, companies.count());
        assertEquals(Optional.empty(), companies.findByDomain(candidate.webDomain().orElseThrow()));
    }

    @Test
    void insertOrGet_idTaken_throwsAndWritesNothing() {
        Company existing = companies.insertOrGet(fx.company().build());
        Company sameId = fx.company().id(existing.id()).build();

        assertThrows(IllegalArgumentException.class, () -> companies.insertOrGet(sameId));
        assertEquals(Optional.of(existing), companies.findById(existing.id()));
        assertEquals(Optional.empty(), companies.findByDomain(sameId.webDomain().orElseThrow()));
        assertEquals(1, companies.count());
    }

    @Test
    void findById_unknown_isEmpty() {
        companies.insertOrGet(fx.company().build());

        assertEquals(Optional.empty(), companies.findById(new CompanyId(fx.nextId())));
    }

    @Test
    void findByDomain_storedDomain_findsCompany() {
        Company stored = companies.insertOrGet(fx.company().webDomain(WebDomain.parse("https://www.Acme.com/x"))
                .build());

        assertEquals(Optional.of(stored), companies.findByDomain(new WebDomain("acme.com")));
        assertEquals(Optional.empty(), companies.findByDomain(fx.domain()));
    }

    @Test
    void findByName_sameNameKey_findsCompany() {
        Company acme = companies.insertOrGet(fx.company().name("Acme").build());

        assertEquals(Optional.of(acme), companies.findByName("ACME GmbH"));
        assertEquals(Optional.of(acme), companies.findByName("  acme, inc. "));
        assertEquals(Optional.of(acme), companies.findByName("Acme"));
        assertEquals(Optional.empty(), companies.findByName("Acme Rockets"));
    }

    @Test
    void findByName_accentsAndLegalForm_findsCompany() {
        Company stored = companies.insertOrGet(fx.company().name("Müller & Söhne GmbH").build());

        assertEquals(Optional.of(stored), companies.findByName("MULLER SOHNE"));
    }

    @Test
    void findByName_severalWithSameKey_returnsOldest() {
        Company newer = fx.company().name("Acme AG").createdAt(at(10)).build();
        Company oldest = fx.company().name("ACME").createdAt(at(5)).build();
        Company newest = fx.company().name("acme ltd").createdAt(at(20)).build();
        companies.insertOrGet(newer);
        companies.insertOrGet(newest);
        companies.insertOrGet(oldest);

        assertEquals(Optional.of(oldest.atVersion(1)), companies.findByName("Acme GmbH"));
    }

    @Test
    void findByName_afterRename_followsTheChange() {
        Company stored = companies.insertOrGet(fx.company().name("Acme").build());

        Company renamed = companies.update(renamed(stored, "Globex Corp"));

        assertEquals(Optional.empty(), companies.findByName("Acme"));
        assertEquals(Optional.of(renamed), companies.findByName("globex"));
    }

    @Test
    void update_changedCompany_bumpsVersionAndReadsBack() {
        Company stored = companies.insertOrGet(fx.company().build());

        Company profiled = companies.update(stored.withProfile("Software", CompanySize.MEDIUM, at(60)));
        Company again = companies.update(profiled.withWebDomain(Optional.empty(), at(120)));

        assertEquals(2, profiled.version());
        assertEquals(3, again.version());
        assertEquals(stored.withProfile("Software", CompanySize.MEDIUM, at(60))
                .withWebDomain(Optional.empty(), at(120)).atVersion(3), again);
        assertEquals(Optional.of(again), companies.findById(stored.id()));
    }

    @Test
    void update_staleVersion_throwsAndChangesNothing() {
        Company v1 = companies.insertOrGet(fx.company().build());
        Company v2 = companies.update(v1.withProfile("Retail", CompanySize.SMALL, at(60)));
        WebDomain other = fx.domain();

        assertThrows(StaleVersionException.class,
                () -> companies.update(v1.withWebDomain(Optional.of(other), at(120))));

        assertEquals(Optional.of(v2), companies.findById(v1.id()));
        assertEquals(Optional.of(v2), companies.findByDomain(v1.webDomain().orElseThrow()));
        assertEquals(Optional.empty(), companies.findByDomain(other));
    }

    @Test
    void update_unknownId_throwsNoSuchElement() {
        Company never = fx.company().build().atVersion(1);

        assertThrows(NoSuchElementException.class, () -> companies.update(never));
        assertEquals(0, companies.count());
    }

    @Test
    void update_domainOfAnotherCompany_throwsUniqueAndChangesNothing() {
        Company other = companies.insertOrGet(fx.company().build());
        Company mine = companies.insertOrGet(fx.company().build());

        ValidationException e = assertThrows(ValidationException.class,
                () -> companies.update(mine.withWebDomain(other.webDomain(), at(60))));

        Fixtures.assertRule(e, "unique");
        assertEquals(Optional.of(mine), companies.findById(mine.id()));
        assertEquals(Optional.of(mine), companies.findByDomain(mine.webDomain().orElseThrow()));
        assertEquals(Optional.of(other), companies.findByDomain(other.webDomain().orElseThrow()));
    }

    @Test
    void update_removedDomain_isFreedForAnotherCompany() {
        Company stored = companies.insertOrGet(fx.company().build());
        WebDomain domain = stored.webDomain().orElseThrow();

        companies.update(stored.withWebDomain(Optional.empty(), at(60)));
        Company newcomer = fx.company().webDomain(domain).build();

        assertEquals(newcomer.atVersion(1), companies.insertOrGet(newcomer));
        assertEquals(Optional.of(newcomer.atVersion(1)), companies.findByDomain(domain));
    }

    @Test
    void readBack_everyField_equalsWhatWasStored() {
        Company full = fx.company()
                .name(Fixtures.TRICKY_TEXT)
                .legalIdentity("Zoë's \"Rockets\" GmbH 🚀", "HRB 12345", "DE123456789",
                        new Address("registered", "Hauptstraße 5", "10115", "Berlin", "", "DE"))
                .webDomain(WebDomain.parse("bücher.example"))
                .profile("'; DROP TABLE companies; --", CompanySize.ENTERPRISE)
                .customFields(Fixtures.everyFieldValue())
                .updatedAt(at(30))
                .build();

        assertEquals(full.atVersion(1), companies.insertOrGet(full));

        assertEquals(Optional.of(full.atVersion(1)), companies.findById(full.id()));
        assertEquals(Optional.of(full.atVersion(1)), companies.findByDomain(full.webDomain().orElseThrow()));
        assertEquals(Optional.of(full.atVersion(1)), companies.findByName(Fixtures.TRICKY_TEXT));
    }

    @Test
    void readBack_emptyOptionals_equalWhatWasStored() {
        Company bare = fx.company().noWebDomain().build();

        companies.insertOrGet(bare);

        assertEquals(Optional.of(bare.atVersion(1)), companies.findById(bare.id()));
    }

    @Test
    void findAll_pages_walkEveryCompanyOnceInCreationOrder() {
        List<Company> candidates = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            candidates.add(fx.company().createdAt(at(i % 4)).build());
        }
        Collections.shuffle(candidates, new Random(12));
        List<Company> expected = candidates.stream().map(companies::insertOrGet).collect(Collectors.toList());
        expected.sort(Fixtures.byTime(Company::createdAt));

        for (int size : Fixtures.pageSizes(expected.size())) {
            assertEquals(expected, Fixtures.readAll(companies::findAll, size), "page size " + size);
        }
    }

    @Test
    void findAll_sameCreationTime_listsInInsertionOrderNotIdOrder() {
        List<Company> stored = new ArrayList<>();
        for (UUID id : fx.idsDescending(6)) {
            stored.add(companies.insertOrGet(fx.company().id(new CompanyId(id)).createdAt(at(5)).build()));
        }

        assertEquals(stored, Fixtures.readAll(companies::findAll, 4));
    }

    @Test
    void findAll_invalidCursor_throws() {
        companies.insertOrGet(fx.company().build());

        assertThrows(IllegalArgumentException.class, () -> companies.findAll(PageRequest.after("nope", 5)));
    }

    @Test
    void count_afterUpdates_countsEachOnce() {
        Company a = companies.insertOrGet(fx.company().build());
        companies.insertOrGet(fx.company().build());
        companies.update(a.withProfile("Retail", CompanySize.MICRO, at(1)));

        assertEquals(2, companies.count());
    }

    private static Company renamed(Company c, String name) {
        return new Company(c.id(), c.version(), name, c.legalName(), c.registrationNumber(), c.taxNumber(),
                c.legalAddress(), c.webDomain(), c.industry(), c.size(), c.customFields(), c.createdAt(), at(60));
    }
}
