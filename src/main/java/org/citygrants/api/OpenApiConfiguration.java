package org.citygrants.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI documentation of the application's own API ({@code /v3/api-docs},
 * {@code /swagger-ui.html}): only {@code /api/**}, with HTTP Basic as its security scheme. The
 * engine REST API ({@code /engine-rest}) is Camunda's, runs on Jersey and is documented by
 * Camunda.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

  static final String API_PATHS = "/api/";
  static final String BASIC_AUTH = "basicAuth";
  private static final Pattern SCHEMA_REF = Pattern.compile("#/components/schemas/([^\"/]+)\"");

  @Bean
  OpenAPI cityGrantsOpenApi() {
    return new OpenAPI()
        .info(new Info()
            .title("City experimentation grants API")
            .version("v1")
            .description("""
                The application's own REST API: each grant's ring-fenced experimentation capital \
                (ledger statement), the programme's budget vs actual (JSON or CSV) and the early stop \
                of a grant.

                **Sign in** with HTTP Basic using your Camunda user and password (the users of \
                Camunda Admin; in the demo profile e.g. `officer` / `demo`); a browser already \
                signed in to the Camunda webapps may use that session.

                **Who sees what**: a grant's statement is for programme officers, programme managers, \
                finance officers, the grant's coach and the members of its city group \
                (`city-<code>`); the budget vs actual is for programme staff and finance only; only \
                programme officers stop grants.

                **Amounts** are JSON strings with exactly two decimals and a decimal point \
                (`"12000.00"`), never floating-point numbers, in the grant's `currency`. Instants \
                are ISO-8601 in UTC.

                **Errors** are JSON: `{status, error, message, field?, path}`; `field` names the \
                request field of refused input (400).

                The engine's own REST API (`/engine-rest`) is Camunda's and is not listed here."""))
        .components(new Components().addSecuritySchemes(BASIC_AUTH, new SecurityScheme()
            .type(SecurityScheme.Type.HTTP)
            .scheme("basic")
            .description("Camunda user id and password (identity service)")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC_AUTH))
        .tags(List.of(
            new Tag().name("Grants").description("One city grant: its ring-fenced capital and the early stop"),
            new Tag().name("Programme").description("Every grant's money, for programme staff and finance")));
  }

  /** Keeps only {@code /api/**} and the schemas those paths use, whatever else Spring MVC serves. */
  @Bean
  GlobalOpenApiCustomizer onlyTheApplicationsApi() {
    return openApi -> {
      Paths kept = new Paths();
      if (openApi.getPaths() != null) {
        openApi.getPaths().forEach((path, item) -> {
          if (path.startsWith(API_PATHS)) {
            kept.addPathItem(path, item);
          }
        });
      }
      openApi.setPaths(kept);
      if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
        Map<String, io.swagger.v3.oas.models.media.Schema> schemas = openApi.getComponents().getSchemas();
        Set<String> used = referencedSchemas(kept, schemas);
        schemas.keySet().removeIf(name -> !used.contains(name));
        schemas.values().forEach(OpenApiConfiguration::amountExamplesAsStrings);
      }
    };
  }

  /**
   * swagger-core reads an example that looks like a number as a number, even for a string
   * property ("40000.00" becomes 40000.0); amounts are strings with two decimals, so are their
   * examples.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void amountExamplesAsStrings(io.swagger.v3.oas.models.media.Schema schema) {
    if (schema.getProperties() == null) {
      return;
    }
    ((Map<String, io.swagger.v3.oas.models.media.Schema>) schema.getProperties()).values().forEach(property -> {
      if (!Amounts.PATTERN.equals(property.getPattern())) {
        return;
      }
      Object example = property.getExample();
      if (example instanceof Number number) {
        property.setExample(Amounts.of(new java.math.BigDecimal(number.toString())));
      } else if (example instanceof com.fasterxml.jackson.databind.JsonNode node && node.isNumber()) {
        property.setExample(Amounts.of(node.decimalValue()));
      }
    });
  }

  @SuppressWarnings("rawtypes")
  private static Set<String> referencedSchemas(Paths paths, Map<String, io.swagger.v3.oas.models.media.Schema> schemas) {
    Set<String> used = new HashSet<>();
    Deque<String> toVisit = new ArrayDeque<>(refsIn(paths));
    while (!toVisit.isEmpty()) {
      String name = toVisit.pop();
      if (used.add(name) && schemas.containsKey(name)) {
        toVisit.addAll(refsIn(schemas.get(name)));
      }
    }
    return used;
  }

  private static Set<String> refsIn(Object part) {
    String json;
    try {
      json = Json.mapper().writeValueAsString(part);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read the OpenAPI document", e);
    }
    Set<String> refs = new HashSet<>();
    Matcher matcher = SCHEMA_REF.matcher(json);
    while (matcher.find()) {
      refs.add(matcher.group(1));
    }
    return refs;
  }
}
