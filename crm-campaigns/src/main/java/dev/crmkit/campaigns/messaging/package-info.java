/**
 * The messaging port: a channel (e-mail over SMTP, a folder of {@code .eml} files, an SMS or messenger gateway the host
 * implements) that takes one outgoing message with an idempotency key and says whether it took it.
 */
package dev.crmkit.campaigns.messaging;
