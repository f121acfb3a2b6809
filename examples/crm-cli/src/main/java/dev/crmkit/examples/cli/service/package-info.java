/** {@code crm service}: the service business's commands (the plan calculator {@code next}, the week's due service {@code due}). */
package dev.crmkit.examples.cli.service;
