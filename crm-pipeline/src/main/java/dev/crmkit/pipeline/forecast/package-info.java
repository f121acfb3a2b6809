/**
 * Views and forecasts over deals: the {@link dev.crmkit.pipeline.forecast.Board} (count and totals per stage), the
 * {@link dev.crmkit.pipeline.forecast.WeightedForecast} (amount times probability by close month, owner and pipeline,
 * and the cumulative forecast categories), computed by {@link dev.crmkit.pipeline.forecast.Forecasts}.
 */
package dev.crmkit.pipeline.forecast;
