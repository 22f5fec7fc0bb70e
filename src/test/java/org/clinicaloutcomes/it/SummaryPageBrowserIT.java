package org.clinicaloutcomes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

/**
 * The summary page (REPORTS.md, "The summary page") in a real browser: the jar's
 * {@code summary.html}, opened from the file system in Debian's headless Chromium
 * ({@link HeadlessChromium}), renders without a console error and without any network request,
 * shows the headline numbers of {@code csv/outcomes_by_approach.csv} of the same report, holds no
 * client ID of the input, and prints on two to four A4 pages. The printed PDF and a full-page
 * screenshot of each page are kept in {@code target/browser/}.
 *
 * <p>The headline numbers are the elements with {@code data-csv="outcomes_by_approach.csv"}; their
 * {@code data-approach}, {@code data-instrument} and {@code data-column} name a cell of that CSV,
 * {@code data-value} is the cell's text and the element's text is that value as shown (a
 * percentage rounded to a whole percent with " %", a count as the integer, a suppressed count as
 * {@code <11} or {@code >10}).
 *
 * <p>The fixture tests check the harness itself on hand-made pages in
 * {@code src/test/resources/browser/}: a good one passes every check, a bad one fails each.
 */
class SummaryPageBrowserIT {

    static final Path OUTPUT = Path.of(System.getProperty("clinical-outcomes.browser-output", "target/browser"));
    static final String CSV = "outcomes_by_approach.csv";
    static final Path INTAKE = Path.of("sample-data", "intake.csv");

    @TempDir
    Path work;

    private ChromeDriver driver;

    /** What the browser showed and logged of one page. */
    record Page(String name, Path report, Path file, String url, List<LogEntry> console, List<String> requests) {
    }

    @BeforeEach
    void theBrowserIsInstalled() {
        // fails, rather than skips, without Chromium and ChromeDriver: a CI without them tests nothing here
        HeadlessChromium.assertInstalled();
    }

    @AfterEach
    void quitTheBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    @Test
    void theMonthlySummaryPageRendersOfflineShowsTheCsvNumbersAndPrintsOnTwoToFourPages() throws Exception {
        // given the sample's monthly report for October 2026
        Path report = work.resolve("monthly");
        JarRunner.Result result = JarRunner.monthly(work.resolve("state"), "sample-data", report);
        assertThat(result.exitCode()).as(result.err()).isZero();

        // when its summary page is opened from the file system in headless Chromium
        Page page = open(report, "monthly");

        // then it passes every check of the page
        assertTheSummaryPage(page);
    }

    @Test
    void theResearchSummaryPageShowsTheSuppressedCsvNumbersAsTheCsvDoes() throws Exception {
        // given the sample's research report for November 2025 to October 2026 (suppression on by default)
        Path report = work.resolve("research");
        JarRunner.Result result = JarRunner.run(work.resolve("state"), "research", "--input=sample-data",
                "--output=" + report, "--from=2025-11-01", "--to=2026-10-31", "--quiet");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readString(report.resolve("run.json"))).contains("\"suppression\": \"on");

        // when its summary page is opened
        Page page = open(report, "research");

