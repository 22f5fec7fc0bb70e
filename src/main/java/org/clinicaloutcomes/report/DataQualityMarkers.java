package org.clinicaloutcomes.report;

import java.util.ArrayList;
import java.util.List;

import org.clinicaloutcomes.analysis.CountSuppression;

/**
 * With suppression on, what the workbook shows instead of the data-quality counts of one input
 * file ({@code <11}, {@code >10}; null where the count is shown), decided by the suppression
 * engine of the tables ({@link CountSuppression}) over the identities a reader could use:
 * read = accepted + rejected + duplicates (+ skipped, in an analysis by wave), and rejected = the
 * rows of its reasons; a reason's count is hidden with a hidden count of rejected rows.
 *
 * @param read       marker of the rows read
 * @param accepted   marker of the rows accepted
 * @param rejected   marker of the rows rejected
 * @param duplicates marker of the exact duplicate rows
 * @param skipped    marker of the rows at a wave not listed (an analysis by wave)
 * @param reasons    one marker per reason count, in the order given
 */
record DataQualityMarkers(String read, String accepted, String rejected, String duplicates, String skipped,
                          List<String> reasons) {

    /** The markers of one input file of the run and of its reject counts by reason. */
    static DataQualityMarkers of(WorkbookContent c, DataQuality.FileCounts file) {
        List<DataQuality.ReasonCount> reasons = c.quality().reasonsOf(file.file());
        if (!c.suppression()) {
            List<String> none = new ArrayList<>();
            reasons.forEach(r -> none.add(null));
            return new DataQualityMarkers(null, null, null, null, null, none);
        }
        CountSuppression counts = new CountSuppression();
        int read = counts.count(file.read());
        int accepted = counts.count(file.accepted());
        int rejected = counts.count(file.rejected());
        int duplicates = counts.count(file.duplicates());
        int skipped = -1;
        if (c.run().byWave()) {
            skipped = counts.count(file.skipped());
            counts.total(read, accepted, rejected, duplicates, skipped);
        } else {
            counts.total(read, accepted, rejected, duplicates);
        }
        int[] byReason = new int[reasons.size()];
        for (int i = 0; i < byReason.length; i++) {
            byReason[i] = counts.count(reasons.get(i).rows());
            counts.hiddenWith(rejected, byReason[i]);
        }
        counts.total(rejected, byReason);
        counts.solve();
        List<String> reasonMarkers = new ArrayList<>();
        for (int handle : byReason) {
            reasonMarkers.add(counts.text(handle));
        }
        return new DataQualityMarkers(counts.text(read), counts.text(accepted), counts.text(rejected),
                counts.text(duplicates), skipped < 0 ? null : counts.text(skipped), reasonMarkers);
    }

    /** The markers of read, accepted, rejected and duplicates, in that order. */
    String[] fileCounts() {
        return new String[] {read, accepted, rejected, duplicates};
    }

    /** The markers of read, accepted, rejected, duplicates and skipped, in that order (an analysis by wave). */
    String[] fileCountsByWave() {
        return new String[] {read, accepted, rejected, duplicates, skipped};
    }

    /**
     * With suppression on, what the workbook shows instead of an instrument's score cells read and
     * rejected ({@code <11}, {@code >10}; null where shown): two markers per instrument, in order.
     */
    static String[][] scoreCells(WorkbookContent c) {
        List<DataQualityVerdict.ScoreCells> cells = c.quality().scoreCells();
        String[][] markers = new String[cells.size()][2];
        if (!c.suppression()) {
            return markers;
        }
        for (int i = 0; i < cells.size(); i++) {
            CountSuppression counts = new CountSuppression();
            int read = counts.count(cells.get(i).read());
            int rejected = counts.count(cells.get(i).rejected());
            counts.solve();
            markers[i][0] = counts.text(read);
            markers[i][1] = counts.text(rejected);
        }
        return markers;
    }
}
