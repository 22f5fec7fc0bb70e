package org.clinicaloutcomes.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clinicaloutcomes.analysis.OutcomeTables;

/**
 * The report workbook (REPORTS.md, "The workbook"), built from {@link OutcomeTables} without
 * recomputing any metric. Sheets, in order: {@value #SUMMARY}, {@value #BY_APPROACH},
 * {@value #RELIABLE_CHANGE}, {@value #CLINICAL_SIGNIFICANCE} (research runs with clinical-significance
 * results only), {@value #TRAJECTORIES}, {@value #SYMPTOM_CLUSTERS},
 * {@value #CLINICIANS}, {@value #SUBGROUPS}, {@value #ACTIVITY}, {@value #OVER_TIME} and
 * {@value #ALERTS} (monthly runs only), {@value #DATA_QUALITY}, {@value #ABOUT}.
 *
 * <p>Each sheet is a {@link WorkbookSheet} of its own ({@link SummarySheet}, {@link ByApproachSheet},
 * {@link ReliableChangeSheet}, ...), written from the same {@link WorkbookContent}; this class
 * lists them in order and owns what they share: the streaming workbook, its styles, its
 * pictures, the caps on long lists and the file. The table sheets hold the tables of the CSVs,
 * the same columns with readable headers ({@link ColumnLabels}), plus a note column marking
 * small groups ({@link SheetTable}); each chart is placed beside its table ({@link SheetCharts}).
 *
 * <p>Formatting: bold, frozen header rows; an autofilter on each sheet's main table; column
 * widths from the length of the content; numbers stored as numbers (rates as fractions shown as
 * {@code 0.0%}, means and effect sizes {@code 0.00}, counts {@code 0}, p values {@code 0.0000});
 * an undefined value is an empty cell; styles are created once per workbook ({@link
 * WorkbookStyles}). Text that a spreadsheet could read as a formula is stored quote-prefixed; no
 * cell is a formula. The core properties carry the window's end as their date, so two runs give
 * identical cell contents. The file is written to a temporary file beside the target and renamed.
 */
public final class OutcomesWorkbook {

    public static final String SUMMARY = "Summary";
    public static final String BY_APPROACH = "By approach";
    public static final String RELIABLE_CHANGE = "Reliable change";
    public static final String CLINICAL_SIGNIFICANCE = "Clinical significance";
    public static final String TRAJECTORIES = "Trajectories";
    public static final String SYMPTOM_CLUSTERS = "Symptom clusters";
    public static final String CLINICIANS = "Clinicians";
    public static final String SUBGROUPS = "Subgroups";
    public static final String ACTIVITY = "Activity";
    public static final String OVER_TIME = "Over time";
    public static final String ALERTS = "Alerts";
    public static final String ATTENTION = "Attention";
    public static final String DATA_QUALITY = "Data quality";
    public static final String ABOUT = "About";

    /** The sheets in order; adding a sheet is adding it here. */
    private static final List<WorkbookSheet> SHEETS = List.of(new SummarySheet(), new ByApproachSheet(),
            new ReliableChangeSheet(), new ClinicalSignificanceSheet(), new TrajectoriesSheet(),
            new SymptomClustersSheet(), new CliniciansSheet(), new SubgroupsSheet(), new ActivitySheet(),
            new OverTimeSheet(), new AlertsSheet(), new AttentionSheet(), new DataQualitySheet(), new AboutSheet());

    /**
     * Episode-level lists longer than this stay in their CSV files: a sheet holds at most about a
     * million rows, and a workbook of that size would not fit a modest heap or a reader's patience.
     */
    static final int MAX_LISTED_ROWS = 5_000;
    /**
     * Lists that only the workbook holds and whose length depends on the input (the warnings, one
     * per unknown column; the reject reasons of a file, one per column and reason) show at most
     * this many entries, then a row "and N more": a header of a million columns must not make a
     * million rows (a sheet holds 1,048,576).
     */
    public static final int MAX_LISTED_ITEMS = 100;

    private final SXSSFWorkbook workbook;
    private final WorkbookStyles styles;
    private final WorkbookContent content;
    private final Map<String, Integer> pictureIndex = new HashMap<>();

    private OutcomesWorkbook(SXSSFWorkbook workbook, OutcomeTables tables, RunDescription run, DataQuality quality,
                             List<RenderedChart> charts) {
        this.workbook = workbook;
        this.styles = new WorkbookStyles(workbook.getXSSFWorkbook());
        this.content = new WorkbookContent(tables, run, quality, charts, styles);
    }

