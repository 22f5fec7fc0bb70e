package org.clinicaloutcomes.it;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through Debian's ChromeDriver (packages chromium and
 * chromium-driver, which {@code .ci/run} installs), never a browser or driver that Selenium
 * Manager downloads: the network is closed. Both paths can be changed with the system properties
 * {@code clinical-outcomes.chromium} and {@code clinical-outcomes.chromedriver}.
 */
final class HeadlessChromium {

    static final Path CHROMIUM = Path.of(System.getProperty("clinical-outcomes.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("clinical-outcomes.chromedriver",
            "/usr/bin/chromedriver"));
    static final int WIDTH = 1280;
    static final int HEIGHT = 2000;

    private HeadlessChromium() {
    }

    /** Fails (never skips) when the browser or its driver is not installed, saying what to install. */
    static void assertInstalled() {
        for (Path program : new Path[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(program)) {
                fail(program + " is missing: the browser test needs Debian's Chromium and ChromeDriver; "
                        + "run .ci/run, or apt-get install chromium chromium-driver");
            }
        }
    }

    /**
     * Starts Chromium headless with a fresh profile in {@code profile}, the browser's console and
     * the network events in its logs ({@code goog:loggingPrefs}), every host name resolving to
     * nothing, and a page-load timeout; the driver's own log goes to {@code driverLog}.
     */
    static ChromeDriver start(Path profile, Path driverLog) throws IOException {
        assertInstalled();
        Files.createDirectories(profile);
        Files.createDirectories(driverLog.getParent());
        // the driver Selenium would otherwise look for with Selenium Manager
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(driverLog.toFile())
                .withTimeout(Duration.ofSeconds(60))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                // as root (CI) Chromium refuses to start with its sandbox
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                // nothing of Chromium's own reaches for Google's hosts (the closed network refuses them)
                "--disable-quic",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--metrics-recording-only",
                // the belt: no host name resolves, so a page cannot fetch anything from a network
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--user-data-dir=" + profile,
                "--window-size=" + WIDTH + "," + HEIGHT,
                "--lang=en-GB");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setPageLoadTimeout(Duration.ofSeconds(60));
        options.setScriptTimeout(Duration.ofSeconds(30));
        return new ChromeDriver(service, options);
    }
}
