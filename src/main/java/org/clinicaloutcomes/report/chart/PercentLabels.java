package org.clinicaloutcomes.report.chart;

import static org.clinicaloutcomes.report.chart.ChartText.fixed;

import java.util.List;

import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.data.category.CategoryDataset;

/** Item labels "64%" for values of at least {@code minimum} percent, except in small groups (columns). */
final class PercentLabels implements CategoryItemLabelGenerator {
    private final double minimum;
    private final List<Boolean> smallColumns;

    PercentLabels(double minimum, List<Boolean> smallColumns) {
        this.minimum = minimum;
        this.smallColumns = smallColumns;
    }

    @Override
    public String generateLabel(CategoryDataset dataset, int row, int column) {
        Number value = dataset.getValue(row, column);
        if (value == null || value.doubleValue() < minimum || smallColumns.get(column)) {
            return null;
        }
        return fixed(value.doubleValue(), 0) + "%";
    }

    @Override
    public String generateRowLabel(CategoryDataset dataset, int row) {
        return dataset.getRowKey(row).toString();
    }

    @Override
    public String generateColumnLabel(CategoryDataset dataset, int column) {
        return dataset.getColumnKey(column).toString();
    }
}
