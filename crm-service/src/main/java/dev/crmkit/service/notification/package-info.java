/** The notification port the host implements (SMS, messenger, e-mail) and the messages crmkit sends through it. */
package dev.crmkit.service.notification;
