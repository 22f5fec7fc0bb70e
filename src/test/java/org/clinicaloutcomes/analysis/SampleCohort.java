package org.clinicaloutcomes.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.clinicaloutcomes.config.ApproachCatalog;
import org.clinicaloutcomes.config.InstrumentCatalog;
import org.clinicaloutcomes.ingest.CsvRecordSource;
import org.clinicaloutcomes.ingest.EpisodeRegistry;
import org.clinicaloutcomes.ingest.InputFiles;
import org.clinicaloutcomes.ingest.IntakeRecord;
import org.clinicaloutcomes.ingest.IntakeRowValidator;
import org.clinicaloutcomes.ingest.RawRow;
import org.clinicaloutcomes.ingest.RowResult;
import org.clinicaloutcomes.ingest.SessionDeduplicator;
import org.clinicaloutcomes.ingest.SessionRecord;
import org.clinicaloutcomes.ingest.SessionRowValidator;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.metrics.ReportWindow;
import org.clinicaloutcomes.sample.SampleDataGenerator;
import org.clinicaloutcomes.sample.SampleDataSettings;

/**
 * A realistic cohort for the suppression tests and the workbook's print test (which reads the
 * project's {@code sample-data} with it): {@link SampleDataGenerator} data read and checked
 * by the ingest classes (as {@link ExampleEndToEndTest} does for the worked example) and every
 * accepted episode given to {@link CohortAnalysis} in index order, with the bundled instruments
 * and the default approaches.
 */
public final class SampleCohort {

    /** Last month of the generated data. */
    public static final YearMonth END = YearMonth.of(2026, 10);

    private SampleCohort() {
    }

    /** Generates {@code episodes} episodes with {@code seed} into {@code folder}. */
    public static Path generate(Path folder, long seed, int episodes) throws IOException {
        new SampleDataGenerator().generate(new SampleDataSettings(seed, episodes, END), folder);
        return folder;
    }

    /** A research run over all the months of the generated data. */
    public static ReportWindow researchWindow() {
        return ReportWindow.research(END.minusMonths(SampleDataGenerator.MONTHS - 1).atDay(1), END.atEndOfMonth(),
                null, null);
    }

    /** Reads {@code input/intake.csv} and {@code input/sessions.csv} and runs the analysis. */
    /**
     * Research runs compute every clinical-significance method, each instrument with the same
     * parameters (reliability 0.85, 50 %, an MID of 5 points, cut-off a).
     */
    static final java.util.function.IntFunction<SignificanceSettings> EVERY_METHOD = count -> new SignificanceSettings(
            List.of(org.clinicaloutcomes.metrics.significance.SignificanceMethod.values()),
            java.util.Collections.nCopies(count, new org.clinicaloutcomes.metrics.significance.SignificanceParameters(
                    0.85, null, null, null, null, 5.0, null, 0.5, null)));

    public static OutcomeTables analyse(Path input, ReportWindow window, boolean monthly)
            throws Exception {
        return analyse(input, window, monthly, CohortAnalysis.DEFAULT_SERIES_MONTHS);
    }

    /** The same, with a monthly series of {@code seriesMonths} months. */
    static OutcomeTables analyse(Path input, ReportWindow window, boolean monthly, int seriesMonths)
            throws Exception {
        return analyse(input, window, monthly, seriesMonths, 1);
    }

    /**
     * The same, the episodes split into {@code partitions} analyses by their client id's
     * partition ({@link org.clinicaloutcomes.metrics.Fold#partition}), each given its episodes in
     * index order, merged in partition order.
     */
    static OutcomeTables analyse(Path input, ReportWindow window, boolean monthly, int seriesMonths, int partitions)
            throws Exception {
        return analyse(input, window, monthly, seriesMonths, partitions, false);
    }

    /**
     * The same, each partition's analysis written with Java serialization and read back before
     * it is merged, as a worker in another process would hand it on.
     */
    static OutcomeTables analyse(Path input, ReportWindow window, boolean monthly, int seriesMonths, int partitions,
                                 boolean serialized) throws Exception {
        List<Instrument> instruments = InstrumentCatalog.bundled().instruments();
        ApproachCatalog approaches = ApproachCatalog.defaults();

        Path intakeFile = input.resolve("intake.csv");
        IntakeRowValidator intakeValidator = new IntakeRowValidator(InputFiles.intakeLayout(intakeFile), approaches);
        EpisodeRegistry registry = new EpisodeRegistry();
        try (CsvRecordSource source = new CsvRecordSource(intakeFile)) {
            for (RawRow row = source.next(); row != null; row = source.next()) {
                if (intakeValidator.validate(row) instanceof RowResult.Accepted<IntakeRecord> accepted) {
                    registry.accept(accepted.record());
                }
            }
        }

        Path sessionsFile = input.resolve("sessions.csv");
        SessionRowValidator sessionValidator = new SessionRowValidator(
                InputFiles.sessionsLayout(sessionsFile, instruments), instruments, registry);
        List<SessionRecord> passed = new ArrayList<>();
        try (CsvRecordSource source = new CsvRecordSource(sessionsFile)) {
            for (RawRow row = source.next(); row != null; row = source.next()) {
                if (sessionValidator.validate(row) instanceof RowResult.Accepted<SessionRecord> accepted) {
                    passed.add(accepted.record());
                }
            }
        }
        List<SessionRecord> sessions = SessionDeduplicator.deduplicate(passed, "sessions.csv").accepted();

        CohortAnalysis[] parts = new CohortAnalysis[partitions];
        for (int p = 0; p < partitions; p++) {
            parts[p] = new CohortAnalysis(instruments, approaches.approaches(), "pcl5", window, monthly, seriesMonths);
            if (!monthly) {
                parts[p].computeSignificance(EVERY_METHOD.apply(instruments.size()));
            }
        }
        int next = 0;
        for (int episode = 0; episode < registry.size(); episode++) {
            int start = next;
            while (next < sessions.size() && sessions.get(next).episode() == episode) {
                next++;
            }
            IntakeRecord intake = registry.get(episode);
            parts[org.clinicaloutcomes.metrics.Fold.partition(intake.clientId(), partitions)]
                    .add(new EpisodeData(episode, intake, sessions.subList(start, next)));
        }
        if (next != sessions.size()) {
            throw new IllegalStateException("sessions not in episode order");
        }
        for (int p = 1; p < partitions; p++) {
            parts[0].merge(serialized ? roundTrip(parts[p]) : parts[p]);
        }
        return (serialized ? roundTrip(parts[0]) : parts[0]).finish();
    }

    private static CohortAnalysis roundTrip(CohortAnalysis analysis) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(analysis);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            return (CohortAnalysis) in.readObject();
        }
    }
}
