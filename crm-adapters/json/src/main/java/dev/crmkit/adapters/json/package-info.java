/**
 * JSON formats of crmkit's definitions, read and written with Jackson: {@link dev.crmkit.adapters.json.PipelineJson}
 * for pipeline definitions (the {@code --pipelines} files of the {@code crm} program and the JDBC store's pipeline
 * table).
 */
package dev.crmkit.adapters.json;
