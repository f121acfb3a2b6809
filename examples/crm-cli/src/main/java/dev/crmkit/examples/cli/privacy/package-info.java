/** {@code crm privacy export} and {@code crm privacy erase}: a person's data out of the store, or erased from it. */
package dev.crmkit.examples.cli.privacy;
