package org.citygrants.signin;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.citygrants.process.SystemAccess;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A first, early refusal in front of the engine REST API ({@code /engine-rest} and the webapps'
 * copy under {@code /camunda/api/engine}): for everyone but administrators, a request that may
 * change something (any method but GET, HEAD and OPTIONS) must go to one of the few write
 * endpoints people use, or to a query sent by POST; anything else is refused (403) before the
 * engine sees it. The path is compared after decoding, without doubled or trailing slashes and in
 * lower case, so another spelling of a path cannot slip past; a spelling that Jersey does not
 * know then answers 404.
 *
 * <p>This is not the security boundary: {@link EngineInputPolicy} checks every command inside the
 * engine whatever path carried it, and the engine's authorisations check every resource.
 */
class EngineRestWriteGuard extends OncePerRequestFilter {

  private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final long MAX_BODY = 2L * 1024 * 1024;
  private static final String ID = "[^/]+";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The write endpoints (and POST queries) a person other than an administrator may call. */
  private static final List<Pattern> ALLOWED = List.of(
      // work on a task: Tasklist's claim, release, complete, comment
      Pattern.compile("post /task/" + ID + "/(complete|submit-form|claim|unclaim|assignee|comment/create)"),
      // apply for a grant or launch a cohort at the start event
      Pattern.compile("post /process-definition/(key/" + ID + "(/tenant-id/" + ID + ")?|" + ID + ")/(start|submit-form)"),
      // queries sent by POST (Tasklist's task list, Cockpit's lists)
      Pattern.compile("post /(task|process-instance|execution|variable-instance|incident|job|process-definition"
          + "|decision-definition|deployment|history/[a-z-]+)(/count)?"),
      Pattern.compile("post /filter/" + ID + "/(list|count|singleresult)"),
      Pattern.compile("post /authorization/check"),
      // a person's own profile and password (the engine allows it for their own user only)
      Pattern.compile("put /user/" + ID + "/(profile|credentials)"));

  /** Completions and starts: their values are looked at before the REST API converts them. */
  private static final Pattern SUBMISSION = Pattern.compile(
      "post /(task/" + ID + "/(complete|submit-form)|process-definition/.*/(start|submit-form))");

  private final Pattern apiPath;
  private final ProcessEngine ownEngine;