    /**
     * The sheet names in order; {@value #OVER_TIME} and {@value #ALERTS} only for a monthly run,
     * {@value #CLINICAL_SIGNIFICANCE} only for a research run. A
     * workbook may leave out a sheet whose data the run does not have ({@value #SYMPTOM_CLUSTERS}
     * without PCL-5 item data, {@value #CLINICIANS} when every clinician is unknown,
     * {@value #SUBGROUPS} when the input records no subgroup variable, {@value #CLINICAL_SIGNIFICANCE}
     * without clinical-significance rows).
     */
    public static List<String> sheetNames(boolean monthly) {
        return sheets(monthly).stream().map(WorkbookSheet::name).toList();
    }

    private static List<WorkbookSheet> sheets(boolean monthly) {
        return SHEETS.stream().filter(sheet -> monthly ? !sheet.researchOnly() : !sheet.monthlyOnly()).toList();
    }

    /**
     * Writes the workbook to {@code xlsx}: to a temporary file in the same folder first, then
     * renamed over the target (atomically where the file system allows).
     *
     * @param charts the charts of {@link ReportCharts#render}, each placed on its sheet (and the
     *               key ones on the Summary too); may be empty
     */
    public static void write(Path xlsx, OutcomeTables tables, RunDescription run, DataQuality quality,
                             List<RenderedChart> charts) throws IOException {
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(charts, "charts");
        Path target = xlsx.toAbsolutePath();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        // Not Files.createTempFile: its owner-only permissions would stay on the published file.
        Path temporary = folder.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".tmp");
        try {
            try (SXSSFWorkbook workbook = newWorkbook()) {
                try {
                    new OutcomesWorkbook(workbook, tables, run, quality, List.copyOf(charts)).build();
                    try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE)) {
                        workbook.write(out);
                    }
                } finally {
                    workbook.dispose();
                }
            }
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Makes the streaming writer keep its temporary sheet files in {@code folder} (created if
     * needed) rather than in the system's temporary folder: they hold the episode list, so they
     * belong with the run's other staging files, which are deleted when the run completes and
     * kept (for a restart) when it is killed. Applies to every workbook this process writes after.
     */
    public static void keepTemporaryFilesIn(Path folder) throws IOException {
        Files.createDirectories(folder);
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(folder.toFile()));
    }

    /**
     * An empty workbook whose rows are streamed over an XSSF template (styles, drawings and
     * properties live in the template; cells are plain objects, not XML beans, until written).
     * Every row stays reachable until the workbook is written (no row access window), so heights
     * and header rows can still be set at the end; text cells are inline strings. The rows go
     * through temporary files (owner-only, in the folder given to {@link #keepTemporaryFilesIn}, else in
     * {@code java.io.tmpdir/poifiles}) that {@link SXSSFWorkbook#dispose()} deletes ({@code close()} does
     * too in POI 5.5).
     */
    static SXSSFWorkbook newWorkbook() {
        return new SXSSFWorkbook(new XSSFWorkbook(), -1);
    }

    private void build() {
        properties();
        List<WorkbookSheet> sheets = sheets(content.run().monthly()).stream()
                .filter(sheet -> sheet.present(content)).toList();
        List<SheetWriter> writers = new ArrayList<>();
        for (WorkbookSheet sheet : sheets) {
            writers.add(new SheetWriter(workbook.createSheet(sheet.name()), styles, this::picture));
        }
        for (int i = 0; i < sheets.size(); i++) {
            sheets.get(i).write(writers.get(i), content);
        }
        writers.forEach(writer -> writer.finish(content.reportTitle()));
        workbook.setActiveSheet(0);
        workbook.setSelectedTab(0);
    }

    private void properties() {
        RunDescription run = content.run();
        POIXMLProperties properties = workbook.getXSSFWorkbook().getProperties();
        POIXMLProperties.CoreProperties core = properties.getCoreProperties();
        // An analysis by wave has no dates: its workbook carries none (no made-up 1970 date).
        Optional<Date> date = run.byWave() ? Optional.empty()
                : Optional.of(Date.from(run.window().to().atStartOfDay(ZoneOffset.UTC).toInstant()));
        core.setCreated(date);
        core.setModified(date);
        core.setCreator("clinical-outcomes " + run.toolVersion());
        if (run.byWave()) {
            core.setTitle("Clinical outcomes, " + run.span());
            core.setDescription("Outcomes of the participants in the analysis, " + run.span() + "; job " + run.job());
        } else {
            core.setTitle("Clinical outcomes " + run.window().label());
            core.setDescription("Outcomes of closed episodes discharged " + run.window().from() + " to "
                    + run.window().to() + "; job " + run.job());
        }
        properties.getExtendedProperties().getUnderlyingProperties().setApplication("clinical-outcomes");
    }

    private int picture(RenderedChart chart) {
        return pictureIndex.computeIfAbsent(chart.fileName(), name -> workbook.addPicture(chart.png(),
                Workbook.PICTURE_TYPE_PNG));
    }

    /** The row that ends a capped list: {@code and 999,900 more}. */
    static String andMore(long more) {
        return String.format(Locale.ROOT, "and %,d more", more);
    }
}
