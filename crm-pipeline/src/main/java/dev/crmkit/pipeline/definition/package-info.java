/**
 * Pipeline definitions: {@link dev.crmkit.pipeline.definition.PipelineDefinition} built in code and validated as a
 * whole, its ordered {@link dev.crmkit.pipeline.definition.Stage}s, the pluggable
 * {@link dev.crmkit.pipeline.definition.StageRule}s and {@link dev.crmkit.pipeline.definition.EntryAction}s with the
 * built-in ones ({@link dev.crmkit.pipeline.definition.Rules}, {@link dev.crmkit.pipeline.definition.Actions}), the
 * ready-made {@link dev.crmkit.pipeline.definition.Presets}, and the storage port
 * {@link dev.crmkit.pipeline.definition.Pipelines}.
 */
package dev.crmkit.pipeline.definition;
