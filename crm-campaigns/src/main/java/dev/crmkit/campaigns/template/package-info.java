/**
 * Message templates: user-editable subject and body per language with a fallback, validated when saved, rendered by a
 * logic-less engine (JMustache) that sees only a map of plain values, never a domain object, and cannot call a method
 * or reach a class from a template.
 */
package dev.crmkit.campaigns.template;
