package dev.crmkit.service.schedule;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One occurrence of a service plan: its number (1 for the first) and the day it is due. Immutable and thread-safe.
 *
 * @param number the occurrence's number, from 1
 * @param due    the day it is due
 */
public record Occurrence(int number, LocalDate due) {

    /**
     * Checks the occurrence.
     *
     * @throws IllegalArgumentException if the number is below 1
     */
    public Occurrence {
        if (number < 1) {
            throw new IllegalArgumentException("an occurrence's number starts at 1, was " + number);
        }
        Objects.requireNonNull(due, "due");
    }
}
