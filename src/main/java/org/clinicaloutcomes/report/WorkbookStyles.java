package org.clinicaloutcomes.report;

import java.util.EnumMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Every cell style of the workbook, created once when the workbook is created and reused for
 * every cell (POI's limit on styles is per workbook, and a style per cell is slow). A value style
 * exists in a normal and a light (grey, for small-n rows) variant, and text also in a
 * quote-prefixed variant for text that a spreadsheet could read as a formula.
 */
final class WorkbookStyles {

    /** How a value is shown. */
    enum Kind {
        /** Text, left aligned. */
        TEXT("@"),
        /** A whole number: {@code 0}. */
        COUNT("0"),
        /** A score as given (whole or not): General. */
        SCORE("General"),
        /** Means, SDs, effect sizes, test statistics: {@code 0.00}. */
        DECIMAL("0.00"),
        /** A rate stored as a fraction: {@code 0.0%}. */
        PERCENT("0.0%"),
        /** A p value: {@code 0.0000}, and {@code <0.0001} below that (the cell keeps the number). */
        P_VALUE("[<0.0001]\"<0.0001\";0.0000"),
        /** A date: {@code yyyy-mm-dd}. */
        DATE("yyyy-mm-dd");

        final String format;

        Kind(String format) {
            this.format = format;
        }
    }

    private final Map<Kind, XSSFCellStyle> normal = new EnumMap<>(Kind.class);
    private final Map<Kind, XSSFCellStyle> light = new EnumMap<>(Kind.class);
    private final XSSFCellStyle quoted;
    private final XSSFCellStyle quotedLight;
    private final XSSFCellStyle countText;
    private final XSSFCellStyle countTextLight;
    final XSSFCellStyle header;
    final XSSFCellStyle title;
    final XSSFCellStyle subtitle;
    final XSSFCellStyle section;
    final XSSFCellStyle note;
    final XSSFCellStyle bold;
    final XSSFCellStyle wrap;
    final XSSFCellStyle wrapQuoted;
    final XSSFCellStyle sentence;

    WorkbookStyles(XSSFWorkbook workbook) {
        XSSFFont boldFont = workbook.createFont();
        boldFont.setBold(true);
        XSSFFont lightFont = workbook.createFont();
        lightFont.setColor(new XSSFColor(new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80}));
        lightFont.setItalic(true);
        XSSFFont titleFont = workbook.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 16);
        XSSFFont sectionFont = workbook.createFont();
        sectionFont.setBold(true);
        sectionFont.setFontHeightInPoints((short) 12);
        XSSFFont noteFont = workbook.createFont();
        noteFont.setItalic(true);
        noteFont.setColor(new XSSFColor(new byte[] {(byte) 0x44, (byte) 0x44, (byte) 0x44}));
        XSSFFont sentenceFont = workbook.createFont();
        sentenceFont.setFontHeightInPoints((short) 12);

        for (Kind kind : Kind.values()) {
            normal.put(kind, value(workbook, kind, null));
            light.put(kind, value(workbook, kind, lightFont));
        }
        quoted = value(workbook, Kind.TEXT, null);
        quoted.setQuotePrefixed(true);
        quotedLight = value(workbook, Kind.TEXT, lightFont);
        quotedLight.setQuotePrefixed(true);
        countText = value(workbook, Kind.TEXT, null);
        countText.setAlignment(HorizontalAlignment.RIGHT);
        countTextLight = value(workbook, Kind.TEXT, lightFont);
        countTextLight.setAlignment(HorizontalAlignment.RIGHT);

        header = workbook.createCellStyle();
        header.setFont(boldFont);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.BOTTOM);
        header.setBorderBottom(BorderStyle.THIN);
        header.setBottomBorderColor(IndexedColors.GREY_50_PERCENT.getIndex());
        header.setFillForegroundColor(new XSSFColor(new byte[] {(byte) 0xE8, (byte) 0xEE, (byte) 0xF4}));
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);

        title = workbook.createCellStyle();
        title.setFont(titleFont);
        subtitle = workbook.createCellStyle();
        subtitle.setFont(workbook.getFontAt(0));
        section = workbook.createCellStyle();
        section.setFont(sectionFont);
        note = workbook.createCellStyle();
        note.setFont(noteFont);
        bold = workbook.createCellStyle();
        bold.setFont(boldFont);
        bold.setVerticalAlignment(VerticalAlignment.TOP);
        wrap = workbook.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);
        wrap.setDataFormat(workbook.createDataFormat().getFormat("@"));
        wrapQuoted = workbook.createCellStyle();
        wrapQuoted.cloneStyleFrom(wrap);
        wrapQuoted.setQuotePrefixed(true);
        sentence = workbook.createCellStyle();
        sentence.setFont(sentenceFont);
    }

    private static XSSFCellStyle value(XSSFWorkbook workbook, Kind kind, XSSFFont font) {
        XSSFCellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(kind.format));
        if (font != null) {
            style.setFont(font);
        }
        if (kind == Kind.TEXT) {
            style.setAlignment(HorizontalAlignment.LEFT);
        }
        return style;
    }

    /** The style of a value of this kind; text that needs it gets the quote-prefixed variant. */
    CellStyle of(Kind kind, boolean lightRow, boolean quotePrefix) {
        if (quotePrefix) {
            return lightRow ? quotedLight : quoted;
        }
        return lightRow ? light.get(kind) : normal.get(kind);
    }

    /** Text standing for a hidden count ({@code <11}, {@code >10}), right aligned like the counts. */
    CellStyle countText(boolean lightRow) {
        return lightRow ? countTextLight : countText;
    }

    /**
     * Whether a spreadsheet could read this text as a formula (it starts with {@code = + - @},
     * tab or carriage return), so that it must be stored quote-prefixed.
     */
    static boolean needsQuotePrefix(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
