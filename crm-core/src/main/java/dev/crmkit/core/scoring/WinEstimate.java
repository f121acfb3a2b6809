package dev.crmkit.core.scoring;

import java.util.Objects;

/** A lead's win probability: typed by hand, or the model's with its explanation. */
public sealed interface WinEstimate {

    /** The probability, 0 to 1. */
    double probability();

    /**
     * A user's probability, which overrides the model until cleared.
     *
     * @param manual what they typed
     */
    record Manual(ManualProbability manual) implements WinEstimate {
        /** Validates presence. */
        public Manual {
            Objects.requireNonNull(manual, "manual");
        }

        @Override
        public double probability() {
            return manual.probability().doubleValue();
        }
    }

    /**
     * The model's probability.
     *
     * @param prediction the prediction with its contributions
     */
    record Predicted(WinPrediction prediction) implements WinEstimate {
        /** Validates presence. */
        public Predicted {
            Objects.requireNonNull(prediction, "prediction");
        }

        @Override
        public double probability() {
            return prediction.probability();
        }
    }
}
