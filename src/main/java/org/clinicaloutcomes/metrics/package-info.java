/**
 * Pure outcome metrics of METRICS.md: plain records and static functions, no I/O and no
 * framework.
 *
 * <p>Conventions shared by every type of the package:
 * <ul>
 *   <li>A value that is not defined (a rate over 0, an SD of fewer than two values, a ratio over
 *       an SD of 0, a correlation with an SD of 0, a test without two groups) is {@code null},
 *       never {@code NaN} or an infinity. The CSV writer prints {@code null} as an empty cell.</li>
 *   <li>Counts over an empty group are {@code 0}; counts that do not apply (no cut-off, response
 *       on a higher-is-better instrument) are {@code null}.</li>
 *   <li>Percentages are {@code 100.0 * k / n} in that order of operations, so that they agree
 *       bit for bit with the reference implementation.</li>
 *   <li>{@code z} is the exact 0.975 normal quantile ({@link Statistics#Z_975}); t quantiles are
 *       exact to about 1e-12 ({@link Statistics#tQuantile975(int)}). The literal 1.96 appears
 *       only where a convention prescribes it (Jacobson–Truax threshold, funnel limits).</li>
 * </ul>
 */
package org.clinicaloutcomes.metrics;
