package io.ainstruct.adapter.web;

import io.ainstruct.application.access.Authenticator;
import io.ainstruct.domain.error.Unauthenticated;
import io.ainstruct.domain.usage.EntryPoint;
import io.ainstruct.testsupport.server.TestServer;
import io.ainstruct.testsupport.server.TestServerProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's first session in a real headless Chromium: register, log in, create a collection and a document with
 * the live preview, find it by meaning, give an agent a collection token (shown once, copied), revoke it, log out;
 * then an administrator's user list. Writes a desktop and a phone screenshot of each page to docs/screenshots.
 */
class BrowserFlowTest {
    private static final Path SCREENSHOTS = Path.of(System.getProperty("user.dir")).getParent().resolve("docs/screenshots");

    private static TestServer server;
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() {
        Chromium.missing().ifPresent(reason -> {
            System.out.println("[browser] browser tests skipped: " + reason);
            Assumptions.abort(reason);
        });
        server = TestServer.start(TestServerProperties.superuser());
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aPersonManagesTheirMemoryFromRegistrationToLogout() throws Exception {
        // The database is fresh, so a fixed name keeps the screenshots the same from run to run.
        String username = "ada";

        open("/app/register");
        type("username", username);
        type("email", username + "@example.org");
        type("password", WebClient.PASSWORD);
        type("password_again", WebClient.PASSWORD);
        shoot("register");
        submit();
        assertThat(text(".notice")).contains("Your account is ready");
        shoot("login");
        assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo(username);
        type("password", WebClient.PASSWORD);
        submit();
        assertThat(text("h1")).isEqualTo("Hello, " + username);

        open("/app/collections");
        type("new-name", "kitchen");
        submit();
        assertThat(text(".notice")).isEqualTo("Collection 'kitchen' created.");
        shoot("collections");

        open("/app/documents/new");
        new Select(browser.findElement(By.id("collection"))).selectByVisibleText("kitchen");
        type("title", "Feeding a sourdough starter");
        browser.findElement(By.id("content")).sendKeys("# Starter care\n\nFeed the starter **equal weights** of flour and water every day.");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#preview strong"), "equal weights"));
        shoot("document-editor");
        browser.findElement(By.cssSelector("button.primary[type=submit]")).click();
        assertThat(text(".notice")).isEqualTo("Document saved.");
        assertThat(text("article.markdown h1")).isEqualTo("Starter care");
        shoot("document");

        open("/app/documents");
        assertThat(text("table")).contains("Feeding a sourdough starter").contains("kitchen");
        shoot("documents");

        // Indexing runs behind the write; the search page says so when it finds nothing yet.
        wait.until(driver -> {
            open("/app/search?q=" + "how+often+should+I+feed+my+starter");
            return !browser.findElements(By.cssSelector(".hits li")).isEmpty();
        });
        assertThat(text(".hits li a")).isEqualTo("Feeding a sourdough starter");
        assertThat(text(".hits .score")).matches("score -?[01]\\.\\d{3}");
        assertThat(text(".hits pre.chunk")).contains("equal weights");
        shoot("search");

        open("/app/tokens");
        type("cat-label", "kitchen agent");
        new Select(browser.findElement(By.id("cat-collection"))).selectByVisibleText("kitchen");
        browser.findElement(By.cssSelector("form[action='/app/tokens/cat'] button[type=submit]")).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("secret-dialog")));
        String secret = browser.findElement(By.id("secret-value")).getAttribute("value");
        assertThat(secret).startsWith("cat_live_");
        assertThat(browser.findElement(By.id("mcp-config")).getAttribute("value"))
                .contains("\"url\": \"" + server.uri() + "/mcp\"").contains("Bearer " + secret);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("secret-value");
        grantClipboard();
        dialog.findElement(By.cssSelector("button[data-copy=secret-value]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".copy-status"), "Copied"));
        assertThat(browser.executeAsyncScript("navigator.clipboard.readText().then(arguments[0])")).isEqualTo(secret);
        shoot("tokens-new-secret");
        assertThat(agentGetsIn(secret)).isTrue();

        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("secret-dialog")));
        browser.navigate().refresh();
        assertThat(browser.findElements(By.id("secret-dialog"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(secret);
        assertThat(text("#cats")).contains("kitchen agent").contains("active");
        shoot("tokens");

        browser.findElement(By.cssSelector("#cats button[aria-label='Revoke kitchen agent']")).click();
        assertThat(text(".notice")).contains("revoked");
        assertThat(text("#cats")).contains("revoked");
        assertThat(agentGetsIn(secret)).isFalse();

        open("/app");
        shoot("dashboard");
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to content");
        browser.findElement(By.cssSelector("form.logout button")).click();
        wait.until(ExpectedConditions.urlToBe(server.url("/app/login")));
        open("/app/documents");
        assertThat(browser.getCurrentUrl()).contains("/app/login?next=");
    }

    @Test
    void anAdministratorFindsAndDeactivatesAUser() throws Exception {
        String victim = new WebClient(server.uri()).registerAndLogIn("mallory");
        open("/app/login");
        type("username", TestServerProperties.ADMIN_USERNAME);
        type("password", TestServerProperties.ADMIN_PASSWORD);
        submit();
        // The login must have landed before the next page is asked for, or that page answers with the login form.
        loggedIn();
        open("/app/admin/users?q=" + victim);

        browser.findElement(By.cssSelector("button[aria-label='Deactivate " + victim + "']")).click();

        assertThat(text(".notice")).isEqualTo(victim + " is deactivated.");
        open("/app/admin/users");
        shoot("admin-users");
        assertThat(text("table")).contains(victim + " " + victim + "@example.org deactivated");
        browser.findElement(By.cssSelector("button[aria-label='Promote " + victim + " to superuser']")).click();
        assertThat(text(".notice")).isEqualTo(victim + " is now a superuser.");
        assertThat(text("table")).contains(victim + "@example.org deactivated superuser");
        browser.findElement(By.cssSelector("form.logout button")).click();
    }

    @BeforeEach
    void startLoggedOut() {
        // One test failing half-way must not leave the next one inside its session.
        browser.manage().deleteAllCookies();
    }

    private static void loggedIn() {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.logout button")));
    }

    private static void open(String path) {
        browser.get(server.url(path));
    }

    private static void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static void submit() {
        browser.findElement(By.cssSelector("main form button[type=submit].primary")).click();
    }

    private static String text(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css))).getText();
    }

    private static void grantClipboard() {
        browser.executeCdpCommand("Browser.grantPermissions", Map.of("origin", server.uri().toString(),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    /** Whether an agent holding the token gets in: the check REST and MCP make on every request. */
    private static boolean agentGetsIn(String token) {
        try {
            server.context().getBean(Authenticator.class).authenticate(token, EntryPoint.MCP);
            return true;
        } catch (Unauthenticated refused) {
            return false;
        }
    }

    /** The page as it is now, at desktop and at phone width. */
    private static void shoot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Chromium.viewport(browser, 390, 844, true);
        Files.write(SCREENSHOTS.resolve(name + "-phone.png"), browser.getScreenshotAs(OutputType.BYTES));
        Chromium.viewport(browser, 1280, 800, false);
        Files.write(SCREENSHOTS.resolve(name + "-desktop.png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
