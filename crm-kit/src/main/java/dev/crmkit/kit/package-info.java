/**
 * The composition root: {@link dev.crmkit.kit.Crmkit} wires every crmkit module on one
 * {@link dev.crmkit.kit.CrmkitStore}, given once.
 */
package dev.crmkit.kit;
