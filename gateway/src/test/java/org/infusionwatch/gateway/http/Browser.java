package org.infusionwatch.gateway.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.infusionwatch.gateway.testing.DebianTool;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (no download of either): the
 * flags keep it from reaching the network on its own, and each browser gets a fresh profile.
 * Outside CI the test is skipped when either is missing; in CI it fails ({@link DebianTool}).
 */
final class Browser implements AutoCloseable {
    final ChromeDriver driver;
    final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    static Browser start(int port, Path profileDir, int width, int height) {
        Path chromium = DebianTool.require("chromium", "chromium");
        Path chromedriver = DebianTool.require("chromedriver", "chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--autoplay-policy=no-user-gesture-required", "--force-device-scale-factor=1",
                "--window-size=" + width + "," + height, "--lang=en-GB", "--user-data-dir=" + profileDir);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return new Browser(driver, "http://127.0.0.1:" + port);
    }

    WebDriverWait waitUpTo(Duration d) {
        WebDriverWait w = new WebDriverWait(driver, d);
        w.pollingEvery(Duration.ofMillis(100));
        return w;
    }

    /** Opens the site, signs in on the sign-in page and waits for the role's page. */
    void signIn(String name, String password, String expectedPage) {
        driver.get(base + "/");
        waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("name")));
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("sign-in-button")).click();
        waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(expectedPage));
        waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("user"), name));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: whatever it gives is fine.
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
