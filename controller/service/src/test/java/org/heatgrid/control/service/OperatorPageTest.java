package org.heatgrid.control.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.heatgrid.gateway.EdgeGateway;
import org.heatgrid.wire.GatewayState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator page (META-INF/resources) in a real headless Chromium, against the running service
 * (real Mosquitto and InfluxDB, gateways B01-B03 as in ApiTest): an operator signs in, sees the
 * buildings, sets an override with a reason through the form (checked through the API and the
 * audit log, and in the row), is shown a problem's field and detail, changes a mode and clears the
 * override; a viewer is told why a change is refused. Uses Debian's chromium and chromium-driver
 * (./run-tests installs them); the paths can be changed with -Dheatgrid.chromium and
 * -Dheatgrid.chromedriver.
 */
@QuarkusTest
@WithTestResource(ServicesResource.class)
class OperatorPageTest {

  static final String CHROMIUM = System.getProperty("heatgrid.chromium", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getProperty("heatgrid.chromedriver", "/usr/bin/chromedriver");
  static final Duration WAIT = Duration.ofSeconds(20);

  private static List<EdgeGateway> gateways;
  private static ChromeDriverService driverService;
  private static WebDriver browser;

  @TestHTTPResource("/")
  URL root;

  @Inject
  ControlService service;

  @BeforeAll
  static void startBrowser() {
    for (String exe : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(Path.of(exe))) {
        throw new IllegalStateException(exe + " is missing: OperatorPageTest drives Debian's headless"
            + " Chromium; install it with `apt-get install -y chromium chromium-driver` (./run-tests"
            + " does), or point -Dheatgrid.chromium / -Dheatgrid.chromedriver at them");
      }
    }
    // The driver's path is given, so Selenium Manager is never asked to download one.
    driverService = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    // --no-sandbox: the tests run as root, where Chromium's sandbox refuses to start.
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
        "--disable-gpu", "--window-size=1280,1600", "--lang=en-GB");
    browser = new ChromeDriver(driverService, options);
    browser.manage().timeouts().pageLoadTimeout(WAIT);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (driverService != null) {
      driverService.stop();
    }
    if (gateways != null) {
      gateways.forEach(EdgeGateway::close);
    }
  }

  private void startGateways() {
    if (gateways == null) {
      gateways = Loops.gateways(ServicesResource.BROKER, service.clock(), List.of("B01", "B02", "B03"));
    }
  }

  @Test
  void thePageIsPublic_theDataIsNot() {
    given().when().get(root).then().statusCode(200).contentType(containsString("text/html"))
        .body(containsString("heatgrid operator"));
    given().when().get(root + "app.js").then().statusCode(200);
    given().when().get(root + "style.css").then().statusCode(200);
    given().when().get(root + "api/status").then().statusCode(401);
  }

  @Test
  void operatorSetsAnOverrideThroughTheForm_viewerIsToldWhyNot() throws IOException {
    startGateways();
    EdgeGateway b01 = gateways.get(0);
    await().atMost(WAIT).until(() -> b01.state() == GatewayState.ONLINE);

    // Refresh every second (the default is 5 s) to keep the test short.
    browser.get(root + "?refresh=1");

    signIn("operator", "wrong");
    waitForText(By.id("login-error"), "401");

    signIn("operator", "operator-pw");
    waitFor("three building rows", d -> rows().size() == 3);
    assertThat(browser.findElement(By.id("who-user")).getText()).isEqualTo("operator");
    waitFor("B01's gateway shown online", d -> cell("B01", "gateway").contains("online"));
    waitFor("B01's current setpoint shown", d -> cell("B01", "setpoint").contains("°C"));
    waitFor("B01's indoor temperature shown", d -> cell("B01", "indoor").contains("°C"));
    waitForText(By.id("status"), "MQTT broker");
    assertThat(text(By.id("status"))).contains("connected").contains("Savings to date")
        .contains("Control loop").contains("healthy").contains("campus16");

    // A refused value: the problem's field and detail next to the form, the input marked.
    new Select(browser.findElement(By.id("building"))).selectByValue("B01");
    type("ov-setpoint", "500");
    type("ov-minutes", "1440");
    type("ov-reason", "too hot");
    browser.findElement(By.id("ov-set")).click();
    waitForText(By.id("override-error"), "supply_setpoint_c");
    assertThat(text(By.id("override-error"))).contains("must be between 10 and");
    assertThat(browser.findElement(By.id("ov-setpoint")).getDomAttribute("aria-invalid")).isEqualTo("true");

    // The override: one simulated day = 144 s wall at 600x, long enough to see it everywhere.
    String reason = "pump test " + System.nanoTime();
    type("ov-setpoint", "58.5");
    type("ov-reason", reason);
    browser.findElement(By.id("ov-set")).click();
    waitForText(By.id("override-done"), "Override set on B01");
    assertThat(text(By.id("override-error"))).isEmpty();

    JsonPath b = ApiTest.as("viewer").when().get("/api/buildings/B01").then().statusCode(200)
        .body("override.active", equalTo(true)).body("override.supply_setpoint_c", equalTo(58.5f))
        .body("override.reason", equalTo(reason)).body("override.by", equalTo("operator"))
        .extract().jsonPath();
    ApiTest.as("viewer").when().get("/api/audit?building=B01").then().statusCode(200)
        .body("[0].who", equalTo("operator")).body("[0].what", equalTo("override.set"))
        .body("[0].why", equalTo(reason));
    String expires = b.getString("override.expires_at");
    String shown = expires.replace('T', ' ').replaceFirst("(\\.\\d+)?Z$", " UTC");
    waitFor("B01's row shows the override", d -> cell("B01", "override").contains(reason)
        && cell("B01", "override").contains("58.5 °C") && cell("B01", "override").contains(shown));
    waitForText(By.id("audit"), reason);
    waitFor("the page's status lists B01 as overridden",
        d -> text(By.id("status")).matches("(?s).*Active overrides\\s+B01.*"));
    screenshot("operator-page.png");

    // The mode selector.
    new Select(browser.findElement(By.id("mode"))).selectByValue("heating_curve");
    type("mode-reason", "commissioning " + reason);
    browser.findElement(By.id("mode-set")).click();
    waitForText(By.id("mode-done"), "heating_curve");
    ApiTest.as("viewer").when().get("/api/buildings/B01").then().body("mode", equalTo("heating_curve"));
    waitFor("B01's row shows the mode", d -> cell("B01", "mode").equals("heating_curve"));
    new Select(browser.findElement(By.id("mode"))).selectByValue("auto");
    type("mode-reason", "back to the controller");
    browser.findElement(By.id("mode-set")).click();
    waitForText(By.id("mode-done"), "auto");

    // A viewer sees the page but is told why a change is refused.
    browser.findElement(By.id("sign-out")).click();
    signIn("viewer", "viewer-pw");
    waitFor("three building rows for the viewer", d -> rows().size() == 3);
    waitFor("the viewer sees the override", d -> cell("B01", "override").contains(reason));
    type("ov-setpoint", "40");
    type("ov-reason", "viewer tries");
    browser.findElement(By.id("ov-set")).click();
    waitForText(By.id("override-error"), "403");
    assertThat(text(By.id("override-error"))).contains("viewer").contains("operator");
    screenshot("operator-page-viewer-refused.png");
    ApiTest.as("viewer").when().get("/api/buildings/B01").then()
        .body("override.supply_setpoint_c", equalTo(58.5f));
    ApiTest.as("viewer").when().get("/api/audit?building=B01").then().body("[0].who", equalTo("operator"));

    // The operator clears the override through the form.
    browser.findElement(By.id("sign-out")).click();
    signIn("operator", "operator-pw");
    waitFor("rows again", d -> rows().size() == 3);
    new Select(browser.findElement(By.id("building"))).selectByValue("B01");
    type("ov-reason", "test over");
    browser.findElement(By.id("ov-clear")).click();
    waitForText(By.id("override-done"), "cleared");
    ApiTest.as("viewer").when().get("/api/audit?building=B01").then()
        .body("[0].what", equalTo("override.clear")).body("[0].why", equalTo("test over"));
    waitFor("B01's row shows no override", d -> cell("B01", "override").equals("none"));
  }

  // ---- helpers

  /** For a look at the page after a run: target/operator-page*.png. */
  private static void screenshot(String name) throws IOException {
    ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(Path.of("target", name), png);
  }

  private void signIn(String user, String password) {
    type("login-user", user);
    type("login-password", password);
    browser.findElement(By.id("login-submit")).click();
  }

  private void type(String id, String text) {
    WebElement e = browser.findElement(By.id(id));
    e.clear();
    e.sendKeys(text);
  }

  private static List<WebElement> rows() {
    return browser.findElements(By.cssSelector("#buildings tbody tr[data-building]"));
  }

  private static String cell(String building, String column) {
    List<WebElement> found = browser.findElements(
        By.cssSelector("#buildings tr[data-building='" + building + "'] td." + column));
    return found.isEmpty() ? "" : found.get(0).getText();
  }

  private static String text(By by) {
    return browser.findElement(by).getText();
  }

  private static void waitForText(By by, String part) {
    waitFor("'" + part + "' in " + by, d -> text(by).contains(part));
  }

  /** Waits for a condition on the page; on timeout fails with what the page showed. */
  private static void waitFor(String what, Function<WebDriver, Boolean> condition) {
    try {
      new WebDriverWait(browser, WAIT, Duration.ofMillis(100))
          .ignoring(StaleElementReferenceException.class).withMessage(what).until(condition);
    } catch (TimeoutException e) {
      throw new AssertionError("the page did not show " + what + " within " + WAIT.toSeconds()
          + " s; it showed:\n" + browser.findElement(By.tagName("body")).getText(), e);
    }
  }
}
