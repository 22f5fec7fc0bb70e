package org.clinicaloutcomes.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.report.WorkbookStyles.Kind;

/**
 * {@code About}: every measure of the report in plain words (those the data have, {@link
 * PlainWords#definitions(boolean, boolean, boolean)}), the statement of the study design ({@link
 * StudyDesign}), the instruments in force (cut-offs and reliable-change thresholds), the run's
 * parameters, the input files, and the codebook of every column of the CSV files the run wrote.
 */
final class AboutSheet implements WorkbookSheet {

    @Override
    public String name() {
        return OutcomesWorkbook.ABOUT;
    }

    @Override
    public void write(SheetWriter s, WorkbookContent c) {
        s.fixWidth(0, 34);
        s.fixWidth(1, 96);
        s.styled(0, 0, "About this report", c.styles().title, false);
        s.freeze(0, 1);
        int row = measures(s, c, 2) + 1;
        row = instruments(s, c, row) + 1;
        row = parameters(s, c.run(), row) + 1;
        row = s.section(row, "Input files");
        row = InputFilesTable.write(s, c, row, true) + 1;
        codebook(s, c, row);
    }

    private static int measures(SheetWriter s, WorkbookContent c, int row) {
        WorkbookStyles styles = c.styles();
        row = s.section(row, "What the numbers mean");
        s.headers(row, "Measure", "In plain words");
        row++;
        List<PlainWords.Definition> definitions = c.run().byWave()
                ? PlainWords.definitionsByWave(DataPresence.clusters(c.tables()), DataPresence.clinicians(c.tables()),
                        c.run().parameters().get("baseline.wave"), c.run().parameters().get("final.wave"))
                : PlainWords.definitions(c.run().practiceData(), DataPresence.clusters(c.tables()),
                        DataPresence.clinicians(c.tables()));
        for (PlainWords.Definition d : definitions) {
            s.styled(row, 0, d.term(), styles.bold, false);
            s.wrapped(row, 1, d.meaning());
            row++;
        }
        StudyDesign design = c.run().design();
        s.styled(row, 0, design.term(), styles.bold, false);
        s.wrapped(row, 1, c.run().byWave() ? c.run().words(design.explanation()) : design.explanation());
        row++;
        s.styled(row, 0, "Small numbers", styles.bold, false);
        s.wrapped(row, 1, c.suppression() ? String.join(" ", SheetTable.SUPPRESSION_NOTE)
                : "Suppression is off (the internal report): every count is shown, small groups are marked.");
        row++;
        if (c.run().monthly()) {
            s.styled(row, 0, "The flag in this report", styles.bold, false);
            s.wrapped(row, 1, flagCheck(c));
            row++;
        }
        return row;
    }

    /** What the two-fold check of the not-on-track flag found, one sentence per questionnaire. */
    private static String flagCheck(WorkbookContent c) {
        List<String> sentences = new ArrayList<>();
        List<OutcomeTables.FlagCheckRow> check = c.tables().expectedRecoveryCheck();
        for (int i = 0; i < check.size(); i++) {
            OutcomeTables.FlagCheckRow row = check.get(i);
            sentences.addAll(PlainWords.flagCheck(row, c.run().instrument(row.instrument()),
                    AttentionSheet.shownJudged(c, check, i)));
        }
        return sentences.isEmpty() ? "No questionnaire could be checked." : String.join(" ", sentences);
    }

    private static int instruments(SheetWriter s, WorkbookContent c, int row) {
        RunDescription run = c.run();
        row = s.section(row, "Questionnaires, cut-offs and reliable-change thresholds in force ("
                + run.instrumentSource() + ")");
        s.headers(row, "Questionnaire", "Key and direction", "Lowest score", "Highest score", "Clinical cut-off",
                "Reliable change (points)");
        row++;
        for (Instrument i : run.instruments()) {
            s.text(row, 0, i.name() + (i.key().equals(c.primary().key()) ? " (main questionnaire)" : ""));
            s.text(row, 1, i.key() + ": " + (i.higherIsBetter() ? "higher scores are better" : "higher scores are worse")
                    + (i.hasCutoff() ? "; clinical range " + (i.higherIsBetter() ? "at or below " : "at or above ")
                    + ReportCharts.number(i.cutoff()) : "; no cut-off, so no caseness or recovery"));
            s.value(row, 2, i.min(), Kind.SCORE, false);
            s.value(row, 3, i.max(), Kind.SCORE, false);
            s.value(row, 4, i.cutoff(), Kind.SCORE, false);
            s.value(row, 5, i.reliableChange(), Kind.DECIMAL, false);
            row++;
        }
        return row;
    }

