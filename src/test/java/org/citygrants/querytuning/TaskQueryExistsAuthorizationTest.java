package org.citygrants.querytuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The rewrite of the engine's task query that {@link TaskQueryExistsAuthorization} does at
 * start-up, on the Task.xml of the Camunda version in use. If an upgrade changes the engine's
 * query, this test says so (the application then keeps the engine's join and logs a warning).
 * That both ways show users the same tasks is tested on PostgreSQL in WholeGrantOnPostgresTest.
 */
class TaskQueryExistsAuthorizationTest {

  @Test
  void theEnginesTaskQueryIsTakenWithItsAuthorisationJoinReplacedByExists() throws IOException {
    String mapper = TaskQueryExistsAuthorization.mapper(read(TaskQueryExistsAuthorization.ENGINE_MAPPING),
        read(TaskQueryExistsAuthorization.TEMPLATE));

    assertThat(mapper)
        .contains("<select id=\"selectTaskByQueryCriteriaWithExistsAuthorization\"",
            "<select id=\"selectTaskCountByQueryCriteriaWithExistsAuthorization\"",
            "resultMap=\"org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.taskResultMap\"",
            "<include refid=\"existsAuthorizationCheck\" />",
            // the engine's criteria are all there
            "query.candidateGroups", "query.variables", "query.taskDefinitionKeys")
        .doesNotContain("<!-- ENGINE TASK QUERY -->");
    assertThat(mapper.split("AUTH ON \\(", -1)).as("the engine's join, kept for queries of one task by id").hasSize(2);
    assertThat(mapper).contains("<bind name=\"existsAuthorization\" value=\"taskId == null\" />",
        "<if test=\"!existsAuthorization\"><include refid=\"org.camunda.bpm.engine.impl.persistence.entity"
            + ".AuthorizationEntity.authCheckJoinWithoutOnClause\"");
    assertThat(mapper.split("AuthorizationEntity.contextualAuthorizationCheck", -1))
        .as("the engine's check is kept for revoke authorisations and queries by task id").hasSize(2);
  }

  @Test
  void anEngineQueryOfAnotherShapeIsRefusedSoTheEnginesOwnStaysInUse() throws IOException {
    String engine = read(TaskQueryExistsAuthorization.ENGINE_MAPPING);
    String template = read(TaskQueryExistsAuthorization.TEMPLATE);

    assertThatThrownBy(() -> TaskQueryExistsAuthorization.mapper(engine.replace("AUTH ON (", "AUTH_X ON ("), template))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("authorisation join");
    assertThatThrownBy(() -> TaskQueryExistsAuthorization.mapper(
        engine.replace("<sql id=\"selectTaskByQueryCriteriaSql\"", "<sql id=\"renamed\""), template))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("selectTaskByQueryCriteriaSql");
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = TaskQueryExistsAuthorizationTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
