package dev.crmkit.examples.cli.metrics;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.examples.cli.Pages;
import dev.crmkit.metrics.funnel.Funnel;
import dev.crmkit.metrics.funnel.FunnelReport;
import dev.crmkit.metrics.funnel.StageCount;
import dev.crmkit.pipeline.PipelineStore;
import dev.crmkit.pipeline.forecast.Forecasts;
import dev.crmkit.pipeline.forecast.MoneyTotals;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the report reads from a crmkit store: the lead funnel by status, the contacts (as the customers of a sample
 * order history), each contact's acquisition channel (the channel of its earliest lead) and the day of the latest
 * lead. Immutable.
 *
 * <p>The lead funnel counts a lead as having reached a stage when its status is that stage or a later one on the way
 * to conversion: captured (every lead), working (working, qualified, converted), qualified (qualified, converted),
 * converted. A disqualified lead counts as captured only, since its status does not say how far it got.
 *
 * @param description where the store is, for the page
 * @param leadFunnel  the lead funnel
 * @param customers   the contacts' ids, sorted
 * @param channelOf   each contact's acquisition channel (lower case), for the contacts with a lead
 * @param latestLead  the creation day (UTC) of the latest lead, when there is a lead
 * @param forecast    the weighted forecast (amount x probability; won 100%, lost 0) of the store's deals by
 *                    expected close month, sorted; empty when the store keeps no deals
 */
public record StoreData(String description, FunnelReport leadFunnel, List<String> customers,
        Map<String, String> channelOf, Optional<LocalDate> latestLead, Map<YearMonth, MoneyTotals> forecast) {

    /** Reads the store. */
    public static StoreData read(CrmStore store, String description) {
        long[] reached = new long[4];
        Map<String, Lead> earliest = new TreeMap<>();
        LocalDate[] latest = {null};
        Pages.forEach(r -> store.leads().findAll(r), lead -> {
            reached[0]++;
            LeadStatus status = lead.status();
            if (status == LeadStatus.WORKING || status == LeadStatus.QUALIFIED || status == LeadStatus.CONVERTED) {
                reached[1]++;
            }
            if (status == LeadStatus.QUALIFIED || status == LeadStatus.CONVERTED) {
                reached[2]++;
            }
            if (status == LeadStatus.CONVERTED) {
                reached[3]++;
            }
            earliest.merge(lead.contactId().value().toString(), lead,
                    (a, b) -> a.createdAt().isAfter(b.createdAt()) ? b : a);
            LocalDate day = lead.createdAt().atOffset(ZoneOffset.UTC).toLocalDate();
            if (latest[0] == null || day.isAfter(latest[0])) {
                latest[0] = day;
            }
        });
        List<String> customers = new ArrayList<>();
        Pages.forEach(r -> store.contacts().findAll(r), (Contact c) -> customers.add(c.id().value().toString()));
        customers.sort(null);
        Map<String, String> channelOf = new TreeMap<>();
        earliest.forEach((contact, lead) -> channelOf.put(contact,
                lead.source().channel().name().toLowerCase(Locale.ROOT)));
        FunnelReport funnel = Funnel.ofCounts(List.of(new StageCount("captured", reached[0]),
                new StageCount("working", reached[1]), new StageCount("qualified", reached[2]),
                new StageCount("converted", reached[3])));
        Map<YearMonth, MoneyTotals> forecast = store instanceof PipelineStore deals
                ? new TreeMap<>(new Forecasts(deals.pipelines(), deals.deals()).weighted(List.of(), Optional.empty())
                        .byMonth())
                : Map.of();
        return new StoreData(description, funnel, List.copyOf(customers), Map.copyOf(channelOf),
                Optional.ofNullable(latest[0]), Collections.unmodifiableMap(forecast));
    }
}
