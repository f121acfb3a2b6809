/**
 * E-mail channels of the campaigns' messaging port: {@link dev.crmkit.adapters.mail.SmtpChannel} over Jakarta Mail
 * (Eclipse Angus) and {@link dev.crmkit.adapters.mail.EmlFolderChannel}, which writes each message as an {@code .eml}
 * file. Both carry the message's idempotency key as its Message-ID so that a repeat can be recognised.
 */
package dev.crmkit.adapters.mail;
