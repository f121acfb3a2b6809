package dev.crmkit.pipeline.definition;

import dev.crmkit.core.activity.Activity;

import java.util.List;

/** The timeline entries of the moving deal that occurred since it entered its current stage, read on demand. */
@FunctionalInterface
public interface StageActivities {

    /** The activities, newest first. */
    List<Activity> sinceStageEntered();

    /** No activities at all. */
    static StageActivities none() {
        return List::of;
    }
}
