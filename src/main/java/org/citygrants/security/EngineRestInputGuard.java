package org.citygrants.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Input that reaches the engine through its REST API (/engine-rest and the webapps' own copy
 * under /camunda/api/engine) is form input: for everyone but {@code camunda-admin},
 * <ul>
 *   <li>variables enter only by starting a process or completing a task (start, complete,
 *       submit-form), and only as the fields of the Camunda Form of that start event or task:
 *       a name that is no field of the form is refused (400, naming it); a read-only field is
 *       dropped (the form shows it, it does not change it); values are plain (text, number,
 *       boolean, date, JSON), never a serialized Java object. The form's rules themselves are
 *       then checked by the engine ({@code FormValidationPlugin});</li>
 *   <li>the endpoints that write variables or move a process around the forms are refused
 *       (403): setting or deleting variables of a task, process instance or execution,
 *       resolving a delegated task or throwing a BPMN error from it, process instance
 *       modification and restart, message correlation, signals and conditional starts, and a
 *       start with start instructions or skipped listeners.</li>
 * </ul>
 * The engine's authorisations apply on top of this (who may start or complete at all).
 */
class EngineRestInputGuard extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 2 * 1024 * 1024;

  private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  /** Variable types a form can produce. */
  private static final Set<String> FORM_VALUE_TYPES =
      Set.of("string", "boolean", "short", "integer", "long", "double", "date", "null", "json");
  private static final Set<String> FORM_INPUT_COMPONENTS =
      Set.of("textfield", "textarea", "number", "select", "radio", "checkbox", "checklist", "datetime", "taglist");

  private static final List<Pattern> REFUSED = List.of(
      Pattern.compile("/(task|process-instance|execution|case-instance|case-execution)/[^/]+/(variables|localVariables)(/.*)?"),
      Pattern.compile("/task/[^/]+/(resolve|bpmnError|bpmnEscalation)"),
      Pattern.compile("/process-instance/[^/]+/modification(-async)?"),
      Pattern.compile("/process-instance/variables-async"),
      Pattern.compile("/process-definition/.+/restart(-async)?"),
      Pattern.compile("/(message|signal|condition)"),
      Pattern.compile("/execution/[^/]+/(signal|messageSubscriptions/.*)"));

  private static final Pattern TASK_SUBMIT = Pattern.compile("/task/([^/]+)/(complete|submit-form)");
  private static final Pattern START = Pattern.compile(
      "/process-definition/(?:key/([^/]+)(?:/tenant-id/([^/]+))?|([^/]+))/(start|submit-form)");

  private final Pattern apiPath;
  private final ProcessEngine ownEngine;

  /**
   * @param webappPath the webapps' path (camunda.bpm.webapp.application-path, e.g. /camunda)
   */
  EngineRestInputGuard(ProcessEngine ownEngine, String webappPath) {
    this.ownEngine = ownEngine;
    this.apiPath = Pattern.compile("^(?:/engine-rest(?:/engine/[^/]+)?|" + Pattern.quote(webappPath)
        + "/api/engine/engine/[^/]+)(/.*)$");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = enginePath(request);
    // nobody signed in: the API itself refuses (401); an administrator may do anything
    Boolean admin = path == null || READ_METHODS.contains(request.getMethod()) ? null : isAdmin(request);
    if (admin == null || admin) {
      chain.doFilter(request, response);
      return;
    }
    for (Pattern refused : REFUSED) {
      if (refused.matcher(path).matches()) {
        ApiErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
            "Variables reach a grant only through its forms: start a process or complete a task.");
        return;
      }
    }
    Matcher task = TASK_SUBMIT.matcher(path);
    Matcher start = START.matcher(path);
    boolean isTask = task.matches();
    boolean isStart = !isTask && start.matches() && "POST".equals(request.getMethod());
    if (!isTask && !isStart) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      ApiErrors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "InputRejectedException",
          "The request is too large.");
      return;
    }
    JsonNode json;
    try {
      json = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException notJson) {
      chain.doFilter(new CachedBody(request, body), response); // the REST API answers it
      return;
    }
    if (!(json instanceof ObjectNode submission)) {
      chain.doFilter(new CachedBody(request, body), response);
      return;
    }
    if (isStart && (hasContent(submission.get("startInstructions")) || submission.path("skipCustomListeners").asBoolean()
        || submission.path("skipIoMappings").asBoolean())) {
      ApiErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
          "A process starts at its start event, with its listeners.");
      return;
    }
    JsonNode variables = submission.get("variables");
    if (variables == null || variables.isNull() || (variables.isObject() && variables.isEmpty())) {
      chain.doFilter(new CachedBody(request, body), response);
      return;
    }
    FormFields form = isTask ? taskForm(task.group(1)) : startForm(start.group(1), start.group(2), start.group(3));
    if (!form.found()) {
      chain.doFilter(new CachedBody(request, body), response); // no such task or process: the REST API answers
      return;
    }
    if (!variables.isObject()) {
      ApiErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "InputRejectedException",
          "'variables' must be an object of named values.");
      return;
    }
    List<String> dropped = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> variable = it.next();
      String name = variable.getKey();
      if (!form.keys().containsKey(name)) {
        ApiErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "InputRejectedException",
            form.formId() == null
                ? "This step has no form: it takes no variables ('" + name + "' given)."
                : "'" + name + "' is not a field of the form '" + form.formId() + "'.", name);
        return;
      }
      String type = variable.getValue().path("type").asText("string");
      if (!FORM_VALUE_TYPES.contains(type.toLowerCase(java.util.Locale.ROOT))) {
        ApiErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "InputRejectedException",
            "'" + name + "' must be a plain value (text, number, boolean, date or JSON), not of type " + type + ".", name);
        return;
      }
      if (!form.keys().get(name)) {
        dropped.add(name);
      }
    }
    if (!dropped.isEmpty()) {
      ((ObjectNode) variables).remove(dropped);
      body = JSON.writeValueAsBytes(submission);
    }
    chain.doFilter(new CachedBody(request, body), response);
  }

  private String enginePath(HttpServletRequest request) {
    String uri = request.getRequestURI().substring(request.getContextPath().length());
    Matcher m = apiPath.matcher(uri);
    return m.matches() ? m.group(1) : null;
  }

  private static boolean hasContent(JsonNode node) {
    return node != null && !node.isNull() && !(node.isContainerNode() && node.isEmpty());
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
      IdentityService identity = engine().getIdentityService();
      return system(() -> identity.createUserQuery().userId(webapp.getIdentityId()).memberOfGroup(Groups.CAMUNDA_ADMIN)
          .count() > 0);
    } catch (IllegalStateException invalidated) {
      return null;
    }
  }

  // --- the form of a task or start event

  /**
   * The fields of the form of a task or start event: key to whether the person may change it
   * (false: read-only); no form: no fields. {@code found} is false when there is no such task or
   * process (the REST API then answers for itself).
   */
  record FormFields(boolean found, String formId, Map<String, Boolean> keys) {
    static final FormFields UNKNOWN = new FormFields(false, null, Map.of());
    static final FormFields NONE = new FormFields(true, null, Map.of());
  }

  private FormFields taskForm(String taskId) {
    return system(() -> {
      ProcessEngine engine = engine();
      if (engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0) {
        return FormFields.UNKNOWN;
      }
      FormData data = engine.getFormService().getTaskFormData(taskId);
      return fields(data, () -> engine.getFormService().getDeployedTaskForm(taskId));
    });
  }

  private FormFields startForm(String key, String tenantId, String id) {
    return system(() -> {
      ProcessEngine engine = engine();
      ProcessDefinition definition;
      if (id != null) {
        definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionId(id).singleResult();
      } else {
        ProcessDefinitionQuery query = engine.getRepositoryService().createProcessDefinitionQuery()
            .processDefinitionKey(key).latestVersion();
        definition = (tenantId == null ? query.withoutTenantId() : query.tenantIdIn(tenantId)).singleResult();
      }
      if (definition == null) {
        return FormFields.UNKNOWN;
      }
      FormData data = engine.getFormService().getStartFormData(definition.getId());
      return fields(data, () -> engine.getFormService().getDeployedStartForm(definition.getId()));
    });
  }

  private static FormFields fields(FormData data, Supplier<InputStream> deployedForm) {
    CamundaFormRef ref = data == null ? null : data.getCamundaFormRef();
    if (ref == null) {
      return FormFields.NONE;
    }
    try (InputStream in = deployedForm.get()) {
      Map<String, Boolean> keys = new HashMap<>();
      collect(JSON.readTree(in).path("components"), keys);
      return new FormFields(true, ref.getKey(), Collections.unmodifiableMap(keys));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the form " + ref.getKey(), e);
    }
  }

  private static void collect(JsonNode components, Map<String, Boolean> keys) {
    for (JsonNode component : components) {
      collect(component.path("components"), keys);
      if (component.hasNonNull("key") && FORM_INPUT_COMPONENTS.contains(component.path("type").asText())) {
        boolean editable = !component.path("readonly").asBoolean(false) && !component.path("disabled").asBoolean(false);
        keys.merge(component.get("key").asText(), editable, Boolean::logicalOr);
      }
    }
  }

  private ProcessEngine engine() {
    ProcessEngine rest = EngineAuthenticationFilter.restEngine();
    return rest != null ? rest : ownEngine;
  }

  private <T> T system(Supplier<T> work) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine().getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(c -> c.runWithoutAuthorization(work::get));
  }

  /** The request with its body read once and served again (possibly without dropped fields). */
  static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public String getHeader(String name) {
      return HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name) ? String.valueOf(body.length) : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)
          ? Collections.enumeration(List.of(String.valueOf(body.length))) : super.getHeaders(name);
    }
  }
}
