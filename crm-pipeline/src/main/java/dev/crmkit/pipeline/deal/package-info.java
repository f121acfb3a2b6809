/**
 * Deals: the {@link dev.crmkit.pipeline.deal.Deal} aggregate that moves through a pipeline's stages, the
 * {@link dev.crmkit.pipeline.deal.StageChange} outcome of a move, its events, its stage history, and the storage ports
 * {@link dev.crmkit.pipeline.deal.Deals} and {@link dev.crmkit.pipeline.deal.StageHistory}.
 */
package dev.crmkit.pipeline.deal;
