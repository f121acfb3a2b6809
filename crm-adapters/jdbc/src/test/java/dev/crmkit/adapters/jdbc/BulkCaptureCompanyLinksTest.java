package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.lead.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A chunk with many new contacts of one company writes their company links with the contacts' insertion numbers read
 * at once ({@code JdbcContacts.insertAll}, from 16 links on) instead of a sub-query per row: every link carries its
 * contact's {@code seq}, as the one-row insert's sub-query gives it.
 */
class BulkCaptureCompanyLinksTest {

    private static final int PEOPLE = 40;

    private DataSource ds;

    @AfterEach
    void close() {
        if (ds != null) {
            TestDatabase.close(ds);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void manyNewContactsOfOneCompany_eachLinkCarriesItsContactsSeq(TestDatabase db) throws Exception {
        ds = db.isolated();
        Crm crm = Crm.builder().store(JdbcCrmStore.builder(ds).build())
                .clock(Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC))
                .ids(IdGenerator.seeded(17)).defaultRegion("DE").build();
        List<LeadSubmission> chunk = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            chunk.add(LeadSubmission.from(Channel.WEB_FORM).name("Person", "No" + i)
                    .email("person" + i + "@acme.de").company("Acme GmbH").build());
        }

        crm.bulkCapture().captureAll(chunk);

        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(CASE WHEN a.contact_seq = x.seq THEN 1 ELSE 0 END) "
                     + "FROM crm_contact_company a JOIN crm_contact x ON x.id = a.contact_id")) {
            rs.next();
            assertEquals(PEOPLE, rs.getInt(1), "a link per new contact");
            assertEquals(PEOPLE, rs.getInt(2), "each with its contact's seq");
        }
    }
}
