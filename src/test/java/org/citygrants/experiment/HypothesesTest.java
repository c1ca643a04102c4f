package org.citygrants.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HypothesesTest {

  @Test
  void oneHypothesisPerParagraphJoinedIntoOneLine() {
    assertThat(Hypotheses.split("We believe that A.\nWe will know when B.\n\n  We believe that C. We will know when D.  \n"))
        .containsExactly("We believe that A. We will know when B.", "We believe that C. We will know when D.");
  }

  @Test
  void withoutBlankLinesEachLineIsAHypothesisAndRepeatsCountOnce() {
    assertThat(Hypotheses.split("We believe A.\r\nWe believe B.\nWe believe A.")).containsExactly("We believe A.", "We believe B.");
  }

  @Test
  void nothingWrittenGivesNoChoice() {
    assertThat(Hypotheses.split(null)).isEmpty();
    assertThat(Hypotheses.options("  ")).isEmpty();
  }

  @Test
  void optionsAreLabelAndValueForACamundaFormRadio() {
    assertThat(Hypotheses.options("We believe A.")).containsExactly(Map.of("label", "We believe A.", "value", "We believe A."));
  }
}
