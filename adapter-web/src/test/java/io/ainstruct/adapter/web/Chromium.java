package io.ainstruct.adapter.web;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The system's Chromium and its chromedriver (Debian's {@code chromium} and {@code chromium-driver}), headless.
 * Both paths are given to Selenium so that Selenium Manager never runs: nothing may be downloaded here.
 */
final class Chromium {
    static final String BROWSER = System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium");
    static final String DRIVER = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");

    private Chromium() {
    }

    /** Why the browser tests cannot run here, or empty when they can. */
    static Optional<String> missing() {
        for (String path : new String[]{BROWSER, DRIVER}) {
            if (!Files.isExecutable(Path.of(path))) {
                return Optional.of(path + " is missing: install Debian's chromium and chromium-driver packages "
                        + "(.ci/run does), or set CHROMIUM_BINARY and CHROMEDRIVER");
            }
        }
        return Optional.empty();
    }

    static ChromeDriver start() {
        System.setProperty("webdriver.chrome.driver", DRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800",
                "--disable-gpu", "--hide-scrollbars", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        System.out.println("[browser] " + driver.getCapabilities().getBrowserName() + " "
                + driver.getCapabilities().getBrowserVersion() + " (" + BROWSER + ") via " + DRIVER);
        return driver;
    }

    /** Lays the page out at {@code width}×{@code height} CSS pixels, as a phone or a desktop window shows it. */
    static void viewport(ChromeDriver driver, int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }
}
