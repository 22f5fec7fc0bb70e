package org.clinicaloutcomes.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.clinicaloutcomes.cli.JobKind;
import org.clinicaloutcomes.config.ApproachCatalog;
import org.clinicaloutcomes.ingest.ExportMapping;
import org.clinicaloutcomes.ingest.ExportMapping.Layout;
import org.clinicaloutcomes.metrics.significance.SignificanceMethod;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;

/** The job parameters of a run and back, with the export mapping of a researcher's export. */
class RunParametersTest {

    static final Path INPUT = Path.of("/data/study");

    static RunParameters research(ExportMapping export) {
        return research(export, SignificanceMethod.DEFAULT);
    }

    static RunParameters research(ExportMapping export, List<SignificanceMethod> significance) {
        return new RunParameters(JobKind.RESEARCH, INPUT, Path.of("/reports/r"), null, 0, null, null, null, null,
                "bundled", ApproachCatalog.DEFAULT_APPROACHES, "pcl5", true, 50, true, "run-1", "x", "x",
                LocalDate.of(2026, 11, 26), "research --job=j.properties", export, significance);
    }

    static RunParameters monthly() {
        return new RunParameters(JobKind.MONTHLY, INPUT, null, null, 12,
                org.clinicaloutcomes.analysis.MonitoringSettings.DEFAULT, null, null, null, "bundled",
                ApproachCatalog.DEFAULT_APPROACHES, "pcl5", false, 50, true, "run-2", "x", "x",
                LocalDate.of(2026, 11, 26), "monthly", ExportMapping.CANONICAL, List.of());
    }

    /** The identifying job parameters of a run, as {@code name=value}. */
    static Set<String> identifying(RunParameters run) {
        Set<String> values = new HashSet<>();
        for (JobParameter<?> p : run.toJobParameters()) {
            if (p.identifying()) {
                values.add(p.name() + "=" + p.value());
            }
        }
        return values;
    }

    /** The run's parameters without {@code names}, as a state folder of an earlier version recorded them. */
    static JobParameters without(RunParameters run, List<String> names) {
        Set<JobParameter<?>> older = new HashSet<>();
        for (JobParameter<?> p : run.toJobParameters()) {
            if (!names.contains(p.name())) {
                older.add(p);
            }
        }
        return new JobParameters(older);
    }

    static ExportMapping wide(int instruments) {
        Map<String, Map<String, String>> waveColumns = new LinkedHashMap<>();
        for (String wave : List.of("0", "1.0", "post, final")) {
            Map<String, String> columns = new LinkedHashMap<>();
            columns.put("pcl5", "PCL=" + wave);
            columns.put("phq9", "PHQ:" + wave + "\n");
            for (int i = 1; i <= instruments; i++) {
                columns.put("pcl5_" + i, "PCL item " + i + " at wave " + wave);
            }
            waveColumns.put(wave, columns);
        }
        Map<String, String> approach = new LinkedHashMap<>();
        approach.put("treatment as usual", "TAU");
        approach.put("c,b:t", "CPT");
        return new ExportMapping(Layout.WIDE, Path.of("/data/study/trial export.csv"),
                Map.of("client_id", "Participant ID", "approach", "Arm"),
                Map.of("approach", approach, "chronic_illness", Map.of("2", "N")),
                List.of("0", "1.0", "post, final"), waveColumns, "0", "post, final", true, null,
                List.of("-99", ".", "é"), ';', ExportMapping.WINDOWS_1252);
    }

    @Test
    void thePartitionCountGoesThroughAndBackWithoutMakingAnotherRun() {
        RunParameters one = monthly();
        RunParameters seven = new RunParameters(one.job(), one.input(), one.output(), one.month(), one.windowMonths(),
                one.monitoring(), one.from(), one.to(), one.instrumentsFile(), one.instrumentsSha256(), one.approaches(),
                one.primaryInstrument(), one.suppression(), one.maxRejectPct(), one.quiet(), one.runId(),
                one.intakeSha256(), one.sessionsSha256(), one.today(), one.commandLine(), one.export(),
                one.significance(), 7);
        assertThat(one.partitions()).isEqualTo(1);
        JobParameters parameters = seven.toJobParameters();
        assertThat(parameters.getParameter("partitions").identifying()).isFalse();
        assertThat(RunParameters.from(parameters)).isEqualTo(seven);
        assertThat(identifying(seven)).isEqualTo(identifying(one));
        // a run recorded before the option existed ran in one partition
        assertThat(RunParameters.from(without(seven, List.of("partitions"))).partitions()).isEqualTo(1);
    }

    @Test
    void aWideMappingGoesThroughTheJobParametersAndBack() {
        RunParameters run = research(wide(3));
        JobParameters parameters = run.toJobParameters();
        assertThat(parameters.getString("layout")).isEqualTo("wide");
        assertThat(parameters.getString("randomised")).isEqualTo("true");
        assertThat(parameters.getParameter("export").identifying()).isTrue();
        assertThat(parameters.getParameter("layout").identifying()).isTrue();
        assertThat(parameters.getParameter("randomised").identifying()).isTrue();
        RunParameters back = RunParameters.from(parameters);
        assertThat(back).isEqualTo(run);
        assertThat(back.export().waveColumns().keySet()).containsExactly("0", "1.0", "post, final");
        assertThat(back.export().columns().keySet()).containsExactlyElementsOf(run.export().columns().keySet());
        assertThat(back.intakeFile()).isEqualTo(Path.of("/data/study/trial export.csv"));
        assertThat(back.sessionsFile()).isEqualTo(back.intakeFile());
        assertThat(back.exportFile()).isEqualTo(back.intakeFile());
    }

