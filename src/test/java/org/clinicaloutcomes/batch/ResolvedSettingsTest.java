package org.clinicaloutcomes.batch;

import org.clinicaloutcomes.metrics.significance.SignificanceMethod;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.clinicaloutcomes.analysis.MonitoringSettings;
import org.clinicaloutcomes.cli.JobKind;
import org.clinicaloutcomes.config.ApproachCatalog;
import org.clinicaloutcomes.ingest.InputFileKind;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.clinicaloutcomes.ingest.ExportMapping;

/** REPORTS.md, --restart: "the same parameters" are the resolved ones. */
class ResolvedSettingsTest {

    private static final Path INPUT = Path.of("/data/export");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    private static RunParameters monthly(YearMonth month, Path output) {
        return new RunParameters(JobKind.MONTHLY, INPUT, output, month, 12, MonitoringSettings.DEFAULT, null, null, null, "bundled",
                ApproachCatalog.DEFAULT_APPROACHES, "pcl5", false, 50, true, "run-1", "x", "y", TODAY, "monthly",
                ExportMapping.CANONICAL, List.of());
    }

    private static RunParameters research(LocalDate from, LocalDate to) {
        return new RunParameters(JobKind.RESEARCH, INPUT, Path.of("/reports/r"), null, 12, null, from, to, null, "bundled",
                ApproachCatalog.DEFAULT_APPROACHES, "pcl5", true, 50, true, "run-1", "x", "y", TODAY, "research",
                ExportMapping.CANONICAL, SignificanceMethod.DEFAULT);
    }

    /** The facts an earlier run's ingest left: intakes from 2024-02-03, sessions up to 2025-03-01. */
    private static ExecutionContext ingested() {
        ExecutionContext context = new ExecutionContext();
        JobFacts facts = JobFacts.of(context);
        facts.intakeDays((int) LocalDate.of(2024, 2, 3).toEpochDay(), (int) LocalDate.of(2025, 1, 12).toEpochDay());
        facts.sessionDays((int) LocalDate.of(2024, 2, 10).toEpochDay(), (int) LocalDate.of(2025, 3, 1).toEpochDay());
        facts.counts(InputFileKind.INTAKE, new IngestCounts(4, 4, 0, 0));
        facts.counts(InputFileKind.SESSIONS, new IngestCounts(9, 9, 0, 0));
        return context;
    }

    @Test
    void aDefaultMonthAndTheSameMonthGivenResolveAlike() {
        Path out = Path.of("/reports/out");
        ResolvedSettings byDefault = ResolvedSettings.of(monthly(null, out), ingested()).orElseThrow();
        ResolvedSettings given = ResolvedSettings.of(monthly(YearMonth.of(2025, 3), out), ingested()).orElseThrow();
        ResolvedSettings other = ResolvedSettings.of(monthly(YearMonth.of(2025, 4), out), ingested()).orElseThrow();

        assertThat(byDefault.label()).isEqualTo("2025-03");
        assertThat(given).isEqualTo(byDefault);
        assertThat(other).isNotEqualTo(byDefault);
    }

    @Test
    void aDefaultOutputFolderAndTheSameFolderGivenResolveAlike() {
        ResolvedSettings byDefault = ResolvedSettings.of(monthly(YearMonth.of(2025, 3), null), ingested()).orElseThrow();
        Path same = Path.of("reports", "2025-03").toAbsolutePath();
        ResolvedSettings given = ResolvedSettings.of(monthly(YearMonth.of(2025, 3), same), ingested()).orElseThrow();

        assertThat(byDefault.output()).isEqualTo(same);
        assertThat(given).isEqualTo(byDefault);
    }

    @Test
    void researchDatesLeftOpenResolveToTheData() {
        ResolvedSettings open = ResolvedSettings.of(research(null, null), ingested()).orElseThrow();
        ResolvedSettings given = ResolvedSettings.of(research(LocalDate.of(2024, 2, 3), LocalDate.of(2025, 3, 1)),
                ingested()).orElseThrow();

        assertThat(open.from()).isEqualTo("2024-02-03");
        assertThat(open.to()).isEqualTo("2025-03-01");
        assertThat(given).isEqualTo(open);
    }

    @Test
    void beforeTheIngestCompletedNothingIsResolved() {
        ExecutionContext partial = new ExecutionContext();
        JobFacts.of(partial).counts(InputFileKind.INTAKE, new IngestCounts(4, 4, 0, 0));

        assertThat(ResolvedSettings.of(monthly(null, null), partial)).isEmpty();
    }
}
