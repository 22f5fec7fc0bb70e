package org.clinicaloutcomes.report.chart;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.clinicaloutcomes.analysis.ClinicalSignificance;
import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.OutcomeTables.SignificanceRow;
import org.clinicaloutcomes.metrics.significance.SignificanceMethod;

/**
 * Clinical-significance results for the workbook and chart tests, made up but consistent: per
 * instrument and method a row per approach then ALL (the sum of the approaches), n the
 * approach's paired episodes of {@code outcomes_by_approach} (as suppression expects), three
 * counts summing to n, five-way counts splitting them; NK undefined (every count empty), the
 * percentage method without five-way counts.
 */
public final class SignificanceFixture {

    /** The methods of the fixture, in the contract's order. */
    public static final List<SignificanceMethod> METHODS = List.of(SignificanceMethod.JT, SignificanceMethod.NK,
            SignificanceMethod.HA, SignificanceMethod.HLM, SignificanceMethod.PERCENTAGE, SignificanceMethod.ANCHOR);
    public static final List<String> WARNINGS = List.of(
            "pcl5: NK not defined: the denominator of the index is 0",
            "ders16: anchor left out: the instrument file has no mid_improvement");
    static final double Z2 = 1.959963984540054;
    static final double Z1 = 1.6448536269514722;

    private SignificanceFixture() {
    }

    /** {@code tables} with results on every instrument with at least 2 paired episodes. */
    public static OutcomeTables with(OutcomeTables tables) {
        return tables.withSignificance(results(tables));
    }

    /** Results over the paired episodes of {@code tables}' outcomes_by_approach. */
    public static ClinicalSignificance results(OutcomeTables tables) {
        Set<String> instruments = new LinkedHashSet<>();
        tables.outcomesByApproach().forEach(r -> instruments.add(r.instrument()));
        List<SignificanceRow> rows = new ArrayList<>();
        for (String instrument : instruments) {
            List<OutcomeTables.ApproachRow> groups = tables.outcomesByApproach().stream()
                    .filter(r -> r.instrument().equals(instrument) && !r.approach().equals(OutcomeTables.ALL))
                    .toList();
            int all = groups.stream().mapToInt(r -> r.outcomes().nPaired()).sum();
            for (int m = 0; m < METHODS.size(); m++) {
                SignificanceMethod method = METHODS.get(m);
                if (method == SignificanceMethod.ANCHOR && instrument.equals("ders16")) {
                    continue; // left out: no parameters
                }
                boolean undefined = method == SignificanceMethod.NK || all < 2;
                List<SignificanceRow> approachRows = new ArrayList<>();
                for (OutcomeTables.ApproachRow group : groups) {
                    approachRows.add(undefined ? empty(instrument, method, group.approach())
                            : row(instrument, method, m, group.approach(), group.outcomes().nPaired()));
                }
                rows.addAll(approachRows);
                rows.add(undefined ? empty(instrument, method, OutcomeTables.ALL) : sum(approachRows));
            }
        }
        return new ClinicalSignificance(METHODS, rows, WARNINGS);
    }

    /** A row of {@code n} episodes, split by the method's position {@code m} (so that the bars differ). */
    public static SignificanceRow row(String instrument, SignificanceMethod method, int m, String approach, int n) {
        int improved = n * (40 + 4 * m) / 100;
        int deteriorated = n * (6 + 2 * m) / 100;
        int unchanged = n - improved - deteriorated;
        boolean fiveWay = method.hasCombinedApproach();
        Integer recovered = fiveWay ? improved * 3 / 5 : null;
        Integer harmed = fiveWay ? deteriorated / 2 : null;
        return new SignificanceRow(instrument, method.label(), approach, n, improved, unchanged, deteriorated,
                recovered, fiveWay ? improved - recovered : null, harmed,
                fiveWay ? (method == SignificanceMethod.HA ? 30.25 : 33.47) : null, critical(method));
    }

    static Double critical(SignificanceMethod method) {
        return switch (method) {
            case HA -> Z1;
            case PERCENTAGE, ANCHOR -> null;
            default -> Z2;
        };
    }

    static SignificanceRow empty(String instrument, SignificanceMethod method, String approach) {
        return new SignificanceRow(instrument, method.label(), approach, null, null, null, null, null, null, null,
                null, null);
    }

    /** The ALL row of some approach rows of one instrument and method. */
    static SignificanceRow sum(List<SignificanceRow> rows) {
        SignificanceRow first = rows.get(0);
        return new SignificanceRow(first.instrument(), first.method(), OutcomeTables.ALL,
                total(rows, SignificanceRow::n), total(rows, SignificanceRow::nImproved),
                total(rows, SignificanceRow::nUnchanged), total(rows, SignificanceRow::nDeteriorated),
                total(rows, SignificanceRow::nRecovered), total(rows, SignificanceRow::nImprovedNotRecovered),
                total(rows, SignificanceRow::nHarmed), first.cutoff(), first.criticalValue());
    }

    private static Integer total(List<SignificanceRow> rows, java.util.function.Function<SignificanceRow, Integer> count) {
        if (count.apply(rows.get(0)) == null) {
            return null;
        }
        return rows.stream().mapToInt(count::apply).sum();
    }
}
