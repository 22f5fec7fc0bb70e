package org.clinicaloutcomes.report.chart;

import org.clinicaloutcomes.report.RenderedChart;

/**
 * One chart of a report. {@link org.clinicaloutcomes.report.ReportCharts} lists the charts and
 * draws each on a task of its own, so a chart reads nothing but its input and keeps no state
 * between draws.
 */
public interface ReportChart {

    /** Draws the chart from the tables and the run: the same input gives the same PNG bytes. */
    RenderedChart draw(ChartInput input);
}
