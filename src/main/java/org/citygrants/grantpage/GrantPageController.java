package org.citygrants.grantpage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citygrants.api.ApiError;
import org.citygrants.api.ApiException;
import org.citygrants.api.GrantAccess;
import org.citygrants.grant.GrantRegister.GrantRecord;
import org.citygrants.payment.PaymentCalendar;
import org.citygrants.language.ReaderLanguage;
import org.citygrants.language.Words;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A grant's page {@code /grants/{reference}} (static files under {@code static/grants/}) and its
 * data {@code GET /api/grants/{reference}}; the list of one's grants ({@code /grants/},
 * {@code GET /api/grants}); finance's payments of the coming weeks
 * ({@code GET /api/programme/payment-calendar}). Signed in as for the cohort view.
 */
@RestController
@Tag(name = "Grants")
public class GrantPageController {

  private static final Resource PAGE = new ClassPathResource("static/grants/index.html");

  /** At most a year ahead. */
  static final int MAX_WEEKS = 52;

  private final GrantPageService pages;
  private final GrantAccess access;

  public GrantPageController(GrantPageService pages, GrantAccess access) {
    this.pages = pages;
    this.access = access;
  }

  @GetMapping(path = "/api/grants/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "A grant at a glance",
      description = """
          What the grant's page shows: city, coach (name and e-mail), phase, the award's terms \
          (requested and awarded amounts, preparation time and deadline, programme duration and end, \
          advance rate and amount, budget lines with what each is for), the steps waiting and who \
          holds them (with a Tasklist link when the step is the reader's), the steps done with dates \
          and names, the experiments and their decisions, the reports and their reviews, the payments \
          made and the indicative calendar of those to come, and the money (awarded, committed, \
          paid, spent, available). Amounts are strings with two decimals. For the grant's city team, \
          its coach, programme staff and finance; anyone else gets 403.""")
  @ApiResponse(responseCode = "200", description = "The grant",
      content = @Content(schema = @Schema(implementation = GrantPage.class)))
  @ApiResponse(responseCode = "401", description = "Not signed in", content = @Content)
  @ApiResponse(responseCode = "403", description = "Not the grant's city team, coach, programme staff or finance",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "404", description = "No such grant",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  public GrantPage grant(
      @Parameter(description = "Grant reference", example = "LYON-2026") @PathVariable String reference,
      @Parameter(hidden = true) Authentication authentication) {
    return pages.pageFor(access.userId(authentication), reference);
  }

  @GetMapping(path = "/api/grants", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The grants the signed-in user follows",
      description = "Every grant whose page the user may read: a city team its city's, a coach those "
          + "they coach, programme staff and finance all of them.")
  public List<GrantPageService.GrantSummary> grants(@Parameter(hidden = true) Authentication authentication) {
    return pages.grantsOf(access.userId(authentication));
  }

  /** A payment expected or under way in the weeks to come, with its grant. */
  public record UpcomingPayment(String reference, String cityName, String label, String amount, boolean atMost,
      LocalDate date, String status, String basis) {}

  /** Finance's planning: the payments expected or under way until a date. */
  public record PaymentCalendarResponse(LocalDate from, LocalDate until, String total, List<UpcomingPayment> payments) {}

  @GetMapping(path = "/api/programme/payment-calendar", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Payments of the coming weeks, across grants (programme staff and finance)",
      description = """
          Every payment under way (requested or approved) and every payment the grants' plans expect \
          until the end of the given number of weeks, from the indicative calendars shown on the grant \
          pages, the earliest first. An expected payment without a date yet (an experiment whose end \
          is not planned) is left out. Expected amounts move when the plans move.""")
  @ApiResponse(responseCode = "200", description = "The payments")
  @ApiResponse(responseCode = "400", description = "weeks outside 1 to 52",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "403", description = "Not programme staff or finance",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  public PaymentCalendarResponse paymentCalendar(
      @Parameter(description = "How many weeks ahead, 1 to 52", example = "8")
      @RequestParam(defaultValue = "8") int weeks,
      @Parameter(hidden = true) Authentication authentication) {
    String user = access.userId(authentication);
    access.requireProgrammeFinance(user);
    if (weeks < 1 || weeks > MAX_WEEKS) {
      throw new ApiException(HttpStatus.BAD_REQUEST, Words.say("api.weeks", MAX_WEEKS));
    }
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
    LocalDate until = today.plusWeeks(weeks);
    List<UpcomingPayment> payments = new ArrayList<>();
    for (Map.Entry<GrantRecord, List<PaymentCalendar.Entry>> grant : pages.calendarsOf(user).entrySet()) {
      for (PaymentCalendar.Entry entry : PaymentCalendar.dueBy(grant.getValue(), until)) {
        payments.add(new UpcomingPayment(grant.getKey().grantReference(), grant.getKey().cityName(), entry.label(),
            GrantPageService.amount(entry.amount()), entry.atMost(), entry.date(), entry.status().label(ReaderLanguage.current()), entry.basis()));
      }
    }
    payments.sort(Comparator.comparing(UpcomingPayment::date).thenComparing(UpcomingPayment::reference));
    BigDecimal total = payments.stream().map(p -> new BigDecimal(p.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new PaymentCalendarResponse(today, until, GrantPageService.amount(total), payments);
  }

  /** The page of one grant; the reference is upper case, so the page's own files are not taken for one. */
  @GetMapping("/grants/{reference:[A-Z0-9][A-Z0-9-]*}")
  public ResponseEntity<Resource> page(@PathVariable String reference) {
    return html();
  }

  /** The list of one's grants (a city with one grant goes straight to it). */
  @GetMapping("/grants/")
  public ResponseEntity<Resource> list() {
    return html();
  }

  @GetMapping("/grants")
  public ResponseEntity<Void> withSlash() {
    return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("grants/")).build();
  }

  private static ResponseEntity<Resource> html() {
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache()).body(PAGE);
  }
}
