package org.clinicaloutcomes.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.clinicaloutcomes.report.chart.ChartStyle;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Loads and initialises the chart and workbook libraries (JFreeChart, Java2D, the bundled fonts,
 * the PNG encoder, Apache POI and its XML schema types) by drawing a tiny chart and writing a tiny
 * workbook to nowhere. The outcomes step runs it on an idle core while it computes the tables on
 * another, so the report writers later start warm: cold, those libraries cost seconds of class
 * loading and compilation. Nothing is written and no output depends on it; a failure here is
 * ignored, since the real writers do the same work and report their own failures.
 */
public final class ReportWarmUp {

    private ReportWarmUp() {
    }

    public static void run() {
        try {
            workbook(chart());
        } catch (RuntimeException | IOException | LinkageError e) {
            // Only a head start: see the class comment.
        }
    }

    private static byte[] chart() {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        dataset.addValue(1.0, "a", "b");
        CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis("x"), new NumberAxis("y"), new BarRenderer());
        return ChartStyle.png(ChartStyle.chart("warm-up", plot, true), 120, 80);
    }

    private static void workbook(byte[] png) throws IOException {
        // The same kind of workbook as OutcomesWorkbook's: streamed rows over an XSSF template.
        try (SXSSFWorkbook workbook = OutcomesWorkbook.newWorkbook()) {
            try {
                SXSSFSheet sheet = workbook.createSheet("warm-up");
                CellStyle style = workbook.createCellStyle();
                style.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
                Font bold = workbook.createFont();
                bold.setBold(true);
                style.setFont(bold);
                SXSSFRow first = sheet.createRow(0);
                SXSSFCell cell = first.createCell(0);
                cell.setCellValue(0.5);
                cell.setCellStyle(style);
                first.setHeightInPoints(24f);
                SXSSFRow second = sheet.createRow(1);
                second.createCell(0).setCellValue("text");
                second.createCell(1).setCellValue(LocalDate.EPOCH);
                sheet.setColumnWidth(0, 12 * 256);
                sheet.getColumnWidthInPixels(0);
                sheet.createFreezePane(0, 1);
                sheet.setAutoFilter(new CellRangeAddress(0, 1, 0, 0));
                sheet.getPrintSetup().setLandscape(true);
                sheet.setFitToPage(true);
                XSSFClientAnchor anchor = new XSSFClientAnchor(0, 0, 0, 0, 2, 2, 4, 6);
                sheet.createDrawingPatriarch().createPicture(anchor, workbook.addPicture(png, Workbook.PICTURE_TYPE_PNG));
                workbook.write(OutputStream.nullOutputStream());
            } finally {
                workbook.dispose();
            }
        }
    }
}