    private static int parameters(SheetWriter s, RunDescription run, int row) {
        row = s.section(row, "Parameters of this run");
        s.headers(row, "Parameter", "Value");
        row++;
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("tool version", run.toolVersion());
        parameters.put("job", run.job());
        parameters.put("command line", run.commandLine());
        parameters.put("window", run.span());
        parameters.put("approaches", String.join(", ", run.approaches()));
        parameters.put("main questionnaire", run.primaryInstrument());
        parameters.put("suppression", Boolean.toString(run.suppression()));
        run.parameters().forEach(parameters::putIfAbsent);
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            s.text(row, 0, p.getKey());
            s.wrapped(row, 1, p.getValue() == null ? "" : p.getValue());
            row++;
        }
        return row;
    }

    /** The codebook of the files this run wrote (the metric CSVs of {@link OutcomeCsvFiles#files}, rejects.csv). */
    private static void codebook(SheetWriter s, WorkbookContent c, int row) {
        if (c.run().byWave()) {
            codebookByWave(s, c, row);
            return;
        }
        row = s.section(row, "Codebook: every column of every CSV file of the report");
        s.headers(row, "File and column", "Meaning", "Workbook header");
        row++;
        Set<String> written = new HashSet<>();
        for (org.clinicaloutcomes.analysis.TableSchema<?> table
                : OutcomeCsvFiles.written(c.tables(), c.run().monthly(), c.run().window().byWave())) {
            table.columnNames().forEach(column -> written.add(Codebook.CSV_FOLDER + table.file() + "\u0000" + column));
        }
        for (Codebook.Entry e : Codebook.load()) {
            if (e.file().startsWith(Codebook.CSV_FOLDER) && !written.contains(e.file() + "\u0000" + e.column())) {
                continue;
            }
            s.text(row, 0, e.file() + " : " + e.column());
            s.wrapped(row, 1, e.meaning());
            if (e.file().startsWith(Codebook.CSV_FOLDER) || e.file().equals(ReportFolder.REJECTS_FILE)) {
                s.text(row, 2, c.run().words(ColumnLabels.of(csvFile(e.file()), e.column())));
            }
            row++;
        }
    }

    /**
     * The codebook of an analysis by wave: the by-wave columns of the files the run wrote, in
     * their meanings by wave ({@link Codebook#byWave}), without the columns that need dates,
     * sessions or discharges (their CSV columns stay, empty).
     */
    private static void codebookByWave(SheetWriter s, WorkbookContent c, int row) {
        row = s.section(row, "Codebook: every column of the CSV files of the report (the columns that need dates "
                + "are empty in an analysis by wave and not listed)");
        s.headers(row, "File and column", "Meaning", "Workbook header");
        row++;
        for (Codebook.Entry e : Codebook.byWave(OutcomeCsvFiles.written(c.tables(), c.run().monthly(), true),
                ByWave.EMPTY_COLUMNS)) {
            s.text(row, 0, e.file() + " : " + e.column());
            s.wrapped(row, 1, e.meaning());
            if (e.file().startsWith(Codebook.CSV_FOLDER) || e.file().equals(ReportFolder.REJECTS_FILE)) {
                s.text(row, 2, c.run().words(ColumnLabels.of(csvFile(e.file()), e.column())));
            }
            row++;
        }
    }

    /** A codebook entry's file as the column headers name it: {@code clinical_significance.csv}. */
    private static String csvFile(String codebookFile) {
        return codebookFile.startsWith(Codebook.CSV_FOLDER) ? codebookFile.substring(Codebook.CSV_FOLDER.length())
                : codebookFile;
    }
}
