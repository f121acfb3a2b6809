/**
 * The {@code crm} command-line program: {@link dev.crmkit.examples.cli.CrmCommand} and its subcommands
 * {@code demo}, {@code import} and {@code bench capture}, wired to crmkit by {@link dev.crmkit.examples.cli.CrmSetup}.
 */
package dev.crmkit.examples.cli;
