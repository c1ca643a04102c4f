package org.citygrants.delivery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * What goes over the wire, and how long a browser keeps it (README, "Languages and slow lines").
 * Compression is Tomcat's ({@code server.compression}); Brotli copies of the largest webapp files
 * and the cache lifetimes of static files are decided by {@link DeliveryResolver}, put first in
 * the chain of every static-file handler, Camunda's included (the webapps' starter registers its
 * handlers itself, without a way to add a resolver); the answers of the APIs by
 * {@link AnswerCachingFilter}; our pages name their files by content version
 * ({@link VersionedPageLinks}).
 */
@Configuration(proxyBeanMethods = false)
public class DeliveryConfiguration {

  /** Our own pages, whose HTML names its scripts and style sheets by content version. */
  static final List<String> PAGES = List.of("/cohort/", "/grants/");

  @Bean
  static BeanPostProcessor staticFilesDelivered() {
    return new BeanPostProcessor() {
      private final Set<ResourceHttpRequestHandler> done = Collections.newSetFromMap(new IdentityHashMap<>());
      private DeliveryResolver resolver;

      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        if (bean instanceof AbstractUrlHandlerMapping mapping) {
          Stream.concat(mapping.getHandlerMap().values().stream(), mapping.getPathPatternHandlerMap().values().stream())
              .filter(ResourceHttpRequestHandler.class::isInstance).map(ResourceHttpRequestHandler.class::cast)
              .filter(done::add).forEach(this::deliver);
        }
        return bean;
      }

      private void deliver(ResourceHttpRequestHandler handler) {
        if (resolver == null) {
          resolver = new DeliveryResolver(new PrecompressedWebjar(DeliveryConfiguration.class.getClassLoader()));
        }
        List<ResourceResolver> resolvers = new ArrayList<>(handler.getResourceResolvers());
        resolvers.add(0, resolver);
        handler.setResourceResolvers(resolvers);
        try {
          handler.afterPropertiesSet(); // builds its resolver chain again, now with ours first
        } catch (Exception e) {
          throw new IllegalStateException("Could not add the delivery rules to " + handler, e);
        }
      }
    };
  }

  @Bean
  FilterRegistrationBean<AnswerCachingFilter> answerCaching(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    String path = webappPath.endsWith("/") ? webappPath.substring(0, webappPath.length() - 1) : webappPath;
    FilterRegistrationBean<AnswerCachingFilter> registration = new FilterRegistrationBean<>(new AnswerCachingFilter(path));
    // before Spring Security's chain, so its decision is the one the response keeps
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<VersionedPageLinks> versionedPageLinks(ResourceUrlProvider mvcResourceUrlProvider) {
    FilterRegistrationBean<VersionedPageLinks> registration =
        new FilterRegistrationBean<>(new VersionedPageLinks(mvcResourceUrlProvider, PAGES));
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 5);
    return registration;
  }
}
