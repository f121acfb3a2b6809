/** The people a campaign addresses, as the campaigns see them, and the consent rule for each kind of message. */
package dev.crmkit.campaigns.audience;
