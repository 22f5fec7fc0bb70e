package org.clinicaloutcomes.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.TexturePaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.report.RenderedChart;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

/**
 * The look shared by every chart: the bundled DejaVu Sans fonts (so that text renders the same
 * on every machine), a {@link StandardChartTheme} built on them, the Okabe–Ito colour-blind-safe
 * palette with one fixed colour per approach (by its position in the configured list; ALL in
 * grey), hatched fills for small groups, the markers, shapes and legend entries that several
 * charts draw, and a deterministic PNG encoder (no metadata, no timestamps).
 *
 * <p>Reference: M. Okabe &amp; K. Ito (2008), Color Universal Design (CUD): how to make figures
 * and presentations that are friendly to colorblind people.
 */
public final class ChartStyle {

    /** Size of every chart in pixels. */
    public static final int WIDTH = 900;
    public static final int HEIGHT = 500;

    /** Okabe–Ito colours in the order approaches receive them (black and yellow last: least legible fills). */
    static final List<Color> APPROACH_PALETTE = List.of(
            new Color(0xE6, 0x9F, 0x00),   // orange
            new Color(0x56, 0xB4, 0xE9),   // sky blue
            new Color(0x00, 0x9E, 0x73),   // bluish green
            new Color(0x00, 0x72, 0xB2),   // blue
            new Color(0xD5, 0x5E, 0x00),   // vermillion
            new Color(0xCC, 0x79, 0xA7),   // reddish purple
            new Color(0xF0, 0xE4, 0x42));  // yellow
    /** The colour of ALL (every approach together). */
    static final Color ALL_COLOUR = new Color(0x80, 0x80, 0x80);
    static final Color TEXT = new Color(0x22, 0x22, 0x22);
    static final Color NOTE_TEXT = new Color(0x44, 0x44, 0x44);
    static final Color GRID = new Color(0xD0, 0xD0, 0xD0);
    static final Color NO_CHANGE = new Color(0xD9, 0xD9, 0xD9);
    static final Color DETERIORATION = new Color(0x3A, 0x3A, 0x3A);
    /** Stripes of the hatched "not split" segment, on a light tint. */
    static final Color NO_CHANGE_DARK = new Color(0x9A, 0x9A, 0x9A);
    /** Reference lines (cut-off, reliable-change thresholds, funnel limits): quieter than the data. */
    static final Color REFERENCE = new Color(0x55, 0x55, 0x55);

    static final Font REGULAR_FACE = load("fonts/DejaVuSans.ttf");
    static final Font BOLD_FACE = load("fonts/DejaVuSans-Bold.ttf");

    static final Font TITLE_FONT = BOLD_FACE.deriveFont(18f);
    static final Font AXIS_LABEL_FONT = REGULAR_FACE.deriveFont(14f);
    static final Font TICK_FONT = REGULAR_FACE.deriveFont(13f);
    static final Font NOTE_FONT = REGULAR_FACE.deriveFont(12f);

