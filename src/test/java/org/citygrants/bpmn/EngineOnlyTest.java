package org.citygrants.bpmn;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tier 1: a process model on the engine alone, in milliseconds. An in-memory H2 engine from
 * {@code camunda-engine-only.cfg.xml} (no Spring, no job executor: the tests run jobs and timers
 * themselves), every delegate and bean a mock registered with {@link Mocks#register}, assertions
 * with camunda-bpm-assert. Runs in {@code mvn -B test -Pfast}; the whole-application tests check the
 * real delegates. The engine records coverage for {@code ProcessCoverageTest} like the others, and
 * the Camunda community's process test coverage (the engine's configuration class is its own)
 * draws what each class and test method ran: {@code target/process-test-coverage/<class>/report.html}.
 */
abstract class EngineOnlyTest {

  /**
   * One engine for all these tests (the extension caches it by its configuration resource), with
   * the coverage report of each test class (static: it reports after all of a class's tests).
   */
  @RegisterExtension
  static final ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .configurationResource("camunda-engine-only.cfg.xml").build();

  /** The delegates that ran, in order, by bean name. */
  final List<String> delegatesRun = new ArrayList<>();

  @BeforeEach
  void assertionsOnThisEngine() {
    init(engine.getProcessEngine());
    Mocks.register("taskDue", new TaskDueMock());
    // the real rule (no engine, no Spring in it): the proposal prefills the officer's sizing decision
    Mocks.register("sizingRules", new org.citygrants.grant.SizingRules(org.citygrants.ledger.LedgerProperties.defaults(),
        new org.citygrants.config.GrantDurations()));
    // the notice to the city when a report is reviewed (reporting/NotifyCityOfReportReviewListener) mails nothing here
    Mocks.register("notifyCityOfReportReviewListener", (org.camunda.bpm.engine.delegate.TaskListener) task -> { });
    // a grant that stops or ends withdraws a change still waiting (grant.change): no change here
    Mocks.register("withdrawOpenChangeListener", (org.camunda.bpm.engine.delegate.ExecutionListener) execution -> { });
  }

  @AfterEach
  void noMocksLeft() {
    Mocks.reset();
    reset();
  }

  /** A delegate mock that records that it ran. */
  void mockDelegate(String beanName) {
    mockDelegate(beanName, execution -> { });
  }

  /** A delegate mock that records that it ran, then does what the test needs (sets variables). */
  void mockDelegate(String beanName, JavaDelegate behaviour) {
    Mocks.register(beanName, (JavaDelegate) execution -> {
      delegatesRun.add(beanName);
      behaviour.execute(execution);
    });
  }

  /** Stands in for config/TaskDue ({@code ${taskDue.payment()}} and the like): due in a few days. */
  public static class TaskDueMock {
    public Date standard() {
      return inDays(14);
    }

    public Date payment() {
      return inDays(5);
    }

    public Date after(String isoDuration) {
      return inDays(30);
    }

    public Date until(Date deadline) {
      return deadline != null && deadline.after(new Date()) ? deadline : standard();
    }

    private static Date inDays(int days) {
      return new Date(System.currentTimeMillis() + days * 24L * 3600 * 1000);
    }
  }
}
