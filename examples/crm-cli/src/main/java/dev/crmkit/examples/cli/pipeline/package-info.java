/**
 * The {@code crm pipeline} and {@code crm deal} commands, and the pipelines the {@code crm} program works with: the
 * presets, or those of a {@code --pipelines} JSON file.
 */
package dev.crmkit.examples.cli.pipeline;
