package org.citygrants.querytuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The rewrite of the engine's variable query: the join left out, the EXISTS check in, nothing else changed. */
class VariableQueryExistsAuthorizationTest {

  @Test
  void theEnginesVariableQueryGetsTheExistsCheckInPlaceOfItsJoin() throws IOException {
    String engine = read(VariableQueryExistsAuthorization.ENGINE_MAPPING);
    String mapper = VariableQueryExistsAuthorization.mapper(engine, read(VariableQueryExistsAuthorization.TEMPLATE));

    assertThat(mapper).doesNotContain("AUTH ON (AUTH.RESOURCE_ID_")
        .doesNotContain("<!-- ENGINE VARIABLE QUERY -->")
        .contains("<include refid=\"existsAuthorizationCheck\" />")
        .contains("id=\"selectVariableInstanceByQueryCriteriaWithExistsAuthorization\"")
        .contains("id=\"selectVariableInstanceCountByQueryCriteriaWithExistsAuthorization\"")
        .contains("resultMap=\"org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity.variableInstanceResultMap\"")
        // the engine's criteria are kept: scope, names, process instances, the definition's join
        .contains("RES.VAR_SCOPE_ in").contains("RES.NAME_ in").contains("left join ${prefix}ACT_RE_PROCDEF PROCDEF")
        .contains("<sql id=\"actInstIdColumn\">");
  }

  @Test
  void anotherShapeOfTheEnginesQueryIsRefusedSoTheEnginesStatementsStay() throws IOException {
    String engine = read(VariableQueryExistsAuthorization.ENGINE_MAPPING).replace("PROCDEF.KEY_", "PROCDEF.NAME_");

    assertThatThrownBy(() -> VariableQueryExistsAuthorization.mapper(engine,
        read(VariableQueryExistsAuthorization.TEMPLATE))).isInstanceOf(IllegalStateException.class);
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = VariableQueryExistsAuthorizationTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
