package org.clinicaloutcomes.report;

import java.util.Objects;

/**
 * One chart of a report, rendered as a PNG: written to {@code charts/} by its file name and
 * placed on its workbook sheet (REPORTS.md, "Charts").
 *
 * @param fileName file name in the report's {@code charts/} folder, for example
 *                 {@code trajectory-pcl5.png}
 * @param title    the chart's title
 * @param sheet    the workbook sheet the chart belongs to ({@link OutcomesWorkbook} sheet names)
 * @param width    width in pixels
 * @param height   height in pixels
 * @param png      the PNG bytes (the array is shared, not copied: do not modify it)
 */
public record RenderedChart(String fileName, String title, String sheet, int width, int height, byte[] png) {

    public RenderedChart {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(sheet, "sheet");
        Objects.requireNonNull(png, "png");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("chart size must be positive: " + width + " x " + height);
        }
    }

    @Override
    public String toString() {
        return "RenderedChart[" + fileName + ", " + sheet + ", " + width + "x" + height + ", " + png.length + " bytes]";
    }
}
