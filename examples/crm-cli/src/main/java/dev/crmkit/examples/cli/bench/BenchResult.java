package dev.crmkit.examples.cli.bench;

import dev.crmkit.examples.cli.leadimport.OutcomeKind;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The figures of one {@link CaptureBenchmark} run.
 *
 * @param settings     what was run
 * @param throughput   the timed passes
 * @param contactsOnly the heap of a store holding only contacts
 * @param fullCapture  the heap of a store after full capture
 */
public record BenchResult(CaptureBenchmark.Settings settings, Throughput throughput, Heap contactsOnly,
                          Heap fullCapture) {

    /**
     * The timed passes.
     *
     * @param generationNanos how long generating the submissions took
     * @param baselineNanos   how long normalizing and mapping them took
     * @param captureNanos    how long capturing them took
     * @param outcomes        the capture outcomes by kind
     * @param contacts        the contacts the capture created
     */
    public record Throughput(long generationNanos, long baselineNanos, long captureNanos,
                             Map<OutcomeKind, Long> outcomes, long contacts) {
        /** Copies the outcomes, keeping them in the order of the kinds. */
        public Throughput {
            outcomes = Collections.unmodifiableMap(new EnumMap<>(outcomes));
        }
    }

    /**
     * What a filled store costs on the heap.
     *
     * @param contacts      the contacts stored
     * @param bytes         the growth of the used heap
     * @param rawTextBytes  the UTF-16 size of the contacts' names, e-mails and phones (2 bytes a char); negative
     *                      when not measured
     */
    public record Heap(long contacts, long bytes, long rawTextBytes) {
        /** Heap bytes per contact. */
        public long bytesPerContact() {
            return contacts == 0 ? 0 : bytes / contacts;
        }

        /** Raw text bytes per contact. */
        public long rawTextBytesPerContact() {
            return contacts == 0 || rawTextBytes < 0 ? 0 : rawTextBytes / contacts;
        }
    }

    /** Submissions per second of the baseline. */
    public double baselinePerSecond() {
        return perSecond(throughput.baselineNanos());
    }

    /** Submissions per second of full capture. */
    public double capturePerSecond() {
        return perSecond(throughput.captureNanos());
    }

    /** How many times more submissions per second the baseline handles than full capture. */
    public double ratio() {
        return baselinePerSecond() / capturePerSecond();
    }

    private double perSecond(long nanos) {
        return settings.leads() * 1e9 / Math.max(1, nanos);
    }
}
