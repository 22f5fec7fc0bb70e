package org.clinicaloutcomes.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.clinicaloutcomes.ClinicalOutcomesApplication;
import org.clinicaloutcomes.cli.JobKind;
import org.clinicaloutcomes.ingest.ExportLayout;
import org.clinicaloutcomes.ingest.ExportMapping;
import org.clinicaloutcomes.ingest.HeaderLayout;
import org.clinicaloutcomes.ingest.InputFileKind;
import org.clinicaloutcomes.ingest.InputFiles;
import org.clinicaloutcomes.ingest.RefusedFileException;
import org.clinicaloutcomes.ingest.Reject;
import org.clinicaloutcomes.metrics.ReportWindow;
import org.clinicaloutcomes.metrics.significance.SignificanceMethod;
import org.clinicaloutcomes.report.DataQuality;
import org.clinicaloutcomes.report.DataQualityVerdict;
import org.clinicaloutcomes.report.RunDescription;

/** Gathers, from a run's parameters and execution context, the facts its reports print. */
final class RunFacts {

    private RunFacts() {
    }

    static RunDescription describe(RunSupport support, JobFacts facts, ReportWindow window) {
        RunParameters run = support.run();
        List<String> approaches = support.approaches(facts).approaches();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("job", run.job().name().toLowerCase(java.util.Locale.ROOT));
        parameters.put("input", run.input().toString());
        parameters.put("output", run.output() == null ? "(default)" : run.output().toString());
        if (window.reportMonth() != null) {
            parameters.put("month", window.reportMonth().toString());
            parameters.put("window-months", Integer.toString(run.windowMonths()));
            parameters.put("series-months", Integer.toString(run.monitoring().seriesMonths()));
            parameters.put("expected-min-n", Integer.toString(run.monitoring().expectedMinN()));
            parameters.put(RunDescription.CONTACT_DAYS, Integer.toString(run.monitoring().contactDays()));
        }
        ExportMapping export = run.export();
        if (export.layout().byWave()) {
            // No dates: the window is every wave (RESEARCH.md).
            parameters.put(RunDescription.LAYOUT, export.layout().key());
            parameters.put("file", export.file().getFileName().toString());
            parameters.put("waves", String.join(",", export.waves()));
            if (export.baselineWave() != null) {
                parameters.put("baseline.wave", export.baselineWave());
            }
            if (export.finalWave() != null) {
                parameters.put("final.wave", export.finalWave());
            }
        } else {
            parameters.put("from", window.from().toString());
            parameters.put("to", window.to().toString());
        }
        if (export.randomised()) {
            parameters.put(RunDescription.RANDOMISED, "true");
        }
        parameters.put("instruments", support.instruments().source());
        parameters.put("approaches", String.join(",", approaches));
        parameters.put("primary-instrument", run.primaryInstrument());
        parameters.put("suppression", Boolean.toString(run.suppression()));
        if (run.job() == JobKind.RESEARCH) {
            parameters.put("significance", SignificanceMethod.joined(run.significance()));
        }
        // The job file's randomised and layout keys, when the run has them (absent: not randomised,
        // the canonical input).
        return new RunDescription(toolVersion(), parameters.get("job"), run.commandLine(), window,
                support.instruments().instruments(), support.instruments().source(), approaches,
                run.primaryInstrument(), run.suppression(), parameters, RunDescription.randomised(parameters),
                RunDescription.practiceData(window, parameters));
    }

