/**
 * Cohort assembly between ingest and the reports: {@link org.clinicaloutcomes.analysis.CohortAnalysis}
 * takes every accepted episode with its sessions ({@link org.clinicaloutcomes.analysis.EpisodeData})
 * and computes the rows of every output table ({@link org.clinicaloutcomes.analysis.OutcomeTables})
 * with the formulas of {@code org.clinicaloutcomes.metrics}, through one accumulator per table
 * ({@code TableAccumulator}). Plain Java: no framework, no I/O.
 */
package org.clinicaloutcomes.analysis;