    @Test
    void aLongMappingGoesThroughTheJobParametersAndBack() {
        ExportMapping export = new ExportMapping(Layout.LONG, Path.of("/data/long.tsv"),
                Map.of("client_id", "id", "wave", "visit", "pcl5", "PCL total"), Map.of(), List.of("pre", "post"),
                Map.of(), null, null, false, "PE", List.of(), '\t', StandardCharsets.UTF_8);
        RunParameters run = research(export);
        JobParameters parameters = run.toJobParameters();
        assertThat(parameters.getString("layout")).isEqualTo("long");
        assertThat(parameters.getString("randomised")).isEqualTo("false");
        assertThat(RunParameters.from(parameters)).isEqualTo(run);
        assertThat(RunParameters.from(parameters).export().delimiter()).isEqualTo('\t');
    }

    @Test
    void theExportParameterIsSortedLinesAndTheSameForTheSameMapping() {
        String text = research(wide(1)).toJobParameters().getString("export");
        assertThat(text).isEqualTo(research(wide(1)).toJobParameters().getString("export"));
        List<String> keys = text.lines().map(l -> l.substring(0, l.indexOf('='))).toList();
        assertThat(keys).isSorted().contains("layout", "file", "columns", "waves", "code.approach", "wave.0");
        assertThat(text).contains("layout=wide\n", "encoding=windows-1252\n", "randomised=true\n");
    }

    @Test
    void aLongExportParameterIsSplitBelowTheRepositorysLimit() {
        RunParameters run = research(wide(20));
        JobParameters parameters = run.toJobParameters();
        assertThat(parameters.getString("export.2")).isNotNull();
        for (JobParameter<?> p : parameters) {
            assertThat(String.valueOf(p.value()).length()).as(p.name()).isLessThanOrEqualTo(2500);
        }
        assertThat(RunParameters.from(parameters)).isEqualTo(run);
    }

    @Test
    void canonicalInputKeepsItsFilesAndARunOfAnEarlierVersionWasCanonical() {
        RunParameters run = research(ExportMapping.canonical(true));
        assertThat(RunParameters.from(run.toJobParameters())).isEqualTo(run);
        assertThat(run.intakeFile()).isEqualTo(INPUT.resolve("intake.csv"));
        assertThat(run.sessionsFile()).isEqualTo(INPUT.resolve("sessions.csv"));
        assertThat(run.exportFile()).isNull();

        Set<JobParameter<?>> older = new HashSet<>();
        for (JobParameter<?> p : research(ExportMapping.canonical(true)).toJobParameters()) {
            if (!List.of("layout", "randomised", "export").contains(p.name())) {
                older.add(p);
            }
        }
        assertThat(RunParameters.from(new JobParameters(older)).export()).isEqualTo(ExportMapping.CANONICAL);
    }

    @Test
    void theSignificanceMethodsAreAnIdentifyingParameterAndComeBackInTheContractsOrder() {
        RunParameters run = research(ExportMapping.CANONICAL,
                List.of(SignificanceMethod.HA, SignificanceMethod.JT, SignificanceMethod.PERCENTAGE));
        JobParameters parameters = run.toJobParameters();
        assertThat(parameters.getString("significance")).isEqualTo("JT,HA,percentage");
        assertThat(parameters.getParameter("significance").identifying()).isTrue();
        assertThat(RunParameters.from(parameters)).isEqualTo(run);
        assertThat(RunParameters.from(parameters).significance())
                .containsExactly(SignificanceMethod.JT, SignificanceMethod.HA, SignificanceMethod.PERCENTAGE);
        // another list is another run (another job instance: its identifying values differ)
        assertThat(identifying(research(ExportMapping.CANONICAL, List.of(SignificanceMethod.GLN))))
                .isNotEqualTo(identifying(research(ExportMapping.CANONICAL)))
                .contains("significance=GLN");
    }

    @Test
    void everyMethodGoesThroughAndBack() {
        RunParameters run = research(ExportMapping.CANONICAL, List.of(SignificanceMethod.values()));
        assertThat(run.toJobParameters().getString("significance")).isEqualTo(SignificanceMethod.names());
        assertThat(RunParameters.from(run.toJobParameters())).isEqualTo(run);
    }

    @Test
    void theMonthlyJobHasNoMethodsAnEmptyParameter() {
        RunParameters run = monthly();
        assertThat(run.toJobParameters().getString("significance")).isEmpty();
        assertThat(RunParameters.from(run.toJobParameters())).isEqualTo(run);
        assertThat(RunParameters.from(run.toJobParameters()).significance()).isEmpty();
    }

    @Test
    void aRunRecordedBeforeTheParameterExistedHasItsJobsDefault() {
        assertThat(RunParameters.from(without(research(ExportMapping.CANONICAL), List.of("significance")))
                .significance()).isEqualTo(SignificanceMethod.DEFAULT);
        assertThat(RunParameters.from(without(monthly(), List.of("significance"))).significance()).isEmpty();
        // so a research run resumed from such a state folder is the same run as one asking for the default
        assertThat(RunParameters.from(without(research(ExportMapping.CANONICAL), List.of("significance"))))
                .isEqualTo(research(ExportMapping.CANONICAL));
    }
}