        // then the same checks pass, a suppressed count (<11, >10) showing as that text
        assertTheSummaryPage(page);
    }

    @Test
    void theHarnessPassesAHandMadeSelfContainedPage() throws Exception {
        // given a report folder holding the fixture page and a CSV of its numbers
        Path report = fixtureReport("fixture-summary.html");

        // when it is opened
        Page page = open(report, "fixture");

        // then every check passes, the suppressed ones included
        assertThat(headlineNumbers(page)).as("the fixture's headline numbers").hasSize(18)
                .anySatisfy(number -> assertThat(number.get("value")).isEqualTo("<11"))
                .anySatisfy(number -> assertThat(number.get("value")).isEqualTo(">10"))
                .anySatisfy(number -> assertThat(number.get("value")).isEmpty());
        assertThat(page.requests()).as("the performance log sees the page's own requests, its data: chart included")
                .contains(page.url()).anyMatch(url -> url.startsWith("data:image/png;base64,"));
        assertTheSummaryPage(page);
    }

    @Test
    void theHarnessCatchesEachFaultOfABadPage() throws Exception {
        // given a page that requests the network, logs an error, names clients, shows wrong numbers and prints on one page
        Path report = fixtureReport("fixture-summary-bad.html");

        // when it is opened
        Page page = open(report, "fixture-bad");

        // then each check fails, saying why
        assertThatThrownBy(() -> assertTitleAndLanguage(page)).hasMessageContaining("Clinical outcomes");
        assertThatThrownBy(() -> assertNoConsoleError(page)).hasMessageContaining("fixture: an error on the console");
        assertThatThrownBy(() -> assertNoNetworkRequest(page)).hasMessageContaining("https://example.org/logo.png");
        assertThatThrownBy(() -> assertHeadlineNumbersAreTheCsvs(page))
                .hasMessageContaining("data-value 72.9 but the CSV's cell is 72.8")
                .hasMessageContaining("shows '126'")
                .hasMessageContaining("shows '7', not <11");
        assertThatThrownBy(() -> assertNoClientId(page))
                .hasMessageContaining("E0000002")
                .hasMessageContaining("E0000001");
        assertThatThrownBy(() -> assertPrintsOnTwoToFourA4Pages(page)).hasMessageContaining("1 page");
    }

    // ---- opening a page ------------------------------------------------------------------------

    private Page open(Path report, String name) throws IOException {
        Path file = report.resolve("summary.html");
        assertThat(file).as("the report folder's summary page (REPORTS.md, \"The summary page\")").isRegularFile();
        driver = HeadlessChromium.start(work.resolve("chromium-profile-" + name),
                OUTPUT.resolve(name + "-chromedriver.log"));
        String url = file.toUri().toString();
        // the browser's own start page (its new-tab page, chrome:// resources) is not the summary's:
        // leave it, and drop what the logs hold of it, before opening the summary
        driver.get("about:blank");
        driver.manage().logs().get(LogType.BROWSER);
        driver.manage().logs().get(LogType.PERFORMANCE);
        driver.get(url);
        // the logs are read once: ChromeDriver hands every entry out only once
        List<LogEntry> console = driver.manage().logs().get(LogType.BROWSER).getAll();
        List<String> requests = new ArrayList<>();
        Json json = new Json();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            Map<String, Object> message = json.toType(entry.getMessage(), Json.MAP_TYPE);
            Map<?, ?> event = (Map<?, ?>) message.get("message");
            if ("Network.requestWillBeSent".equals(event.get("method"))) {
                Map<?, ?> request = (Map<?, ?>) ((Map<?, ?>) event.get("params")).get("request");
                requests.add(String.valueOf(request.get("url")));
            }
        }
        return new Page(name, report, file, url, console, requests);
    }

    private Path fixtureReport(String page) throws IOException {
        Path report = work.resolve("fixture-report");
        Files.createDirectories(report.resolve("csv"));
        copyResource("browser/" + page, report.resolve("summary.html"));
        copyResource("browser/fixture-" + CSV, report.resolve("csv").resolve(CSV));
        return report;
    }

    private static void copyResource(String name, Path to) throws IOException {
        try (InputStream in = SummaryPageBrowserIT.class.getClassLoader().getResourceAsStream(name)) {
            Files.copy(Objects.requireNonNull(in, name), to);
        }
    }

    // ---- the checks ----------------------------------------------------------------------------

    /** Every check, each failure reported; the PDF and the screenshot are written even when one fails. */
    private void assertTheSummaryPage(Page page) {
        SoftAssertions softly = new SoftAssertions();
        softly.check(() -> assertTitleAndLanguage(page));
        softly.check(() -> assertNoConsoleError(page));
        softly.check(() -> assertNoNetworkRequest(page));
        softly.check(() -> assertHeadlineNumbersAreTheCsvs(page));
        softly.check(() -> assertNoClientId(page));
        softly.check(() -> assertPrintsOnTwoToFourA4Pages(page));
        softly.check(() -> screenshot(page));
        softly.assertAll();
    }

    private void assertTitleAndLanguage(Page page) {
        assertThat(driver.getTitle()).as(page.name() + ": the page's title").startsWith("Clinical outcomes");
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).as(page.name() + ": <html lang>")
                .isEqualTo("en");
    }

    private void assertNoConsoleError(Page page) {
        List<String> errors = page.console().stream().filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
        assertThat(errors).as(page.name() + ": errors on the browser's console").isEmpty();
    }

    /** The page's own file: URL and data: URLs only (the host resolver rules also refuse every host). */
    private void assertNoNetworkRequest(Page page) {
        assertThat(driver.getCurrentUrl()).as(page.name() + ": the page's URL").isEqualTo(page.url());
        assertThat(page.requests()).as(page.name() + ": the requests the page made").contains(page.url());
        List<String> elsewhere = page.requests().stream()
                .filter(url -> !url.startsWith("data:") && !withoutFragment(url).equals(page.url()))
                .toList();
        assertThat(elsewhere).as(page.name() + ": requests other than the page's own file and data: URLs").isEmpty();
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    /** Every element of {@code data-csv="outcomes_by_approach.csv"}: its value is the CSV's cell, shown as such. */
    private void assertHeadlineNumbersAreTheCsvs(Page page) throws IOException {
        List<Map<String, String>> rows = CsvAssert.read(page.report().resolve("csv").resolve(CSV));
        List<Map<String, String>> numbers = headlineNumbers(page);
        assertThat(numbers).as(page.name() + ": elements with data-csv=\"" + CSV + "\"").isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Map<String, String> number : numbers) {
            String where = page.name() + ": " + number.get("approach") + " " + number.get("instrument") + " "
                    + number.get("column");
            if (number.get("approach") == null || number.get("instrument") == null || number.get("column") == null
                    || number.get("value") == null) {
                problems.add(where + ": an element lacks data-approach, data-instrument, data-column or data-value: "
                        + number.get("html"));
                continue;
            }
            List<Map<String, String>> matching = rows.stream()
                    .filter(row -> number.get("approach").equals(row.get("approach"))
                            && number.get("instrument").equals(row.get("instrument")))
                    .toList();
            if (matching.size() != 1) {
                problems.add(where + ": " + matching.size() + " rows of the CSV for this approach and instrument");
                continue;
            }
            String cell = matching.get(0).get(number.get("column"));
            if (cell == null) {
                problems.add(where + ": the CSV has no column " + number.get("column"));
                continue;
            }
            if (!cell.equals(number.get("value"))) {
                problems.add(where + ": data-value " + number.get("value") + " but the CSV's cell is " + cell);
                continue;
            }
            String disagreement = disagreement(number.get("column"), cell, number.get("text"));
            if (disagreement != null) {
                problems.add(where + ": value " + cell + " " + disagreement);
            }
        }
        assertThat(problems).as(page.name() + ": headline numbers unlike " + CSV + " (of " + numbers.size() + ")")
                .isEmpty();
    }

    /** The headline numbers' attributes and rendered text, read in one script rather than a request each. */
    @SuppressWarnings("unchecked")
    private List<Map<String, String>> headlineNumbers(Page page) {
        Object found = ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('[data-csv=\"" + CSV + "\"]')).map(e => ({"
                        + "approach: e.getAttribute('data-approach'), instrument: e.getAttribute('data-instrument'),"
                        + "column: e.getAttribute('data-column'), value: e.getAttribute('data-value'),"
                        + "text: e.innerText, html: e.outerHTML.slice(0, 300)}));");
        return (List<Map<String, String>>) found;
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.(\\d+))?");

    /**
     * Null when the text shows the value: an empty cell as no number, a suppressed count as its
     * text, a percentage as a whole number and " %", a count as the integer, any other number
     * rounded to the decimals shown; else what is wrong.
     */
    static String disagreement(String column, String value, String text) {
        String shown = text == null ? "" : text.replaceAll("[\\u00a0\\u202f\\u2009]", " ").replace('\u2212', '-')
                .replaceAll("\\s+", " ").trim();
        if (value.isEmpty()) {
            return shown.matches(".*\\d.*") ? "(empty) but the page shows '" + shown + "'" : null;
        }
        if (value.matches("[<>]\\d+")) {
            return shown.equals(value) ? null : "is suppressed but the page shows '" + shown + "', not " + value;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value);
        } catch (NumberFormatException e) {
            return "is not a number; the page shows '" + shown + "'";
        }
        if (column.endsWith("_pct") && !shown.matches("-?\\d+ %")) {
            return "is a percentage: the page shows '" + shown + "', not a whole number and ' %'";
        }
        if (column.startsWith("n_") && !shown.matches("\\d+")) {
            return "is a count: the page shows '" + shown + "', not the integer";
        }
        if (!shown.matches("-?\\d+(\\.\\d+)?( %)?")) {
            return "is a number: the page shows '" + shown + "'";
        }
        Matcher matcher = NUMBER.matcher(shown);
        matcher.find();
        BigDecimal shownNumber = new BigDecimal(matcher.group());
        int decimals = matcher.group(1) == null ? 0 : matcher.group(1).length();
        BigDecimal halfAUnit = BigDecimal.valueOf(5, decimals + 1);
        if (number.subtract(shownNumber).abs().compareTo(halfAUnit) > 0) {
            return "but the page shows '" + shown + "' (" + shownNumber + " is not the value rounded to " + decimals
                    + " decimals)";
        }
        return null;
    }

    /** No client_id of the input in the page's text, in the browser's DOM or in the file. */
    private void assertNoClientId(Page page) throws IOException {
        Set<String> ids = clientIds();
        assertThat(ids).as("client IDs of " + INTAKE).isNotEmpty();
        String text = driver.findElement(By.tagName("body")).getText();
        String source = driver.getPageSource();
        String file = Files.readString(page.file(), StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        for (String id : ids) {
            if (text.contains(id)) {
                found.add(id + " (visible text)");
            }
            if (source.contains(id)) {
                found.add(id + " (page source)");
            }
            if (file.contains(id)) {
                found.add(id + " (summary.html)");
            }
        }
        assertThat(found).as(page.name() + ": client IDs of " + INTAKE + " on the page").isEmpty();
    }

    private static Set<String> clientIds() throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        try (Reader reader = Files.newBufferedReader(INTAKE, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (CSVRecord record : parser) {
                if (record.isMapped("client_id") && record.isSet("client_id") && !record.get("client_id").isBlank()) {
                    ids.add(record.get("client_id").trim());
                }
            }
        }
        return ids;
    }

    /** Printed by the browser on A4 portrait (its default margins, no backgrounds, as a user prints it). */
    private void assertPrintsOnTwoToFourA4Pages(Page page) throws IOException {
        PrintOptions options = new PrintOptions();
        options.setPageSize(PageSize.ISO_A4);
        options.setOrientation(PrintOptions.Orientation.PORTRAIT);
        byte[] pdf = Base64.getDecoder().decode(((PrintsPage) driver).print(options).getContent());
        Files.createDirectories(OUTPUT);
        Path kept = OUTPUT.resolve(page.name() + "-summary.pdf");
        Files.write(kept, pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).as(page.name() + ": printed on A4 (" + kept + "), " + pages + (pages == 1 ? " page" : " pages"))
                    .isBetween(2, 4);
            PDRectangle size = document.getPage(0).getMediaBox();
            assertThat(size.getWidth()).as("A4 portrait's width in points").isCloseTo(595.3f, offset(2f));
            assertThat(size.getHeight()).as("A4 portrait's height in points").isCloseTo(841.9f, offset(2f));
        }
    }

    /**
     * The whole page in one PNG: the window made as tall as the document (its frame added, up to
     * 20,000 pixels), at least the starting 1280 × 2000.
     */
    private void screenshot(Page page) throws IOException {
        long height = ((Number) ((JavascriptExecutor) driver).executeScript(
                "return Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0)"
                        + " + Math.max(0, window.outerHeight - window.innerHeight);"))
                .longValue();
        driver.manage().window().setSize(new Dimension(HeadlessChromium.WIDTH,
                (int) Math.max(HeadlessChromium.HEIGHT, Math.min(height, 20_000))));
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(OUTPUT);
        Files.write(OUTPUT.resolve(page.name() + "-summary.png"), png);
        assertThat(png).as(page.name() + ": the screenshot").isNotEmpty();
    }
}
