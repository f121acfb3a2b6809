package dev.crmkit.kit.migration;

import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.deal.StageHistoryEntry;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.Stage;
import dev.crmkit.pipeline.definition.StageKind;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

/**
 * A deal row, opened in its mapped stage of one pipeline at its source times: created then, in its stage since
 * {@code stageEnteredAt} (default: created), won or lost then if the stage is a won or lost one. Its stage history
 * gets the one entry of that stage, by the migration's user.
 */
final class DealWriter implements RecordWriter {

    private final Pipeline pipeline;

    DealWriter(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public Optional<Landing> write(Row row, Run run) {
        String title = row.required("title");
        String stageName = row.required("stage");
        Optional<Stage> stage = pipeline.definition().stage(stageName);
        if (!stageName.isEmpty() && stage.isEmpty()) {
            row.problems.add(new Violation("stage", "stage-in-pipeline", "stage '" + stageName + "' is not a stage"
                    + " of pipeline '" + pipeline.name() + "'; map the source's stage names in values.stage"));
        }
        Optional<Money> amount = amount(row);
        Optional<LocalDate> close = row.date("expectedCloseDate");
        Optional<UUID> contact = row.reference("contact", SourceType.CONTACT);
        Optional<UUID> company = row.reference("company", SourceType.COMPANY);
        Optional<UserId> owner = row.parsed("owner", UserId::of);
        Instant created = row.instant("createdAt").orElseGet(run::now);
        Instant entered = row.instant("stageEnteredAt").orElse(created);
        String lostReason = row.text("lostReason").orElse("");
        CustomFields fields = row.customFields(run.store().customFieldSchemas().schemaFor(RecordType.DEAL));
        if (!row.ok()) {
            return Optional.empty();
        }
        Deal.Builder deal = Deal.builder(new DealId(run.ids().next()), pipeline.id(), title, stageName, created)
                .stageEnteredAt(entered).stageProbability(stage.get().probability())
                .terms(amount, close, Optional.empty())
                .parties(owner, contact.map(ContactId::new), company.map(CompanyId::new), Optional.empty())
                .customFields(fields).updatedAt(entered.isAfter(created) ? entered : created);
        if (stage.get().kind() == StageKind.WON) {
            deal.wonAt(entered);
        } else if (stage.get().kind() == StageKind.LOST) {
            deal.lostAt(entered, lostReason);
        }
        Deal stored = run.store().deals().insert(deal.build());
        run.store().stageHistory().append(new StageHistoryEntry(run.ids().next(), stored.id(), stored.version(),
                pipeline.id(), Optional.empty(), stageName, run.mapping().actor(), entered, Duration.ZERO));
        return Optional.of(Landing.created(stored.id().value()));
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw ValidationException.of("amount", "format", "not a decimal number (digits and one '.': 1234.50)");
        }
    }

    private static Optional<Money> amount(Row row) {
        Optional<BigDecimal> value = row.parsed("amount", DealWriter::decimal);
        Optional<String> code = row.text("currency").or(() -> row.file.constant("currency"));
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (code.isEmpty()) {
            row.problems.add(new Violation("currency", "required", "an amount needs a currency: map a currency "
                    + "column or set deals.currency"));
            return Optional.empty();
        }
        try {
            return Optional.of(Money.of(value.get(), Currency.getInstance(code.get())));
        } catch (IllegalArgumentException e) {
            row.problems.add(new Violation(row.file.columns().containsKey("currency") ? "currency" : "amount",
                    "format", "'" + code.get() + "' with '" + value.get() + "': " + e.getMessage()));
            return Optional.empty();
        }
    }
}
