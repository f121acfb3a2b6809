package dev.crmkit.pipeline;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.Timeline;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.definition.StageActivities;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The deal's timeline entries since it entered its stage, read page by page (newest first) on the first call only.
 * Entries are those its owner can see (public ones and the owner's private ones). Not thread-safe: one per move.
 */
final class StageTimeline implements StageActivities {

    private static final int PAGE = 100;

    private final Timeline timeline;
    private final Deal deal;
    private List<Activity> read;

    StageTimeline(Timeline timeline, Deal deal) {
        this.timeline = timeline;
        this.deal = deal;
    }

    @Override
    public List<Activity> sinceStageEntered() {
        if (read == null) {
            read = load();
        }
        return read;
    }

    private List<Activity> load() {
        RecordRef ref = new RecordRef(RecordType.DEAL, deal.id().value());
        TimelineFilter filter = deal.owner().map(TimelineFilter::seenBy).orElse(TimelineFilter.everything());
        List<Activity> out = new ArrayList<>();
        PageRequest request = PageRequest.first(PAGE);
        while (true) {
            Page<Activity> page = timeline.of(ref, filter, request);
            for (Activity a : page.items()) {
                if (a.occurredAt().isBefore(deal.stageEnteredAt())) {
                    return List.copyOf(out);
                }
                out.add(a);
            }
            Optional<PageRequest> next = request.next(page);
            if (next.isEmpty()) {
                return List.copyOf(out);
            }
            request = next.get();
        }
    }
}
