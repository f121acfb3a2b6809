package dev.crmkit.examples.cli;

import dev.crmkit.core.Crm;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.examples.MutableClock;
import dev.crmkit.examples.cli.pipeline.BoardView;
import dev.crmkit.examples.cli.pipeline.PipelineSetup;
import dev.crmkit.pipeline.DealPipeline;
import dev.crmkit.pipeline.deal.ConvertLead;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealFilter;
import dev.crmkit.pipeline.deal.LeadConversion;
import dev.crmkit.pipeline.deal.MoveDeal;
import dev.crmkit.pipeline.deal.StageChange;
import dev.crmkit.pipeline.definition.Actor;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.forecast.Board;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The deals part of {@code crm demo}: the next three new leads are qualified and converted into deals of the B2B
 * pipeline; the first is worked through every stage to won, the second tries to jump ahead and is refused with every
 * reason, the third stays where it starts. A store kept between runs holds the deals of earlier runs, and each run
 * takes the next three new leads.
 */
final class DemoDeals {

    private static final Actor ANNA = Actor.of("anna", "sales");
    private static final String PIPELINE = "B2B";

    private final Crm crm;
    private final DealPipeline pipelines;
    private final MutableClock clock;
    private final List<String> steps = new ArrayList<>();
    private final List<Deal> opened = new ArrayList<>();
    private StageChange.StageChangeRejected refused;

    private DemoDeals(Crm crm, DealPipeline pipelines, MutableClock clock) {
        this.crm = crm;
        this.pipelines = pipelines;
        this.clock = clock;
    }

    /** What the demo did with deals, and the board afterwards. */
    record Result(List<Deal> opened, List<String> steps, Optional<StageChange.StageChangeRejected> refused,
                  Board board) {

        Map<String, Object> json() {
            return JsonOutput.object(
                    "pipeline", board.pipeline().name(),
                    "opened", opened.stream().map(d -> JsonOutput.object("id", d.id().toString(), "title", d.title(),
                            "amount", d.amount().map(m -> m.amount().toPlainString()).orElse(null))).toList(),
                    "steps", steps,
                    "refused", refused.map(r -> JsonOutput.object("deal", r.dealId().toString(), "from", r.from(),
                            "to", r.to(), "reasons", r.reasons().stream()
                                    .map(x -> JsonOutput.object("rule", x.rule(), "message", x.message())).toList()))
                            .orElse(null),
                    "board", BoardView.json(board));
        }

        void print(PrintWriter out) {
            out.println();
            out.println("Deals (" + board.pipeline().name() + " pipeline)");
            if (opened.isEmpty()) {
                out.println("  no new lead left to qualify: showing the deals of earlier runs");
            }
            for (Deal d : opened) {
                out.printf(Locale.ROOT, "  opened  %-44s %s%n", "\"" + d.title() + "\"",
                        d.amount().map(BoardView::money).orElse("(no amount yet)"));
            }
            steps.forEach(s -> out.println("  " + s));
            refused.ifPresent(r -> {
                out.printf("  refused: moving straight from %s to %s needs:%n", r.from(), r.to());
                r.reasons().forEach(x -> out.printf("    - %s (%s)%n", x.message(), x.rule()));
            });
            out.println();
            BoardView.print(out, board);
        }
    }

    /** Runs the deals part on the demo's Crm. */
    static Result run(Crm crm, DealPipeline pipelines, MutableClock clock) {
        return new DemoDeals(crm, pipelines, clock).run();
    }

    private Result run() {
        PipelineSetup.ensure(pipelines, Optional.empty());
        Pipeline b2b = pipelines.makeDefault(pipelines.pipelineNamed(PIPELINE).orElseThrow().id());
        List<Lead> fresh = crm.store().leads().findByStatus(LeadStatus.NEW, PageRequest.first(3)).items();
        List<Optional<Money>> amounts = List.of(Optional.of(Money.of("24000.00", "EUR")), Optional.empty(),
                Optional.of(Money.of("8500.00", "EUR")));
        LocalDate closing = LocalDate.ofInstant(clock.instant(), clock.getZone()).plusMonths(2).withDayOfMonth(1);
        for (int i = 0; i < fresh.size(); i++) {
            Lead lead = fresh.get(i);
            crm.leads().changeStatus(lead.id(), LeadStatus.QUALIFIED, "needs confirmed on the first call",
                    Optional.of(ANNA.user()));
            LeadConversion conversion = pipelines.convert(new ConvertLead(lead.id(), b2b.id(), "", amounts.get(i),
                    Optional.of(closing.plusMonths(i)), ANNA));
            if (conversion instanceof LeadConversion.Converted converted) {
                opened.add(converted.deal());
            } else if (conversion instanceof LeadConversion.ConversionRefused no) {
                steps.add("lead " + lead.id() + " not converted: " + no.message() + " (" + no.rule() + ")");
            }
        }
        if (!opened.isEmpty()) {
            workToWon(opened.get(0));
        }
        if (opened.size() > 1) {
            StageChange jump = pipelines.move(MoveDeal.to(opened.get(1).id(), "Agreement", ANNA));
            if (jump instanceof StageChange.StageChangeRejected rejected) {
                refused = rejected;
            }
        }
        Board board = pipelines.forecasts().board(DealFilter.pipeline(b2b.id()));
        return new Result(List.copyOf(opened), List.copyOf(steps), Optional.ofNullable(refused), board);
    }

    /** Solution search, options evaluated, an approved offer, agreement, a signed contract, deal: won. */
    private void workToWon(Deal deal) {
        move(deal, "Solution search");
        move(deal, "Options evaluated");
        later(Duration.ofMinutes(20));
        pipelines.attachDocument(deal.id(), "offer", "approved");
        steps.add("attached  offer: approved");
        move(deal, "Agreement");
        later(Duration.ofMinutes(20));
        pipelines.attachDocument(deal.id(), "contract", "signed");
        steps.add("attached  contract: signed");
        move(deal, "Deal");
    }

    private void move(Deal deal, String stage) {
        later(Duration.ofMinutes(10));
        StageChange change = pipelines.move(MoveDeal.to(deal.id(), stage, ANNA));
        if (change instanceof StageChange.StageChanged moved) {
            String actions = moved.actionsRun().isEmpty() ? "" : "; " + String.join("; ", moved.actionsRun());
            steps.add(String.format(Locale.ROOT, "moved     \"%s\" %s -> %s%s", deal.title(),
                    moved.entry().from().orElse("-"), moved.entry().to(), actions));
        } else if (change instanceof StageChange.StageChangeRejected no) {
            steps.add("refused   \"" + deal.title() + "\" -> " + stage + ": " + String.join("; ",
                    no.reasons().stream().map(r -> r.message() + " (" + r.rule() + ")").toList()));
        }
    }

    private void later(Duration step) {
        clock.set(clock.instant().plus(step));
    }

}
