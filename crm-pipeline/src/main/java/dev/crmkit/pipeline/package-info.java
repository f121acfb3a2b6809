/**
 * crm-pipeline's entry point: {@link dev.crmkit.pipeline.DealPipeline#builder()} wires a crm-core
 * {@link dev.crmkit.core.Crm} and a {@link dev.crmkit.pipeline.PipelineStore} into the pipeline use cases (define
 * and revise pipelines, open, move and convert deals, rotting, boards and forecasts).
 */
package dev.crmkit.pipeline;
