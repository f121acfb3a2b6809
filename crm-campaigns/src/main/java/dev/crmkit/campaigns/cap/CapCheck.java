package dev.crmkit.campaigns.cap;

import java.util.Objects;

/** Whether a message fits the frequency caps, and which cap it hit when it does not. */
public sealed interface CapCheck permits CapCheck.Admitted, CapCheck.CapReached {

    /** Whether the message fits. */
    boolean admitted();

    /** The message fits (or is transactional, so exempt). */
    record Admitted() implements CapCheck {
        @Override
        public boolean admitted() {
            return true;
        }
    }

    /**
     * The message would exceed a cap.
     *
     * @param window the window that is full
     * @param cap    the cap of that window
     */
    record CapReached(CapWindow window, int cap) implements CapCheck {
        /** Checks the window is there. */
        public CapReached {
            Objects.requireNonNull(window, "window");
        }

        @Override
        public boolean admitted() {
            return false;
        }
    }
}
