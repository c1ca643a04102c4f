package org.citygrants.rest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.citygrants.language.FilterTexts;
import org.citygrants.language.FormTexts;
import org.citygrants.language.ModelTexts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The engine REST API's answers in the reader's language (see {@link TranslatedEngineAnswersFilter}). */
@Configuration(proxyBeanMethods = false)
public class TranslatedEngineAnswersConfiguration {

  @Bean
  EngineAnswers engineAnswers(FormTexts forms, ModelTexts models, FilterTexts filters, RepositoryService repository) {
    Map<String, String> keys = new ConcurrentHashMap<>();
    return new EngineAnswers(forms, models, filters, id -> Optional.ofNullable(keys.computeIfAbsent(id, definition -> {
      // "city-grant:3:4711", or only the id when that was too long for the engine
      String[] parts = definition.split(":");
      if (parts.length == 3) {
        return parts[0];
      }
      ProcessDefinition found = repository.createProcessDefinitionQuery().processDefinitionId(definition).singleResult();
      return found == null ? null : found.getKey();
    })));
  }

  @Bean
  FilterRegistrationBean<TranslatedEngineAnswersFilter> translatedEngineAnswers(EngineAnswers answers,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    String webapps = webappPath.endsWith("/") ? webappPath.substring(0, webappPath.length() - 1) : webappPath;
    FilterRegistrationBean<TranslatedEngineAnswersFilter> registration = new FilterRegistrationBean<>(
        new TranslatedEngineAnswersFilter(answers, List.of("/engine-rest/", webapps + "/api/engine/engine/")));
    registration.addUrlPatterns("/engine-rest/*", webapps + "/api/engine/*");
    // inside the sign-in filters, next to the API: the reader is known while the answer is written
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    return registration;
  }
}
