package org.clinicaloutcomes.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.clinicaloutcomes.analysis.CohortAnalysis;
import org.clinicaloutcomes.analysis.CohortFixture;
import org.clinicaloutcomes.analysis.EpisodeData;
import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.SmallNumberSuppression;
import org.clinicaloutcomes.analysis.WaveDesign;
import org.clinicaloutcomes.ingest.IntakeRecord;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.metrics.ReportWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary page (REPORTS.md, "The summary page"; issue 16) built from the fixture's tables for
 * a monthly, a research, a suppressed and a by-wave run, written to a file and read back: no
 * client ID, the input's text escaped, every figure the CSV's cell, the same bytes twice.
 */
class SummaryPageTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String FORMULA = "=HYPERLINK(\"x\")";
    private static final Pattern CELL = Pattern.compile("<td([^>]*)>([^<]*)</td>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-z-]+)=\"([^\"]*)\"");

    @TempDir
    Path folder;

    private Path write(String name, OutcomeTables tables, RunDescription run) throws IOException {
        Path file = folder.resolve(name);
        SummaryPage.write(file, tables, run, ReportCharts.render(tables, run));
        String dump = System.getenv("SUMMARY_PAGE_DUMP"); // a folder to look at the pages in
        if (dump != null) {
            Files.createDirectories(Path.of(dump));
            Files.copy(file, Path.of(dump).resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** The page without its embedded images (whose base64 text could hold any short string). */
    private static String withoutImages(String page) {
        return page.replaceAll("data:image/png;base64,[A-Za-z0-9+/=]+", "data:image/png;base64,");
    }

    @Test
    void monthlyPageHasItsSectionsAndNoClientId() throws IOException {
        OutcomeTables tables = ReportFixture.tables(true);
        String page = read(write("summary.html", tables, ReportFixture.run(true, false)));

        assertThat(page).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">", "<meta charset=\"utf-8\">",
                "<title>Clinical outcomes \u2014 monthly report, June 2026</title>");
        assertThat(page).contains("The month at a glance", "The trend over time", "Outcomes by approach on PCL-5",
                "In plain words", "DBT on DERS-16", "Open clients who need a look at the end of June 2026",
                "Key charts", "All clinicians");
        assertThat(page).contains("data:image/png;base64,");
        // No request leaves the page: no script, no link, no external source.
        assertThat(page).doesNotContain("<script", "<link", "http://", "https://", "src=\"http", "url(");
        assertNoClientId(page, ReportFixture.episodes());
        assertThat(page).doesNotContain("episode_outcomes", "attention.csv", "alerts.csv");
        // Headline figures of the primary instrument for every approach and ALL.
        List<String[]> figures = figures(page);
        for (String approach : List.of("DBT", "CPT", "ACT", "TAU", "ALL")) {
            for (String column : List.of("n_paired", "reliable_improvement_pct", "recovery_pct",
                    "reliable_deterioration_pct")) {
                assertThat(figures).as(approach + " " + column).anyMatch(f -> f[0].equals("outcomes_by_approach.csv")
                        && f[1].equals(approach) && f[2].equals("pcl5") && f[3].equals(column));
            }
        }
    }

    @Test
    void everyFigureIsItsCsvCell() throws IOException {
        for (boolean suppressed : List.of(false, true)) {
            OutcomeTables tables = ReportFixture.tables(true);
            if (suppressed) {
                tables = SmallNumberSuppression.apply(tables);
            }
            String page = read(write("summary-" + suppressed + ".html", tables, ReportFixture.run(true, suppressed)));
            Path csv = folder.resolve("csv-" + suppressed);
            OutcomeCsvFiles.write(csv, tables, true);
            Map<String, Map<String, String>> groups = csv(csv.resolve("outcomes_by_approach.csv"), "approach",
                    "instrument");
            int checked = 0;
            for (String[] f : figures(page)) {
                if (!f[0].equals("outcomes_by_approach.csv")) {
                    continue;
                }
                String value = unescape(f[4]);
                assertThat(groups.get(f[1] + "|" + f[2]).get(f[3])).as(String.join(" ", f)).isEqualTo(value);
                String shown = unescape(f[5]);
                if (value.isEmpty()) {
                    assertThat(shown).isEqualTo(SummaryPageModel.EMPTY);
                } else if (value.startsWith("<") || value.startsWith(">")) {
                    assertThat(shown).isEqualTo(value);
                } else if (f[3].endsWith("_pct")) {
                    assertThat(shown).isEqualTo(Math.round(Double.parseDouble(value)) + " %");
                }
                checked++;
            }
            assertThat(checked).isGreaterThan(20);
            if (suppressed) {
                assertThat(page).contains("data-value=\"&lt;11\"", ">&lt;11</td>",
                        "Small-number suppression is on");
                assertNoClientId(page, ReportFixture.episodes());
            }
        }
    }

    @Test
    void suppressedAttentionCountsShowAsTheirMarkers() throws IOException {
        OutcomeTables tables = SmallNumberSuppression.apply(ReportFixture.tables(true));
        String page = read(write("summary.html", tables, ReportFixture.run(true, true)));
        String attention = page.substring(page.indexOf("id=\"attention\""));
        attention = attention.substring(0, attention.indexOf("</section>"));
        for (int row = 0; row < tables.attentionCounts().size(); row++) {
            String hidden = tables.suppressed().text("attention_counts", row, "n_clients");
            if (hidden != null) {
                assertThat(attention).contains(">" + hidden.replace("<", "&lt;").replace(">", "&gt;") + "</td>");
            }
        }
        assertThat(attention).doesNotContain(">1</td>", ">2</td>", ">3</td>");
    }

    @Test
    void researchPageHasNoMonthlySectionsNorPracticeWords() throws IOException {
        OutcomeTables tables = ReportFixture.tables(false);
        Map<String, String> parameters = new LinkedHashMap<>(ReportFixture.run(false, false).parameters());
        parameters.put(RunDescription.LAYOUT, "long");
        RunDescription base = ReportFixture.run(false, false);
        RunDescription run = new RunDescription(base.toolVersion(), base.job(), base.commandLine(), base.window(),
                base.instruments(), base.instrumentSource(), base.approaches(), base.primaryInstrument(), false,
                parameters);
        assertThat(run.practiceData()).isFalse();
        String page = read(write("summary.html", tables, run));
        assertThat(page).contains("<title>Clinical outcomes \u2014 research report, ", "At a glance",
                "Outcomes by approach on PCL-5");
        assertThat(page).doesNotContain("The month at a glance", "The trend over time", "attention list",
                "id=\"attention\"", "practice", "clients", "Clients");
        assertNoClientId(page, ReportFixture.episodes());
    }

    @Test
    void byWavePageHasNoDates() throws IOException {
        List<Instrument> instruments = List.of(new Instrument("bdi2", "BDI-II", 0, 63, false, true, 14.0, 8));
        List<String> arms = List.of("CBT", "IPT");
        List<String> waves = List.of("pre", "mid", "post");
        CohortAnalysis analysis = CohortAnalysis.byWave(instruments, arms, "bdi2", WaveDesign.of(waves, null, null));
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String arm = arms.get(i % 2);
            double bdi = 28 + i % 5;
            clients.add("P" + (100 + i));
            analysis.add(new CohortFixture.Builder(i, "P" + (100 + i), arm, "T" + (1 + i % 2), "1970-01-01")
                    .discharged("1970-01-03", null).attended("1970-01-01", bdi).attended("1970-01-02", bdi - 4)
                    .attended("1970-01-03", bdi - 9 - i % 3).data());
        }
        OutcomeTables tables = analysis.finish();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(RunDescription.LAYOUT, "long");
        parameters.put(RunDescription.WAVES, String.join(",", waves));
        RunDescription run = new RunDescription("test", "research", "research --job=trial.properties",
                ReportWindow.byWave(waves.size()), instruments, "trial instruments", arms, "bdi2", false, parameters);
        String page = read(write("summary.html", tables, run));
        assertThat(page).contains("all waves (pre, mid, post)", "Participants in the analysis", "BDI-II");
        assertThat(withoutImages(page)).doesNotContain("1970", "dropout_pct", "Dropout", "month");
        for (String client : clients) {
            assertThat(withoutImages(page)).doesNotContain(client);
        }
    }

    @Test
    void inputTextIsEscapedAndNeverAFormula() throws IOException {
        List<EpisodeData> episodes = new ArrayList<>();
        for (EpisodeData e : ReportFixture.episodes()) {
            IntakeRecord i = e.intake();
            String approach = i.approach().equals("TAU") ? SCRIPT : i.approach();
            String clinician = i.clinicianId().equals("CL2") ? FORMULA : i.clinicianId();
            episodes.add(new EpisodeData(e.index(), new IntakeRecord(i.clientId(), i.intakeDay(), approach, clinician,
                    i.ageBand(), i.gender(), i.state(), i.indexEvent(), i.chronicIllness(), i.priorTrauma(),
                    i.childhoodMedical(), i.marginalized(), i.dischargeDay(), i.dischargeReason(), i.line()),
                    e.sessions()));
        }
        List<String> approaches = List.of("DBT", "CPT", "ACT", SCRIPT);
        CohortAnalysis analysis = new CohortAnalysis(CohortFixture.INSTRUMENTS, approaches, "pcl5",
                CohortFixture.WINDOW, true);
        episodes.forEach(analysis::add);
        OutcomeTables tables = analysis.finish();
        RunDescription base = ReportFixture.run(true, false);
        RunDescription run = new RunDescription(base.toolVersion(), base.job(), base.commandLine(), base.window(),
                base.instruments(), base.instrumentSource(), approaches, base.primaryInstrument(), false,
                base.parameters());
        String page = read(write("summary.html", tables, run));
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(page).doesNotContain("<script");
        assertThat(page).contains("data-approach=\"&lt;script&gt;alert(1)&lt;/script&gt;\"");
        assertThat(tables.attentionCounts()).anyMatch(r -> r.clinicianId().equals(FORMULA));
        // Plain text in HTML: the formula is shown as it is (escaped quotes), never run.
        assertThat(page).contains(">=HYPERLINK(&quot;x&quot;)</td>");
        assertNoClientId(page, episodes);
    }

    @Test
    void twoRendersAreByteIdentical() throws IOException {
        for (boolean monthly : List.of(true, false)) {
            OutcomeTables tables = ReportFixture.tables(monthly);
            RunDescription run = ReportFixture.run(monthly, false);
            byte[] first = Files.readAllBytes(write("a.html", tables, run));
            byte[] second = Files.readAllBytes(write("b.html", ReportFixture.tables(monthly), run));
            assertThat(second).isEqualTo(first);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void assertNoClientId(String page, List<EpisodeData> episodes) {
        String text = withoutImages(page);
        for (EpisodeData e : episodes) {
            String id = e.intake().clientId();
            String escaped = id.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
            assertThat(Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(escaped) + "(?![A-Za-z0-9])")
                    .matcher(text).find()).as("client id " + id).isFalse();
        }
    }

    /** The figures of the page: csv, approach, instrument, column, value, shown text (as in the source). */
    private static List<String[]> figures(String page) {
        List<String[]> figures = new ArrayList<>();
        Matcher m = CELL.matcher(page);
        while (m.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher a = ATTRIBUTE.matcher(m.group(1));
            while (a.find()) {
                attributes.put(a.group(1), a.group(2));
            }
            if (attributes.containsKey("data-csv")) {
                assertThat(attributes).containsKeys("data-approach", "data-instrument", "data-column", "data-value");
                figures.add(new String[] {attributes.get("data-csv"), unescape(attributes.get("data-approach")),
                        attributes.get("data-instrument"), attributes.get("data-column"), attributes.get("data-value"),
                        m.group(2)});
            }
        }
        return figures;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /** A CSV's rows by the values of its key columns joined with |, each as column to cell. */
    private static Map<String, Map<String, String>> csv(Path file, String... keys) throws IOException {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                List<String> key = new ArrayList<>();
                for (String k : keys) {
                    key.add(record.get(k));
                }
                rows.put(String.join("|", key), record.toMap());
            }
        }
        return rows;
    }
}
