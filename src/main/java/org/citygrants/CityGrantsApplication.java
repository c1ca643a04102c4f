package org.citygrants;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The city experimentation grants application: Camunda 7 engine, webapps, REST and the ledger. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CityGrantsApplication {

  public static void main(String[] args) {
    SpringApplication.run(CityGrantsApplication.class, args);
  }
}
