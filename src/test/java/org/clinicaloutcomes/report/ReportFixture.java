package org.clinicaloutcomes.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clinicaloutcomes.analysis.CohortAnalysis;
import org.clinicaloutcomes.analysis.CohortFixture;
import org.clinicaloutcomes.analysis.EpisodeData;
import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.ingest.IntakeRecord;
import org.clinicaloutcomes.metrics.ReportWindow;

/**
 * The hand-built practice of {@link CohortFixture} for the workbook and chart tests, with input
 * text that a spreadsheet could run: clinician {@code CL1} is renamed {@code -CL1} and client
 * {@code B2} (an alert in June 2026) {@code =B2}; the data-quality record carries an unknown
 * column named {@code =HYPERLINK("http://x","y")}.
 */
final class ReportFixture {

    static final String INJECTED_COLUMN = "=HYPERLINK(\"http://x\",\"y\")";
    static final String INJECTED_CLINICIAN = "-CL1";
    /** An open episode with an alert in June 2026. */
    static final String INJECTED_CLIENT = "=B2";
    /** A closed episode with paired scores. */
    static final String INJECTED_CLOSED_CLIENT = "@A1";

    private ReportFixture() {
    }

    static List<EpisodeData> episodes() {
        List<EpisodeData> episodes = new ArrayList<>();
        for (EpisodeData e : CohortFixture.episodes()) {
            IntakeRecord i = e.intake();
            String client = switch (i.clientId()) {
                case "B2" -> INJECTED_CLIENT;
                case "A1" -> INJECTED_CLOSED_CLIENT;
                default -> i.clientId();
            };
            String clinician = i.clinicianId().equals("CL1") ? INJECTED_CLINICIAN : i.clinicianId();
            IntakeRecord renamed = new IntakeRecord(client, i.intakeDay(), i.approach(), clinician, i.ageBand(),
                    i.gender(), i.state(), i.indexEvent(), i.chronicIllness(), i.priorTrauma(), i.childhoodMedical(),
                    i.marginalized(), i.dischargeDay(), i.dischargeReason(), i.line());
            episodes.add(new EpisodeData(e.index(), renamed, e.sessions()));
        }
        return episodes;
    }

    /** The tables of a monthly run (window 2026-01 to 2026-06) or of a research run on the same dates. */
    static OutcomeTables tables(boolean monthly) {
        ReportWindow window = monthly ? CohortFixture.WINDOW : CohortFixture.research();
        CohortAnalysis analysis = new CohortAnalysis(CohortFixture.INSTRUMENTS, CohortFixture.APPROACHES, "pcl5",
                window, monthly);
        episodes().forEach(analysis::add);
        return analysis.finish();
    }

    static RunDescription run(boolean monthly, boolean suppression) {
        ReportWindow window = monthly ? CohortFixture.WINDOW : CohortFixture.research();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("input", "in");
        parameters.put("output", "out");
        parameters.put("window-months", monthly ? "6" : "");
        return new RunDescription("test", monthly ? "monthly" : "research", monthly ? "monthly" : "research",
                window, CohortFixture.INSTRUMENTS, "test instruments", CohortFixture.APPROACHES, "pcl5", suppression,
                parameters);
    }

    static DataQuality quality() {
        return new DataQuality(
                List.of(new DataQuality.FileCounts("intake.csv", "ab".repeat(32), 1000, 12, 10, 2, 0),
                        new DataQuality.FileCounts("sessions.csv", "cd".repeat(32), 5000, 40, 35, 3, 2)),
                List.of(new DataQuality.ReasonCount("sessions.csv", INJECTED_COLUMN, "not a number", 2),
                        new DataQuality.ReasonCount("intake.csv", "intake_date", "bad date", 2),
                        new DataQuality.ReasonCount("sessions.csv", "", "wrong number of fields", 1)),
                List.of(INJECTED_COLUMN, "sessions.csv: unknown column '" + INJECTED_COLUMN + "' ignored",
                        "sessions.csv: 2 exact duplicate rows dropped"));
    }

    /**
     * Writes the workbook of a run as the report does (its charts rendered, this fixture's data
     * quality) to {@code file}, and reads it back.
     */
    static XSSFWorkbook workbook(Path file, OutcomeTables tables, RunDescription run) throws IOException {
        OutcomesWorkbook.write(file, tables, run, quality(), ReportCharts.render(tables, run));
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }
}
