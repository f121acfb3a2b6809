/**
 * Companies: the {@link dev.crmkit.core.company.Company} aggregate (legal identity, web domain, industry, size,
 * custom fields) and {@link dev.crmkit.core.company.Companies}, its storage port.
 */
package dev.crmkit.core.company;
