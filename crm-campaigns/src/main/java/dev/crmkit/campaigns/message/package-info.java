/** The messages a campaign makes due: their kind (marketing or transactional) and the due message itself. */
package dev.crmkit.campaigns.message;
