/**
 * crmkit's service business: installed equipment, service plans and their schedule, visits, service requests and
 * recorded commitments. Depends on crm-core only.
 */
package dev.crmkit.service;