    static String toolVersion() {
        String version = ClinicalOutcomesApplication.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    static DataQuality quality(RunSupport support, JobFacts facts) {
        RunParameters run = support.run();
        List<DataQuality.FileCounts> files = new ArrayList<>();
        for (Map.Entry<InputFileKind, String> reported : facts.reportedFiles().entrySet()) {
            InputFileKind kind = reported.getKey();
            IngestCounts counts = facts.counts(kind);
            Path file = kind == InputFileKind.INTAKE ? run.intakeFile() : run.sessionsFile();
            files.add(new DataQuality.FileCounts(reported.getValue(),
                    kind == InputFileKind.INTAKE ? run.intakeSha256() : run.sessionsSha256(), size(file),
                    counts.read(), counts.accepted(), counts.rejected(), counts.duplicates(), counts.skipped()));
        }
        return new DataQuality(files, reasons(support.work()), warnings(support, facts), scoreCells(support, facts));
    }

    /** The score cells of a researcher's export per configured instrument; empty for the pipeline's own files. */
    static List<DataQualityVerdict.ScoreCells> scoreCells(RunSupport support, JobFacts facts) {
        long[] read = facts.scoreCellsRead();
        long[] rejected = facts.scoreCellsRejected();
        List<DataQualityVerdict.ScoreCells> cells = new ArrayList<>();
        List<org.clinicaloutcomes.metrics.Instrument> instruments = support.instruments().instruments();
        for (int i = 0; i < read.length && i < instruments.size(); i++) {
            cells.add(new DataQualityVerdict.ScoreCells(facts.export().orElse(""), instruments.get(i).key(),
                    instruments.get(i).name(), read[i], rejected[i]));
        }
        return cells;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<DataQuality.ReasonCount> reasons(WorkFolder work) {
        Map<List<String>, Long> counts = new TreeMap<>(Comparator.comparing((List<String> key) -> key.get(0))
                .thenComparing(key -> key.get(1)).thenComparing(key -> key.get(2)));
        for (Path staged : List.of(work.rejects(InputFileKind.INTAKE), work.rejects(InputFileKind.SESSIONS),
                work.duplicateRejects())) {
            try (RejectStage rejects = RejectStage.open(staged)) {
                while (rejects.hasNext()) {
                    Reject reject = rejects.next();
                    counts.merge(List.of(reject.file(), reject.column(), reject.reason()), 1L, Long::sum);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<DataQuality.ReasonCount> reasons = new ArrayList<>();
        counts.forEach((key, rows) -> reasons.add(new DataQuality.ReasonCount(key.get(0), key.get(1), key.get(2), rows)));
        reasons.sort(Comparator.comparing(DataQuality.ReasonCount::file)
                .thenComparing(Comparator.comparingLong(DataQuality.ReasonCount::rows).reversed()));
        return reasons;
    }

    /** The duplicates first: a long list of unknown columns is cut short in the workbook, and it must stay in sight. */
    private static List<String> warnings(RunSupport support, JobFacts facts) {
        List<String> warnings = new ArrayList<>();
        Optional<String> export = facts.export();
        long duplicates = facts.counts(export.isPresent() ? InputFileKind.INTAKE : InputFileKind.SESSIONS).duplicates();
        if (duplicates > 0) {
            warnings.add(export.orElse("sessions.csv") + ": " + duplicates + " exact duplicate row"
                    + (duplicates == 1 ? "" : "s") + (export.isPresent()
                    ? " dropped (same participant, wave and every field as an earlier row)"
                    : " dropped (same client, date, number and every field as an earlier row)"));
        }
        facts.dataGaps().forEach(warnings::add);
        if (export.isPresent()) {
            try {
                warnings.addAll(ExportLayout.read(support.export(), support.instruments().instruments()).warnings());
            } catch (RefusedFileException e) {
                throw new IllegalStateException(e.getMessage(), null);
            }
            return warnings;
        }
        try {
            List<HeaderLayout> layouts = List.of(InputFiles.intakeLayout(support.run().intakeFile()),
                    InputFiles.sessionsLayout(support.run().sessionsFile(), support.instruments().instruments()));
            for (HeaderLayout layout : layouts) {
                for (String column : layout.unknownColumns()) {
                    warnings.add(layout.fileName() + ": unknown column '" + column + "' ignored");
                }
            }
        } catch (RefusedFileException e) {
            throw new IllegalStateException(e.getMessage(), null);
        }
        return warnings;
    }
}
