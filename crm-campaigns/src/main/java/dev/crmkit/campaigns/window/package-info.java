/**
 * Send windows: the local hours and business days of a contact's time zone in which a message may go out, and the
 * next allowed slot for a message that falls due outside them.
 */
package dev.crmkit.campaigns.window;
