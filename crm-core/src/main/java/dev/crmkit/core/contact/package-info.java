/**
 * People: the {@link dev.crmkit.core.contact.Contact} aggregate with its names, e-mails, phones, addresses,
 * language, birthday, marketing consent, company affiliations and custom fields; {@link dev.crmkit.core.contact.Contacts}
 * is its storage port.
 */
package dev.crmkit.core.contact;