    static final Stroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);
    static final Stroke DOTTED = new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
            new float[] {1.5f, 4f}, 0f);
    static final Stroke LINE = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke THIN = new BasicStroke(1.2f);

    static final Shape SWATCH = new Rectangle2D.Double(-7, -7, 14, 14);

    private static final StandardChartTheme THEME = theme();

    private ChartStyle() {
    }

    private static Font load(String resource) {
        try (InputStream in = ChartStyle.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("cannot load the bundled font " + resource, e);
        }
    }

    private static StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("clinical-outcomes", false);
        theme.setExtraLargeFont(TITLE_FONT);
        theme.setLargeFont(AXIS_LABEL_FONT);
        theme.setRegularFont(TICK_FONT);
        theme.setSmallFont(NOTE_FONT);
        theme.setTitlePaint(TEXT);
        theme.setSubtitlePaint(NOTE_TEXT);
        theme.setAxisLabelPaint(TEXT);
        theme.setTickLabelPaint(TEXT);
        theme.setItemLabelPaint(TEXT);
        theme.setLegendItemPaint(TEXT);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setPlotOutlinePaint(new Color(0x99, 0x99, 0x99));
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setBaselinePaint(TEXT);
        theme.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        theme.setShadowVisible(false);
        theme.setBarPainter(new StandardBarPainter());
        theme.setXYBarPainter(new StandardXYBarPainter());
        theme.setErrorIndicatorPaint(TEXT);
        theme.setGridBandPaint(new Color(0xF4, 0xF4, 0xF4));
        theme.setGridBandAlternatePaint(Color.WHITE);
        theme.setDrawingSupplier(new DefaultDrawingSupplier(
                APPROACH_PALETTE.toArray(new Paint[0]),
                APPROACH_PALETTE.toArray(new Paint[0]),
                new Paint[] {TEXT},
                new Stroke[] {LINE},
                new Stroke[] {THIN},
                DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
        return theme;
    }

    /**
     * A chart with the theme applied, a title, and the legend (if any) framed at the bottom.
     * Customise renderers after this call: the theme resets series paints.
     */
    public static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, legend);
        THEME.apply(chart);
        plot.setNoDataMessageFont(AXIS_LABEL_FONT);
        plot.setNoDataMessagePaint(NOTE_TEXT);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.getRenderingHints().put(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        chart.getRenderingHints().put(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        chart.setPadding(new RectangleInsets(6, 8, 6, 12));
        chart.getTitle().setMargin(2, 0, 6, 0);
        LegendTitle legendTitle = chart.getLegend();
        if (legendTitle != null) {
            legendTitle.setFrame(BlockBorder.NONE);
            legendTitle.setItemFont(TICK_FONT);
            legendTitle.setPosition(RectangleEdge.BOTTOM);
            legendTitle.setMargin(4, 0, 0, 0);
        }
        return chart;
    }

    /** A note under the chart (several lines separated by {@code \n}). */
    static void caption(JFreeChart chart, String text) {
        TextTitle caption = new TextTitle(text, NOTE_FONT);
        caption.setPaint(NOTE_TEXT);
        caption.setPosition(RectangleEdge.BOTTOM);
        caption.setHorizontalAlignment(HorizontalAlignment.LEFT);
        caption.setTextAlignment(HorizontalAlignment.LEFT);
        caption.setMargin(6, 4, 0, 4);
        chart.addSubtitle(caption);
    }

    /** Locale-independent tick labels on a value axis. */
    static void ticks(NumberAxis axis, boolean integers) {
        axis.setStandardTickUnits(integers ? NumberAxis.createIntegerTickUnits(Locale.ROOT)
                : NumberAxis.createStandardTickUnits(Locale.ROOT));
        axis.setLabelFont(AXIS_LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
    }

    /** The fixed colour of a group: by position in the configured approaches, grey for ALL. */
    static Color colour(List<String> approaches, String group) {
        int index = approaches.indexOf(group);
        if (index < 0) {
            return ALL_COLOUR;
        }
        return APPROACH_PALETTE.get(index % APPROACH_PALETTE.size());
    }

    /** A colour mixed with white: {@code amount} 0 keeps the colour, 1 gives white. */
    static Color tint(Color colour, double amount) {
        return new Color(mix(colour.getRed(), amount), mix(colour.getGreen(), amount), mix(colour.getBlue(), amount));
    }

    private static int mix(int channel, double amount) {
        return (int) Math.round(channel + (255 - channel) * amount);
    }

    /** The fill of a small group: diagonal stripes of the colour on a light tint of it. */
    static Paint hatched(Color colour) {
        int size = 10;
        BufferedImage tile = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = tile.createGraphics();
        try {
            g.setColor(tint(colour, 0.72));
            g.fillRect(0, 0, size, size);
            g.setColor(colour);
            g.setStroke(new BasicStroke(1.8f));
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.draw(new Line2D.Double(-1, size + 1, size + 1, -1));
            g.draw(new Line2D.Double(-1, 1, 1, -1));
            g.draw(new Line2D.Double(size - 1, size + 1, size + 1, size - 1));
        } finally {
            g.dispose();
        }
        return new TexturePaint(tile, new Rectangle2D.Double(0, 0, size, size));
    }

    /** The fill of a group: plain, or hatched when small. */
    static Paint fill(Color colour, boolean small) {
        return small ? hatched(colour) : colour;
    }

    /** Vertical stripes of several colours (a legend swatch meaning "the approach's colour"). */
    static Paint stripes(List<Color> colours) {
        int stripe = 3;
        int width = Math.max(1, colours.size()) * stripe;
        BufferedImage tile = new BufferedImage(width, 1, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            Color c = colours.isEmpty() ? ALL_COLOUR : colours.get(x / stripe);
            tile.setRGB(x, 0, c.getRGB());
        }
        return new TexturePaint(tile, new Rectangle2D.Double(0, 0, width, 1));
    }

    /** Black or white text, whichever reads better on {@code background}. */
    static Color textOn(Color background) {
        double luminance = 0.2126 * background.getRed() + 0.7152 * background.getGreen()
                + 0.0722 * background.getBlue();
        return luminance < 110 ? Color.WHITE : TEXT;
    }

    /** The clinical cut-off of an instrument as a labelled reference line (the instrument must have one). */
    static ValueMarker cutoff(Instrument instrument) {
        ValueMarker cutoff = new ValueMarker(instrument.cutoff(), REFERENCE, DASHED);
        cutoff.setLabel("clinical cut-off (" + ChartText.number(instrument.cutoff()) + ")");
        cutoff.setLabelFont(NOTE_FONT);
        cutoff.setLabelPaint(NOTE_TEXT);
        cutoff.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        cutoff.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        cutoff.setLabelOffset(new RectangleInsets(2, 6, 2, 6));
        cutoff.setLabelBackgroundColor(new Color(255, 255, 255, 220));
        return cutoff;
    }

    /** The line at zero of a value axis. */
    static ValueMarker zeroLine() {
        return new ValueMarker(0, TEXT, THIN);
    }

    static Shape circle(double size) {
        return new Ellipse2D.Double(-size / 2, -size / 2, size, size);
    }

    static Shape square(double half) {
        return new Rectangle2D.Double(-half, -half, 2 * half, 2 * half);
    }

    static Shape diamond(double half) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(0, -half);
        path.lineTo(half, 0);
        path.lineTo(0, half);
        path.lineTo(-half, 0);
        path.closePath();
        return path;
    }

    /** The legend entry that explains the hatched fill of small groups. */
    static LegendItem hatchedSwatch() {
        return swatch("hatched: n \u2264 10", hatched(ALL_COLOUR));
    }

    /** A square legend entry filled with {@code paint}. */
    static LegendItem swatch(String label, Paint paint) {
        LegendItem item = new LegendItem(label, null, null, null, SWATCH, paint, THIN, new Color(0x66, 0x66, 0x66));
        item.setLabelFont(TICK_FONT);
        item.setLabelPaint(TEXT);
        return item;
    }

    /** A legend entry drawn as a line. */
    static LegendItem line(String label, Paint paint, Stroke stroke) {
        LegendItem item = new LegendItem(label, null, null, null, new Line2D.Double(-12, 0, 12, 0), stroke, paint);
        item.setLabelFont(TICK_FONT);
        item.setLabelPaint(TEXT);
        return item;
    }

    /** A legend entry drawn as a marker shape, filled or open. */
    static LegendItem marker(String label, Shape shape, Paint paint, boolean filled) {
        LegendItem item = new LegendItem(label, null, null, null, true, shape, true, filled ? paint : Color.WHITE,
                true, paint, new BasicStroke(1.8f), false, new Line2D.Double(-8, 0, 8, 0), THIN, paint);
        item.setLabelFont(TICK_FONT);
        item.setLabelPaint(TEXT);
        return item;
    }

    /** Renders a chart to PNG bytes: white RGB image, fixed hints, no metadata. */
    public static byte[] png(JFreeChart chart, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IllegalStateException("no PNG writer available");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a chart as PNG", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** A chart drawn at the size of every chart, ready for its file and its sheet. */
    static RenderedChart rendered(String fileName, String title, String sheet, JFreeChart chart) {
        return new RenderedChart(fileName, title, sheet, WIDTH, HEIGHT, png(chart, WIDTH, HEIGHT));
    }
}
