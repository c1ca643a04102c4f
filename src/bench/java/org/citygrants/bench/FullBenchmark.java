package org.citygrants.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The full benchmark (README, Performance): {@code mvn -B -Pbench test}; sizes from
 * {@code -Dbench.*} properties ({@link BenchOptions}). Not part of the ordinary test run (its name
 * does not end in Test); the bench profile runs only this class. Fails when a grant did not end as
 * expected or a ledger does not balance; timings are reported, never asserted.
 */
class FullBenchmark {

  @Test
  void run() throws Exception {
    GrantsBenchmark.Outcome outcome = GrantsBenchmark.run(BenchOptions.fromSystemProperties(GrantsBenchmark.defaultOutputDir()));
    System.out.println(java.nio.file.Files.readString(outcome.markdown()));
    assertThat(outcome.problems()).as("grants not ended as expected or ledgers not balanced").isEmpty();
  }
}
