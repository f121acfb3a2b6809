package dev.crmkit.kit.migration;

import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.company.WebDomain;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.kernel.RecordType;

import java.time.Instant;
import java.util.Optional;

/** A company row: name, web domain (a company already at that domain is merged into), creation time. */
final class CompanyWriter implements RecordWriter {

    @Override
    public Optional<Landing> write(Row row, Run run) {
        String name = row.required("name");
        Optional<WebDomain> domain = row.parsed("webDomain", WebDomain::parse);
        Instant at = row.instant("createdAt").orElseGet(run::now);
        CustomFields fields = row.customFields(run.store().customFieldSchemas().schemaFor(RecordType.COMPANY));
        if (!row.ok()) {
            return Optional.empty();
        }
        Company candidate = Company.create(new CompanyId(run.ids().next()), name, domain, at)
                .withCustomFields(fields, at);
        Company stored = run.store().companies().insertOrGet(candidate);
        return Optional.of(stored.id().equals(candidate.id()) ? Landing.created(stored.id().value())
                : Landing.merged(stored.id().value(), "webDomain"));
    }
}
