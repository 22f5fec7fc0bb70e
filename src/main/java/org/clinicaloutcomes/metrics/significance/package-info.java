/**
 * The clinical-significance methods of SIGNIFICANCE.md (sections 0–2 and 4–10) as plain metrics:
 * the sample statistics of the complete pairs ({@link CompletePairs}, {@link PairedSample}), the
 * reliable change indices JT, GLN, HLL, EN, NK and HA ({@link RciMethod}, {@link ReliableChange}),
 * percentage change ({@link PercentageChange}), the anchor ({@link AnchorChange},
 * {@link GroupAnchor}), Jacobson &amp; Truax's cut-offs ({@link Cutoff}) and Hageman &amp;
 * Arrindell's true-score cut-offs ({@link TrueScoreCutoff}), and the combined five-way
 * categories ({@link CombinedApproach}). HLM (section 3) is not here.
 *
 * <p>Conventions shared by every type of the package:
 * <ul>
 *   <li>Arithmetic is binary64 and every formula is computed in the order the contract writes it
 *       (it matters at the inclusive thresholds of the percentage and anchor methods).</li>
 *   <li>{@link Direction} is the direction of benefit {@code d}: {@code −1} when lower scores are
 *       better, {@code +1} when higher scores are better.</li>
 *   <li>Unlike the rest of {@code metrics/}, an undefined input (section 2.7, 4, 6.3) or a
 *       parameter out of range (section 8) is an {@link IllegalArgumentException} whose message
 *       names the method and the reason: the contract requires a rejection, not a category, and
 *       the pipeline turns the message into its warning line (SIGNIFICANCE.md, section 11).</li>
 *   <li>Every person gets exactly one category: {@link Category} (three-way) or
 *       {@link CombinedCategory} (five-way).</li>
 *   <li>The critical values are the exact normal quantiles ({@link CriticalValues}); for
 *       {@code alpha = 0.05}, {@code z2 = 1.959963984540054}, not 1.96.</li>
 * </ul>
 *
 * <p>References (SIGNIFICANCE.md, section 12): Jacobson &amp; Truax (1991), JCCP 59(1), 12–19;
 * Hsu (1989), Behav. Assess. 11, 459–467; Hsu (1995), JCCP 63(1), 141–144; Speer (1992), JCCP
 * 60(3), 402–408; Nunnally &amp; Kotsch (1983), Br. J. Clin. Psychol. 22(2), 83–93; Hageman &amp;
 * Arrindell (1999), Behav. Res. Ther. 37(12), 1169–1193; Claus, Wager &amp; Bonnet (2024),
 * J. Stat. Softw. 111(1) (the R package clinicalsignificance 3.0.0, whose published results the
 * contract follows).
 */
package org.clinicaloutcomes.metrics.significance;
