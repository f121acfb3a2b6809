package dev.crmkit.core.assignment;

import dev.crmkit.core.contract.AssignmentStateContract;

/** Runs the {@link AssignmentState} contract against the test-only in-memory implementation. */
class MapAssignmentStateTest extends AssignmentStateContract {

    @Override
    protected AssignmentState newState() {
        return new MapAssignmentState();
    }
}
