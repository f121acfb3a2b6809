package dev.crmkit.examples.cli;

/** How a command writes its result on standard output. */
public enum OutputFormat {
    /** Lines for people. */
    TEXT,
    /** One JSON object, for scripts. */
    JSON
}
