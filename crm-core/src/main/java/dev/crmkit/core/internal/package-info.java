/**
 * Internal to crmkit, not API: helpers that crmkit's own adapters share with crm-core and that hosts must not use.
 * Anything here may change or go in any release without notice; the architecture tests allow only crmkit's stores
 * named there to depend on this package.
 */
package dev.crmkit.core.internal;
