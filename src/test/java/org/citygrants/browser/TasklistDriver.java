package org.citygrants.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist and Cockpit as a person uses them, through Debian's Chromium and
 * chromedriver: sign in, open a task from a filter, claim it, fill the Camunda Form, complete.
 * Camunda Forms (form-js) fields are found by their component id ({@code Field_<key>}).
 */
final class TasklistDriver implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** Tasklist's own words in each language, as its locale files give them (webjar en.json, our fr.json). */
  private static final Map<String, JsonNode> WORDS = new java.util.HashMap<>();

  private final String baseUrl;
  private final Path screenshots;
  private final WebDriver driver;
  private final WebDriverWait wait;
  /** The language of the page: the signed-in person's. */
  private String language = "en";
  /** The app the browser is signed in to, null before the first sign-in. */
  private String signedInTo;

  /** Screenshots of all the browsers of a test, numbered in one sequence. */
  private static final java.util.concurrent.atomic.AtomicInteger SHOTS = new java.util.concurrent.atomic.AtomicInteger();

  /**
   * The browser's language ({@code en-US}, {@code fr-FR}): the sign-in page's. Whoever chose a
   * language reads theirs whatever the browser's; Tasklist loads again in it once they have signed in.
   */
  private final String browserLanguage;

  static boolean browserInstalled() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  TasklistDriver(String baseUrl, Path screenshots) throws IOException {
    this(baseUrl, screenshots, false, "en-US");
  }

  /** With {@code networkLog}, Chromium's network events are logged for {@link #traffic}. */
  TasklistDriver(String baseUrl, Path screenshots, boolean networkLog, String browserLanguage) throws IOException {
    this.baseUrl = baseUrl;
    this.browserLanguage = browserLanguage;
    this.screenshots = Files.createDirectories(screenshots);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // as root and with no network beyond loopback: no sandbox, no background traffic
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1400,1000", "--lang=" + browserLanguage, "--user-data-dir=" + Files.createTempDirectory("chromium"));
    // what the page reads (navigator.languages) and the server (Accept-Language): headless Chromium
    // takes them from this setting, not from --lang alone
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", browserLanguage + "," + browserLanguage.substring(0, 2)));
    // the console's messages are kept for a page that does not start (see started)
    options.setCapability("goog:loggingPrefs", networkLog ? Map.of("performance", "ALL", "browser", "ALL")
        : Map.of("browser", "ALL"));
    if (networkLog) {
      options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
    }
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    this.driver = new ChromeDriver(service, options);
    // a bound for failures only: on a loaded machine Tasklist can take longer than 20 s to show a page
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    // look every 100 ms rather than every 500 ms: a dozen waits per form add up
    this.wait.pollingEvery(Duration.ofMillis(100));
    // Tasklist redraws parts of the page while the test looks at them
    this.wait.ignoring(StaleElementReferenceException.class);
  }

  /**
   * Signs the user in. In the app the browser is signed in to already, the way people at one desk
   * take turns: the one signed in signs out (account menu, "Sign out") and the next signs in on the
   * same page, without loading the app again. The first sign-in, or one to another app, loads the
   * app's page.
   */
  void login(String app, String user) {
    login(app, user, "en");
  }

  /**
   * Signs in someone who reads {@code language} ("en", "fr"): the app loads again in their
   * language once it knows who they are (city-grants/language.js), and in the browser's after they
   * sign out; each step waits for the page in the language it expects.
   */
  void login(String app, String user, String language) {
    if (app.equals(signedInTo)) {
      click(By.cssSelector("li.account .dropdown-toggle"));
      click(By.cssSelector("li.logout a"));
    } else {
      // a new visit, as after the session ran out: the last person's language is forgotten too, as
      // signing out does (else the page would start in it and load again in the browser's)
      if (driver.getCurrentUrl().startsWith(baseUrl)) {
        ((JavascriptExecutor) driver).executeScript("window.localStorage.removeItem('cityGrants.language');");
      }
      driver.manage().deleteAllCookies();
      driver.get(baseUrl + "/camunda/app/" + app + "/");
      started(app);
    }
    inLanguage(browserLanguage.substring(0, 2));
    WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    name.clear();
    name.sendKeys(user);
    WebElement password = driver.findElement(By.cssSelector("input[type='password']"));
    password.sendKeys("demo");
    password.submit();
    // signed in once the sign-in form is gone; then let Tasklist finish its own requests (the next
    // step navigates: without it, a page could stay on its spinner, seen in CI)
    wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
        "return document.readyState === 'complete' && !document.querySelector(\"input[type='password']\");")));
    signedInTo = app;
    inLanguage(language);
  }

  /**
   * Waits until the webapp has started (AngularJS bootstrapped: the page's spinner gone). Tasklist
   * loads its scripts and ours with import() before it starts; once in a few dozen runs a fresh
   * headless Chromium stayed on the spinner of the app's page for a minute (seen twice, cause not
   * found: nothing failed on the server). Then, as a person would, the page is loaded again once,
   * after writing what the browser said (console, the requests it saw) to target/browser/ and
   * saying so on the test's output, so that the next occurrence tells more.
   */
  private void started(String app) {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(100)).until(d -> bootstrapped());
    } catch (TimeoutException stuck) {
      Path evidence = screenshots.resolve("stuck-" + app + "-" + System.currentTimeMillis() + ".txt");
      try {
        Files.writeString(evidence, whatTheBrowserSaid());
      } catch (IOException | RuntimeException unwritten) {
        // the reload below matters more
      }
      System.out.println("TasklistDriver: " + app + " did not start within 30 s in a fresh page; loaded again ("
          + evidence + ")");
      driver.navigate().refresh();
      wait.until(d -> bootstrapped());
    }
  }

  private boolean bootstrapped() {
    return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
        "return document.readyState === 'complete' && !!window.angular"
            + " && !!angular.element(document.documentElement).injector();"));
  }

  /** The browser's console and the files the page has loaded so far, for a page that did not start. */
  private String whatTheBrowserSaid() {
    StringBuilder said = new StringBuilder("url: " + driver.getCurrentUrl() + "\n--- console\n");
    driver.manage().logs().get(LogType.BROWSER).forEach(entry -> said.append(entry).append('\n'));
    said.append("--- resources loaded (performance.getEntriesByType('resource'))\n");
    said.append(((JavascriptExecutor) driver).executeScript(
        "return performance.getEntriesByType('resource').map(function (r) {"
            + " return Math.round(r.startTime) + ' +' + Math.round(r.duration) + ' ms ' + r.name; }).join('\\n');"));
    return said.toString();
  }

  /** Waits for the page drawn in {@code language} and idle. */
  private void inLanguage(String language) {
    this.language = language;
    wait.until(d -> language.equals(((JavascriptExecutor) d).executeScript(
        "return document.readyState === 'complete' ? document.documentElement.getAttribute('lang') : null;")));
    settle();
  }

  /** The language the page is expected in. */
  String language() {
    return language;
  }

  /** One of Tasklist's own words ({@code "COMPLETE"}) in the language of the page. */
  String word(String key) {
    JsonNode words = WORDS.computeIfAbsent(language, tag -> {
      String path = "META-INF/resources/webjars/camunda/app/tasklist/locales/" + tag + ".json";
      try (var in = TasklistDriver.class.getClassLoader().getResourceAsStream(path)) {
        return new ObjectMapper().readTree(in).path("labels");
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    return words.path(key).asText();
  }

  private By complete_() {
    return By.xpath("//button[normalize-space(.)=" + literal(word("COMPLETE")) + "]");
  }

  private By claim_() {
    return By.xpath("//button[contains(., " + literal(word("CLAIM_TASK")) + ") and not(contains(., "
        + literal(word("UNCLAIM_TASK")) + "))]");
  }

  /** A text as an XPath string literal, whatever quotes it holds. */
  static String literal(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    if (!text.contains("\"")) {
      return "\"" + text + "\"";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }

  void startProcess(String processName) {
    click(By.xpath("//a[contains(., " + literal(word("START_PROCESS")) + ")]"));
    click(By.xpath("//a[contains(., " + literal(processName) + ")]"));
    waitForForm();
  }

  void clickStart() {
    click(By.xpath("//button[contains(., " + literal(word("START")) + ") and not(@disabled)]"));
    // the start dialog closes once the engine has started the instance
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-form, .fjs-container")));
  }

  boolean startEnabled() {
    return driver.findElement(By.xpath("//button[normalize-space(.)=" + literal(word("START")) + "]")).isEnabled();
  }

  /**
   * Chooses the filter in the running Tasklist (its list is loaded then; Tasklist also reloads it
   * after each completion). Tasklist is loaded first only when the browser shows another page.
   */
  void openFilter(String filter) {
    if (!driver.getCurrentUrl().startsWith(baseUrl + "/camunda/app/tasklist/")) {
      driver.get(baseUrl + "/camunda/app/tasklist/");
      settle();
    }
    click(By.xpath("//*[contains(concat(' ', normalize-space(@class), ' '), ' task-filter ')][contains(., \"" + filter + "\")]"));
    settle();
  }

  List<String> taskNamesIn(String filter) {
    openFilter(filter);
    // read again when Tasklist redraws the list while it is read (the wait ignores stale elements)
    return wait.until(d -> d.findElements(By.cssSelector(".tasks-list li h4, .tasks-list li .names h4, ol.tasks-list h4"))
        .stream().map(WebElement::getText).toList());
  }

  void openTask(String filter, String taskName) {
    openFilter(filter);
    click(By.xpath("//ol[contains(@class,'tasks-list')]//li[contains(., \"" + taskName + "\")]"));
    By title = By.xpath("//h2[contains(normalize-space(.), \"" + taskName + "\")]");
    wait.until(d -> !d.findElements(title).isEmpty() && !d.findElements(By.cssSelector(".fjs-form")).isEmpty());
    claimWhenOffered();
    settle();
  }

  /**
   * Claims the open task when Tasklist offers to (a group task), then waits until its form can be
   * filled: no Claim button, the form not disabled, Complete shown. Tasklist draws a task's view in
   * steps: the Claim button can come after the (disabled) form.
   */
  private void claimWhenOffered() {
    boolean[] claimed = {false};
    wait.until(d -> {
      List<WebElement> claim = d.findElements(claim_()).stream().filter(WebElement::isDisplayed).toList();
      if (!claim.isEmpty()) {
        if (!claimed[0]) {
          claim.get(0).click();
          claimed[0] = true;
        }
        return false;
      }
      return d.findElements(By.cssSelector(".disabled-form")).isEmpty()
          && d.findElements(complete_()).stream().anyMatch(button -> button.isDisplayed() && button.isEnabled());
    });
  }

  void text(String key, String value) {
    WebElement field = field(key);
    scrollTo(field);
    field.clear();
    field.sendKeys(value);
    ((JavascriptExecutor) driver).executeScript("arguments[0].blur()", field);
  }

  void radio(String key, int index) {
    WebElement radio = driver.findElement(By.cssSelector("[id$='Field_" + key + "-" + index + "']"));
    scrollTo(radio);
    radio.click();
  }

  void check(String key) {
    WebElement box = field(key);
    scrollTo(box);
    if (!box.isSelected()) {
      box.click();
    }
  }

  void uncheck(String key) {
    WebElement box = field(key);
    scrollTo(box);
    if (box.isSelected()) {
      box.click();
    }
  }

  void select(String key, int index) {
    WebElement container = driver.findElement(By.xpath("//div[contains(@class,'fjs-form-field')][.//*[substring(@id, string-length(@id) - string-length('Field_" + key + "') + 1) = 'Field_" + key + "']]"));
    scrollTo(container);
    container.findElement(By.cssSelector(".fjs-select-display")).click();
    WebElement item = wait.until(d -> container.findElements(By.cssSelector(".fjs-dropdownlist-item")).size() > index
        ? container.findElements(By.cssSelector(".fjs-dropdownlist-item")).get(index) : null);
    new Actions(driver).moveToElement(item).clickAndHold().release().perform();
    pause(200);
  }

  /** Types into a date field (form-js's input is {@code ...Field_<key>-date}), leaves it, and returns what it holds then. */
  String typeDate(String key, String typed) {
    WebElement field = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id$='Field_" + key + "-date']")));
    scrollTo(field);
    field.clear();
    field.sendKeys(typed);
    ((JavascriptExecutor) driver).executeScript("arguments[0].blur()", field);
    return field.getAttribute("value");
  }

  String value(String key) {
    return field(key).getAttribute("value");
  }

  void complete() {
    click(complete_());
    // Tasklist closes the task's form once the engine has completed it
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-form, .fjs-container")));
  }

  /**
   * Clicks Complete on a form whose rules are not met yet: form-js refuses and marks the fields.
   * Returns the keys of the fields marked.
   */
  List<String> completeRefused() {
    click(complete_());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-has-errors .fjs-form-field-error")));
    return fieldsInError();
  }

  /** Whether the Complete button can be clicked, within a few seconds (the form redraws first). */
  boolean completeEnabled() {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(5), Duration.ofMillis(100))
          .until(ExpectedConditions.elementToBeClickable(complete_()));
      return true;
    } catch (TimeoutException disabled) {
      return false;
    }
  }

  /**
   * Enters a required field and leaves it empty, as someone reading the form does: form-js checks
   * the field then and marks it.
   */
  void touch(String key) {
    WebElement field = field(key);
    scrollTo(field);
    field.click();
    ((JavascriptExecutor) driver).executeScript("arguments[0].blur()", field);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-has-errors [id$='Field_" + key + "']")));
  }

  /** Whether no field on screen shows an error, within a few seconds (the form redraws first). */
  boolean noFieldInError() {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(5), Duration.ofMillis(100)).until(d -> fieldsInError().isEmpty());
      return true;
    } catch (TimeoutException stillInError) {
      return false;
    }
  }

  /** The keys of the fields on screen that show an error (form-js's element ids hold Field_<key>). */
  List<String> fieldsInError() {
    return driver.findElements(By.cssSelector(".fjs-has-errors [id*='Field_']")).stream()
        .map(element -> element.getAttribute("id").replaceFirst(".*Field_([A-Za-z0-9]+).*", "$1"))
        .distinct().toList();
  }

  /** Whether Tasklist offers "Create task" (to administrators only). */
  boolean offersCreateTask() {
    return driver.findElements(By.cssSelector(".create-task-action")).stream().anyMatch(WebElement::isDisplayed);
  }

  /** Marks the page loaded now; {@link #notReloaded()} tells whether it is still the same page. */
  void markPage() {
    ((JavascriptExecutor) driver).executeScript("window.cityGrantsPage = 'not reloaded'");
  }

  boolean notReloaded() {
    return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("return window.cityGrantsPage === 'not reloaded'"));
  }

  /**
   * Opens a task by its id inside the running Tasklist (a change of the address's #, as a task
   * card's link does: no page load), and claims it when it is a group task. Tasklist may still be
   * reloading its list after the previous completion and then drops the task from the address:
   * it is asked for again until its form can be completed.
   */
  void openTaskById(String taskId, String taskName) {
    By title = By.xpath("//h2[normalize-space(.)=\"" + taskName + "\"]");
    wait.until(d -> showing(taskId) && !d.findElements(title).isEmpty() && !d.findElements(By.cssSelector(".fjs-form")).isEmpty());
    claimWhenOffered();
    wait.until(d -> showing(taskId));
  }

  /** Whether the address names the task; if not, names it (the form then loads). */
  private boolean showing(String taskId) {
    if (driver.getCurrentUrl().contains("task=" + taskId)) {
      return true;
    }
    ((JavascriptExecutor) driver).executeScript("window.location.hash = '#/?task=' + arguments[0]", taskId);
    return false;
  }

  String notification() {
    return driver.findElements(By.cssSelector(".notifications .alert, .page-notifications .alert")).stream()
        .map(WebElement::getText).reduce("", (a, b) -> a + " " + b).trim();
  }

  void unclaim() {
    List<WebElement> unclaim = driver.findElements(By.xpath("//button[contains(., " + literal(word("UNCLAIM_TASK")) + ")]"));
    if (!unclaim.isEmpty()) {
      unclaim.get(0).click();
      pause(1000);
    }
  }

  void openCockpitInstance(String processInstanceId) {
    driver.get(baseUrl + "/camunda/app/cockpit/default/#/process-instance/" + processInstanceId + "/runtime");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".djs-container svg, .bjs-container svg")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-element-id]")));
  }

  boolean diagramShows(String elementId) {
    return !driver.findElements(By.cssSelector("[data-element-id='" + elementId + "']")).isEmpty();
  }

  String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  Path screenshot(String name) throws IOException {
    File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Path target = screenshots.resolve(String.format("%02d-%s.png", SHOTS.incrementAndGet(), name));
    Files.copy(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  private WebElement field(String key) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id$='Field_" + key + "']")));
  }

  private void waitForForm() {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form, .fjs-container")));
    settle();
  }

  /**
   * Waits until Tasklist has nothing in flight: the page loaded, AngularJS bootstrapped and none of
   * its HTTP requests pending, twice 150 ms apart (a request often starts as another one ends).
   * Navigating while Tasklist's own requests were running could leave a page on its spinner.
   */
  private void settle() {
    for (int quiet = 0; quiet < 2; quiet++) {
      wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
          "if (document.readyState !== 'complete' || !window.angular) return false;"
              + "var injector = angular.element(document.documentElement).injector();"
              + "return !!injector && injector.get('$http').pendingRequests.length === 0;")));
      pause(150);
    }
  }

  /**
   * Clicks what {@code by} finds, found again if Tasklist drew it anew between finding and clicking
   * (its task list redraws when its data comes back: seen once as a stale element in a full run).
   */
  private void click(By by) {
    for (int attempt = 1; ; attempt++) {
      try {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
        scrollTo(element);
        element.click();
        return;
      } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
        if (attempt == 3) {
          throw redrawn;
        }
      }
    }
  }

  private void scrollTo(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // --- the application's own pages, reached from Tasklist

  /** Clicks the link with this text and waits for the page it opens to load; the next sign-in loads Tasklist again. */
  void followLink(String text) {
    click(By.xpath("//a[normalize-space(.)=\"" + text + "\"]"));
    wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    signedInTo = null;
  }

  /** Closes the note Tasklist shows after an application (its reference and link). */
  void closeNote() {
    click(By.cssSelector("#city-grants-reference-note button"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("city-grants-reference-note")));
  }

  /** Waits until the page shows this text (a page that fills itself from its API), then returns the page's text. */
  String waitForText(String text) {
    wait.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    return pageText();
  }

  /** The address of the link with this text. */
  String linkHref(String text) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//a[normalize-space(.)=\"" + text + "\"]")))
        .getAttribute("href");
  }

  // --- a task's files (evidence.js)

  /** Clicks the element the CSS selector finds, once it can be clicked. */
  void clickOn(String css) {
    click(By.cssSelector(css));
  }

  /** Chooses a file in the file input the CSS selector finds, as a person picking it would. */
  void chooseFile(String css, Path file) {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css))).sendKeys(file.toAbsolutePath().toString());
  }

  /** The text of the element the CSS selector finds, once it is visible. */
  String textOf(String css) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css))).getText();
  }

  /** Types into the (HTML) field the CSS selector finds, replacing what it held. */
  void typeInto(String css, String value) {
    WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    if ("date".equals(input.getAttribute("type"))) {
      // a date input takes its ISO value (what Chromium's date picker sets), not typed text
      ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", input, value);
      return;
    }
    input.clear();
    input.sendKeys(value);
  }

  /** Answers yes to the page's next confirmations (window.confirm), as a person clicking OK would. */
  /** Chooses an option of a plain select (the application's own pages) by its value. */
  void choose(String css, String value) {
    WebElement select = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    new org.openqa.selenium.support.ui.Select(select).selectByValue(value);
  }

  void acceptConfirmations() {
    ((JavascriptExecutor) driver).executeScript("window.confirm = function () { return true; };");
  }

  /** Clicks Complete on a form the server will refuse; returns Tasklist's notification of the refusal. */
  String completeNotTaken() {
    WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(complete_()));
    scrollTo(complete);
    // a click as the button's own (the page's footer can lie over the form's last row for a moment)
    ((JavascriptExecutor) driver).executeScript("arguments[0].click();", complete);
    wait.until(d -> !notification().isEmpty());
    return notification();
  }

  /** A GET with the browser's session, as a click on a download would make it: "status content-type". */
  String fetch(String href) {
    return (String) ((JavascriptExecutor) driver).executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], {credentials: 'same-origin'})"
            + ".then(function (r) { done(r.status + ' ' + r.headers.get('content-type')); })"
            + ".catch(function (e) { done('failed ' + e); });", href);
  }

  // --- bytes on the wire (a driver made with networkLog)

  private final NetworkLog networkLog = new NetworkLog();

  /**
   * Does this, then waits until the network is quiet (the page loaded, none of the requests it
   * made still open, no request sent and no answer received for 700 ms), and returns what it all
   * took on the wire. (An answer slower than 700 ms, as the cohort's on a busy machine, was left
   * out before the open requests were waited for.)
   */
  NetworkLog.Traffic traffic(Runnable browsing) {
    networkLog.read(driver.manage().logs().get(LogType.PERFORMANCE)); // what came before is not counted
    Set<String> openBefore = networkLog.openRequests();
    browsing.run();
    List<NetworkLog.Response> responses = new ArrayList<>();
    Set<String> requested = new HashSet<>();
    long quietSince = System.currentTimeMillis();
    long deadline = quietSince + 60_000;
    while (System.currentTimeMillis() < deadline) {
      NetworkLog.Traffic more = networkLog.read(driver.manage().logs().get(LogType.PERFORMANCE));
      responses.addAll(more.responses());
      requested.addAll(more.requested());
      boolean loaded = "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState"));
      Set<String> open = networkLog.openRequests();
      open.removeAll(openBefore);
      if (!more.requested().isEmpty() || !more.responses().isEmpty() || !loaded || !open.isEmpty()) {
        quietSince = System.currentTimeMillis();
      } else if (System.currentTimeMillis() - quietSince > 700) {
        return new NetworkLog.Traffic(responses, requested, more.unfinished());
      }
      pause(100);
    }
    throw new TimeoutException("the network did not go quiet within a minute");
  }

  /** Loads a page of the application. */
  void open(String path) {
    driver.get(baseUrl + path);
    signedInTo = null;
  }

  /** Loads the page shown again, as the browser's reload button does. */
  void reload() {
    driver.navigate().refresh();
    settle();
  }

  /** Empties the browser's cache (its session cookies stay), so the next page loads as on a first visit. */
  void clearCache() {
    ((ChromeDriver) driver).executeCdpCommand("Network.clearBrowserCache", Map.of());
  }

  /** The browser window's size, for a phone's screen (390 x 844) or a desk's. */
  void windowSize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** Whether the page is wider than the window (a person would have to scroll sideways). */
  boolean scrollsSideways() {
    return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"));
  }

  @Override
  public void close() {
    driver.quit();
  }
}
