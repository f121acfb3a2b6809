package dev.crmkit.core.access;

/** Permissions that are about configuring the CRM rather than about one record. */
public enum AdminPermission {
    /** Define and revise pipelines. */
    PIPELINES,
    /** Change scoring models. */
    SCORING_MODELS,
    /** Change assignment rules. */
    ASSIGNMENT_RULES,
    /** Define custom field schemas. */
    CUSTOM_FIELD_SCHEMAS,
    /** See team statistics and metrics. */
    STATISTICS,
    /** Change users, teams, roles, defaults and others' shares. */
    ACCESS
}
