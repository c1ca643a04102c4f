package org.citygrants.signin;

import jakarta.servlet.DispatcherType;
import java.util.Arrays;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what over HTTP.
 *
 * <ul>
 *   <li>{@code /engine-rest/**} (Camunda's engine REST API): HTTP Basic against the Camunda
 *       identity service, nothing anonymous; the user becomes the engine's authenticated user
 *       for the request, so the engine's authorisations decide what it sees and does; input is
 *       form input ({@link EngineRestWriteGuard} and, inside the engine, {@link EngineInputPolicy}).</li>
 *   <li>{@code /api/**} and the application's pages ({@code /cohort/**}, {@code /grants/**}): HTTP Basic, or the
 *       session of the Camunda webapps (a browser signed in to Tasklist); nothing anonymous (a
 *       browser page is sent to the Tasklist sign-in, anything else gets 401).</li>
 *   <li>the Camunda webapps ({@code /camunda/**}) keep their own sign-in, session and CSRF
 *       filter; the API documentation is public; any other path needs a user.</li>
 * </ul>
 *
 * <p>CSRF: Spring's CSRF protection is off for the two APIs because HTTP Basic is stateless:
 * no cookie carries the credentials, so another site cannot make a browser send them (the
 * Basic challenge is never sent to browser pages, so no browser caches credentials). A request
 * authenticated by the webapps' session cookie is the exception: it must carry the webapps'
 * CSRF token to change anything ({@link WebappSessionAuthenticationFilter}). The webapps keep
 * Camunda's own CSRF filter; Spring's would conflict with it, so it is off there too.
 *
 * <p>Security headers on every response: X-Content-Type-Options, X-Frame-Options SAMEORIGIN
 * (the webapps open same-origin frames), Referrer-Policy, HSTS on HTTPS requests.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

  private final ProcessEngine processEngine;
  private final String webappPath;

  public SecurityConfiguration(ProcessEngine processEngine,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    this.processEngine = processEngine;
    this.webappPath = webappPath.endsWith("/") ? webappPath.substring(0, webappPath.length() - 1) : webappPath;
  }

  @Bean
  AuthenticationManager camundaAuthenticationManager() {
    return new ProviderManager(new CamundaIdentityAuthenticationProvider(processEngine.getIdentityService()));
  }

  @Bean
  @Order(1)
  SecurityFilterChain engineRestApi(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
    ApiAuthenticationEntryPoint entryPoint = new ApiAuthenticationEntryPoint();
    http.securityMatcher(new OrRequestMatcher(paths("/engine-rest/**")))
        .authenticationManager(authenticationManager)
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable()) // stateless HTTP Basic, see the class comment
        .requestCache(cache -> cache.disable())
        .addFilterAfter(new EngineAuthenticationFilter(processEngine), AuthorizationFilter.class)
        .addFilterAfter(new EngineRestWriteGuard(processEngine, webappPath), EngineAuthenticationFilter.class);
    headers(http);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain applicationApi(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
    ApiAuthenticationEntryPoint entryPoint = new ApiAuthenticationEntryPoint();
    http.securityMatcher(new OrRequestMatcher(paths("/api/**", "/cohort/**", "/grants", "/grants/**")))
        .authenticationManager(authenticationManager)
        .authorizeHttpRequests(requests -> requests
            .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
            .anyRequest().authenticated())
        .addFilterBefore(new WebappSessionAuthenticationFilter(processEngine.getIdentityService(), processEngine.getName()),
            BasicAuthenticationFilter.class)
        .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
        // the Tasklist login already renewed the session id: renewing it again on every request
        // would race the page's parallel requests and sign the user out
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS).sessionFixation(f -> f.none()))
        .csrf(csrf -> csrf.disable()) // Basic is stateless; the webapp session is checked by its own token
        .requestCache(cache -> cache.disable())
        .addFilterAfter(new EngineAuthenticationFilter(processEngine), AuthorizationFilter.class);
    headers(http);
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain webappsAndTheRest(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
    ApiAuthenticationEntryPoint entryPoint = new ApiAuthenticationEntryPoint();
    http.authenticationManager(authenticationManager)
        .authorizeHttpRequests(requests -> requests
            .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
            // the webapps authenticate themselves (sign-in page, session, Camunda's CSRF filter)
            .requestMatchers(paths("/", webappPath + "/**")).permitAll()
            .requestMatchers(paths("/error", "/favicon.ico", "/webjars/**")).permitAll()
            // the OpenAPI description of /api (the data stays behind /api)
            .requestMatchers(paths("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")).permitAll()
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable()) // the webapps' own CSRF filter protects them; Spring's would conflict
        .requestCache(cache -> cache.disable())
        .addFilterAfter(new EngineRestWriteGuard(processEngine, webappPath), AuthorizationFilter.class);
    headers(http);
    // the webapps set their own cache headers for their (large, versioned) assets
    http.headers(headers -> headers.cacheControl(cache -> cache.disable()));
    return http.build();
  }

  private static RequestMatcher[] paths(String... patterns) {
    return Arrays.stream(patterns).map(p -> PathPatternRequestMatcher.withDefaults().matcher(p))
        .toArray(RequestMatcher[]::new);
  }

  private static void headers(HttpSecurity http) throws Exception {
    http.headers(headers -> headers
        .contentTypeOptions(contentType -> { })
        .frameOptions(frame -> frame.sameOrigin())
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000)));
  }
}