  /**
   * @param webappPath the webapps' path (camunda.bpm.webapp.application-path, e.g. /camunda)
   */
  EngineRestWriteGuard(ProcessEngine ownEngine, String webappPath) {
    this.ownEngine = ownEngine;
    this.apiPath = Pattern.compile("^(?:/engine-rest(?:/engine/[^/]+)?|" + Pattern.quote(webappPath.toLowerCase(Locale.ROOT))
        + "/api/engine/engine/[^/]+)(/.*)?$");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = enginePath(request);
    if (path == null || READ_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
      chain.doFilter(request, response);
      return;
    }
    Boolean admin = isAdmin(request);
    if (admin == null || admin) {
      chain.doFilter(request, response); // nobody signed in: the API refuses (401); an administrator may do anything
      return;
    }
    String call = request.getMethod().toLowerCase(Locale.ROOT) + " " + path;
    if (ALLOWED.stream().noneMatch(allowed -> allowed.matcher(call).matches())) {
      ApiErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
          "Not allowed: variables reach a grant only through its forms, by starting a process or completing a task.");
      return;
    }
    if (request.getContentLengthLong() > MAX_BODY) {
      ApiErrors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "InputRejectedException",
          "The request is too large.");
      return;
    }
    if (!SUBMISSION.matcher(call).matches()) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes((int) MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      ApiErrors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "InputRejectedException",
          "The request is too large.");
      return;
    }
    Optional<String[]> unreadable = unreadableValue(body);
    if (unreadable.isPresent()) {
      ApiErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "InputRejectedException", unreadable.get()[1],
          unreadable.get()[0]);
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  /**
   * A value of a completion or start that the engine REST API could not even convert (a number
   * beyond its type, JSON nested deeper than the parser allows): the REST API would answer without
   * naming the field, so it is named here, as {field, message}. Anything else is left to the engine.
   */
  static Optional<String[]> unreadableValue(byte[] body) {
    JsonNode submission;
    JsonParser parser = null;
    try {
      parser = JSON.getFactory().createParser(body);
      submission = JSON.readTree(parser);
    } catch (StreamConstraintsException tooDeep) {
      String field = variableAt(parser == null ? null : parser.getParsingContext());
      return Optional.of(new String[] {field, (field == null ? "A value" : "'" + field + "'")
          + " is nested too deeply: a form field holds text, a number or true/false."});
    } catch (IOException notJson) {
      return Optional.empty(); // the REST API answers malformed JSON itself
    }
    JsonNode variables = submission == null ? null : submission.get("variables");
    if (variables == null || !variables.isObject()) {
      return Optional.empty();
    }
    for (var it = variables.fields(); it.hasNext(); ) {
      var variable = it.next();
      JsonNode value = variable.getValue().path("value");
      String type = variable.getValue().path("type").asText("").toLowerCase(Locale.ROOT);
      boolean fits = switch (type) {
        case "long" -> !value.isNumber() || value.canConvertToLong() && value.isIntegralNumber();
        case "integer" -> !value.isNumber() || value.canConvertToInt() && value.isIntegralNumber();
        case "short" -> !value.isNumber() || value.canConvertToInt() && value.isIntegralNumber()
            && Math.abs(value.asInt()) <= Short.MAX_VALUE;
        case "double" -> !value.isNumber() || Double.isFinite(value.asDouble());
        default -> true;
      };
      if (!fits) {
        return Optional.of(new String[] {variable.getKey(), "'" + variable.getKey() + "' is not a number this field can hold ("
            + type + "): it is too large or not whole."});
      }
    }
    return Optional.empty();
  }

  /** The variable name ({"variables": {"name": ...}}) where the parser stopped, if any. */
  private static String variableAt(JsonStreamContext context) {
    String field = null;
    for (JsonStreamContext at = context; at != null; at = at.getParent()) {
      if (at.getParent() != null && at.getParent().getParent() != null && at.getParent().getParent().getParent() == null
          && "variables".equals(at.getParent().getCurrentName())) {
        field = at.getCurrentName();
      }
    }
    return field;
  }

  /** The engine API path of the request, normalised; null when the request is not for the engine API. */
  String enginePath(HttpServletRequest request) {
    String uri = request.getRequestURI().substring(request.getContextPath().length());
    String normalised = normalise(uri);
    Matcher m = apiPath.matcher(normalised);
    if (!m.matches()) {
      return null;
    }
    String path = m.group(1);
    return path == null || path.isEmpty() ? "/" : path;
  }

  /** Decoded (repeatedly), path parameters cut, slashes collapsed, no trailing slash, lower case. */
  static String normalise(String uri) {
    String path = uri;
    for (int i = 0; i < 3 && path.contains("%"); i++) {
      try {
        path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException malformed) {
        break;
      }
    }
    path = path.replace('\\', '/').replaceAll(";[^/]*", "").replaceAll("/{2,}", "/");
    while (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path.toLowerCase(Locale.ROOT);
  }

  // --- who is asking

  /** Whether the signed-in user is an administrator; null when nobody is signed in. */
  private Boolean isAdmin(HttpServletRequest request) {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof CamundaPrincipal principal) {
      return principal.isAdmin();
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    try {
      Authentication webapp = AuthenticationUtil.getAuthsFromSession(session)
          .getAuthenticationForProcessEngine(engine().getName());
      if (webapp == null || webapp.getIdentityId() == null) {
        return null;
      }
      ProcessEngine engine = engine();
      return SystemAccess.run(engine.getProcessEngineConfiguration(), () -> engine.getIdentityService().createUserQuery()
          .userId(webapp.getIdentityId()).memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0);
    } catch (IllegalStateException invalidated) {
      return null;
    }
  }

  private ProcessEngine engine() {
    ProcessEngine rest = EngineAuthenticationFilter.restEngine();
    return rest != null ? rest : ownEngine;
  }
}
