package org.citygrants.rest;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.VariableInstance;
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
  EngineAnswers engineAnswers(FormTexts forms, ModelTexts models, FilterTexts filters, RepositoryService repository,
      RuntimeService runtime, ProcessEngineConfigurationImpl engine) {
    Map<String, String> keys = new ConcurrentHashMap<>();
    return new EngineAnswers(forms, models, filters, id -> Optional.ofNullable(keys.computeIfAbsent(id, definition -> {
      // "city-grant:3:4711", or only the id when that was too long for the engine
      String[] parts = definition.split(":");
      if (parts.length == 3) {
        return parts[0];
      }
      ProcessDefinition found = repository.createProcessDefinitionQuery().processDefinitionId(definition).singleResult();
      return found == null ? null : found.getKey();
    })), wanted -> taskVariables(wanted, runtime, engine));
  }

  /**
   * The variables wanted for the tasks of an answer, in one query: a task's own execution's value
   * first, else its process instance's. Read without the reader's authorisations: the tasks are in
   * the answer the engine has just given them, and only the reader's-language copies of variables
   * the answer already shows are asked for.
   */
  static Map<String, Map<String, String>> taskVariables(List<EngineAnswers.TaskVariables.Wanted> wanted,
      RuntimeService runtime, ProcessEngineConfigurationImpl engine) {
    String[] instances = wanted.stream().map(EngineAnswers.TaskVariables.Wanted::processInstanceId)
        .filter(Objects::nonNull).distinct().toArray(String[]::new);
    String[] names = wanted.stream().flatMap(w -> w.names().stream()).distinct().toArray(String[]::new);
    if (instances.length == 0 || names.length == 0) {
      return Map.of();
    }
    List<VariableInstance> found = engine.getCommandExecutorTxRequired().execute(context -> {
      context.disableAuthorizationCheck();
      try {
        return runtime.createVariableInstanceQuery().processInstanceIdIn(instances).variableNameIn(names)
            .disableBinaryFetching().disableCustomObjectDeserialization().list();
      } finally {
        context.enableAuthorizationCheck();
      }
    });
    Map<String, Map<String, String>> values = new HashMap<>();
    for (EngineAnswers.TaskVariables.Wanted task : wanted) {
      Map<String, String> ofTask = new HashMap<>();
      for (String name : task.names()) {
        found.stream()
            .filter(v -> name.equals(v.getName()) && v.getValue() instanceof String
                && Objects.equals(v.getProcessInstanceId(), task.processInstanceId()))
            .min(Comparator.comparingInt(v -> Objects.equals(v.getExecutionId(), task.executionId()) ? 0
                : Objects.equals(v.getExecutionId(), v.getProcessInstanceId()) ? 1 : 2))
            .ifPresent(v -> ofTask.put(name, (String) v.getValue()));
      }
      if (!ofTask.isEmpty()) {
        values.put(task.taskId(), ofTask);
      }
    }
    return values;
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
