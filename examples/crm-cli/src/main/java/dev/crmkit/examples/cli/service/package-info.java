/** {@code crm service}: the service business's commands (the plan calculator {@code next}). */
package dev.crmkit.examples.cli.service;
