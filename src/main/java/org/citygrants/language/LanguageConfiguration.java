package org.citygrants.language;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

/** The reader's language on every request (see {@link ReaderLanguageFilter}). */
@Configuration(proxyBeanMethods = false)
public class LanguageConfiguration {

  /** Also Spring MVC's locale resolver (the bean name it looks for), so both give one answer. */
  @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
  ReaderLanguageFilter readerLanguageFilter(IdentityService identityService, LanguagePreferences preferences) {
    return new ReaderLanguageFilter(identityService, preferences);
  }

  /** The models' translations, one instance for the beans and the static wording of mails and pages. */
  @Bean
  ModelTexts modelTexts() {
    return ModelTexts.shared();
  }

  @Bean
  FilterRegistrationBean<ReaderLanguageFilter> readerLanguageFilterRegistration(ReaderLanguageFilter filter) {
    FilterRegistrationBean<ReaderLanguageFilter> registration = new FilterRegistrationBean<>(filter);
    // inside Spring's RequestContextFilter (Jersey's auto-configuration registers it at order -1,
    // after Spring Security), which makes the browser's Accept-Language the locale of everything
    // Spring MVC does not resolve itself: the engine REST API (Jersey) and the listeners and
    // validation it calls. Ours must have the last word; it is lazy, so it still sees the user the
    // sign-in filters set.
    registration.setOrder(0);
    registration.addUrlPatterns("/*");
    return registration;
  }
}
