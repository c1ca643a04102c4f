package org.citygrants.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** /v3/api-docs documents the application's API (only /api/**) with HTTP Basic; Swagger UI is served. */
class OpenApiDocsTest extends ApiTest {

  @Autowired ObjectMapper json;

  @Test
  void theOpenApiDocumentListsOnlyTheApplicationsEndpointsWithBasicAuth() throws Exception {
    String body = mvc.perform(as(OFFICER, get("/v3/api-docs")))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    JsonNode api = json.readTree(body);

    List<String> paths = new ArrayList<>();
    api.path("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths).containsExactlyInAnyOrder(
        "/api/grants/{reference}/statement",
        "/api/grants/{reference}/agreement",
        "/api/grants/{reference}/early-stop",
        "/api/grants/{reference}/pause",
        "/api/grants/{reference}/resume",
        "/api/grants/{reference}/coach",
        "/api/programme/budget-vs-actual",
        "/api/programme/budget-vs-actual.csv",
        "/api/programme/follow-ups",
        "/api/grants",
        "/api/grants/{reference}",
        "/api/programme/payment-calendar",
        "/api/me/language",
        "/api/me/csrf-token",
        "/api/grants/{reference}/amendments",
        "/api/grants/{reference}/budget-moves",
        "/api/grants/{reference}/stop-requests",
        "/api/grants/{reference}/movements/{movementId}/evidence",
        "/api/grants/{reference}/changes",
        "/api/programme/exchange-rates",
        "/api/grants/{reference}/spending",
        "/api/grants/{reference}/expenditures",
        "/api/texts/{page}",
        "/api/grants/{reference}/documents",
        "/api/documents/{id}");
    assertThat(api.path("paths").path("/api/grants/{reference}").path("get").path("description").asText())
        .contains("steps waiting", "indicative calendar");
    assertThat(api.path("openapi").asText()).startsWith("3.");
    assertThat(api.path("info").path("title").asText()).isEqualTo("City experimentation grants API");
    assertThat(api.path("info").path("description").asText()).contains("two decimals", "HTTP Basic");

    JsonNode basic = api.path("components").path("securitySchemes").path("basicAuth");
    assertThat(basic.path("type").asText()).isEqualTo("http");
    assertThat(basic.path("scheme").asText()).isEqualTo("basic");
    assertThat(api.path("security").get(0).has("basicAuth")).isTrue();

    JsonNode statement = api.path("paths").path("/api/grants/{reference}/statement").path("get");
    assertThat(statement.path("summary").asText()).isNotBlank();
    assertThat(statement.path("description").asText()).contains("coach");
    assertThat(statement.path("responses").path("200").path("content").path("application/json").path("examples"))
        .isNotEmpty();
    assertThat(statement.path("responses").has("403")).isTrue();
    assertThat(statement.path("responses").has("404")).isTrue();
    assertThat(statement.path("parameters").findValuesAsText("name")).containsExactly("reference");

    JsonNode stop = api.path("paths").path("/api/grants/{reference}/early-stop").path("post");
    assertThat(stop.path("requestBody").path("content").path("application/json").path("schema").path("$ref").asText())
        .endsWith("/EarlyStopRequest");
    assertThat(stop.path("responses").fieldNames()).toIterable().contains("202", "400", "403", "404");

    JsonNode upload = api.path("paths").path("/api/grants/{reference}/documents").path("post");
    assertThat(upload.path("requestBody").path("content").has("multipart/form-data")).isTrue();
    assertThat(upload.path("responses").fieldNames()).toIterable().contains("201", "403", "404", "413", "415");
    assertThat(api.path("paths").path("/api/documents/{id}").has("delete")).isTrue();
    assertThat(api.path("paths").path("/api/documents/{id}").path("get").path("responses").fieldNames()).toIterable()
        .contains("200", "403", "404", "410");

    JsonNode budget = api.path("paths").path("/api/programme/budget-vs-actual").path("get");
    assertThat(budget.path("responses").path("200").path("content").has("text/csv")).isTrue();
    assertThat(budget.path("responses").path("200").path("content").has("application/json")).isTrue();

    JsonNode schemas = api.path("components").path("schemas");
    assertThat(schemas.has("GrantStatement")).isTrue();
    assertThat(schemas.path("GrantStatement").path("properties").path("awarded").path("type").asText())
        .isEqualTo("string");
    assertThat(schemas.path("GrantStatement").path("properties").path("awarded").path("example").asText())
        .isEqualTo("40000.00");
    assertThat(schemas.has("ApiError")).isTrue();
  }

  @Test
  void swaggerUiIsServed() throws Exception {
    String location = mvc.perform(as(OFFICER, get("/swagger-ui.html")))
        .andExpect(status().is3xxRedirection())
        .andReturn().getResponse().getRedirectedUrl();
    assertThat(location).contains("/swagger-ui/index.html");
    mvc.perform(as(OFFICER, get("/swagger-ui/index.html"))).andExpect(status().isOk());
  }
}
