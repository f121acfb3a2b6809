/**
 * The {@code crm} command-line program: {@link dev.crmkit.examples.cli.CrmCommand} and its subcommands
 * {@code demo}, {@code import}, {@code bench capture} and {@code bench jdbc}, wired to crmkit by
 * {@link dev.crmkit.examples.cli.CrmSetup} on the store {@link dev.crmkit.examples.cli.StoreOptions} selects: an H2
 * database in {@code ./.crm/} by default, PostgreSQL or MariaDB by {@code --jdbc-url}, or memory.
 */
package dev.crmkit.examples.cli;
