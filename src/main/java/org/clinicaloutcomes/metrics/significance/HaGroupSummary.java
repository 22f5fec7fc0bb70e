package org.clinicaloutcomes.metrics.significance;

import java.util.Objects;
import org.clinicaloutcomes.metrics.Statistics;

/**
 * Hageman &amp; Arrindell's group-level summary (SIGNIFICANCE.md, section 7; R, combined approach
 * with HA only): the estimated proportions of a group that changed reliably and that end in the
 * functional range. {@code r_dd} ({@link ReliableChange#rdd()}), the cut-off and {@code r_post}
 * ({@link TrueScoreCutoff}) come from the whole sample; the means and SDs are the group's.
 * <pre>
 *   z_changed    = (0 − mean(change)) / (SD(change) × sqrt(r_dd))
 *   z_functional = (cutoff − M_post)   / (SD_post   × sqrt(r_post))
 *   changed      = Phi(z_changed)    if d = −1, else 1 − Phi(z_changed)
 *   functional   = Phi(z_functional) if d = −1, else 1 − Phi(z_functional)
 * </pre>
 * Undefined (rejected): fewer than 2 pairs in the group, or an SD of 0.
 *
 * <p>Reference: W. J. Hageman &amp; W. A. Arrindell (1999), Behav. Res. Ther. 37(12), 1169–1193.
 *
 * @param changed    the proportion reliably changed in the direction of benefit
 * @param functional the proportion in the functional range at post
 */
public record HaGroupSummary(double changed, double functional) {

    /**
     * The summary of one group's pairs.
     *
     * @param ha     the HA index fitted to the whole sample
     * @param cutoff the true-score cut-off of the whole sample
     * @throws IllegalArgumentException when {@code ha} is not HA, or the group's statistics are
     *                                  undefined
     */
    public static HaGroupSummary of(ReliableChange ha, TrueScoreCutoff cutoff, double[] pre, double[] post) {
        Objects.requireNonNull(ha, "ha");
        Objects.requireNonNull(cutoff, "cutoff");
        if (ha.method() != RciMethod.HA) {
            throw new IllegalArgumentException("the HA group summary needs the HA index, got " + ha.method());
        }
        double[] change = PairedSample.changes(pre, post);
        if (change.length < 2) {
            throw new IllegalArgumentException("HA group summary is undefined: fewer than 2 pairs in the group");
        }
        double sdChange = Statistics.sampleSd(change);
        double sdPost = Statistics.sampleSd(post);
        if (sdChange == 0 || sdPost == 0) {
            throw new IllegalArgumentException("HA group summary is undefined: the SD of the "
                    + (sdChange == 0 ? "changes" : "post scores") + " in the group is 0");
        }
        double zChanged = (0 - Statistics.mean(change)) / (sdChange * Math.sqrt(ha.rdd()));
        double zFunctional = (cutoff.value() - Statistics.mean(post)) / (sdPost * Math.sqrt(cutoff.rPost()));
        boolean lower = cutoff.direction() == Direction.LOWER_IS_BETTER;
        double changed = lower ? CriticalValues.phi(zChanged) : 1 - CriticalValues.phi(zChanged);
        double functional = lower ? CriticalValues.phi(zFunctional) : 1 - CriticalValues.phi(zFunctional);
        return new HaGroupSummary(changed, functional);
    }
}
