package org.citygrants.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.camunda.bpm.engine.HistoryService;
import org.citygrants.ledger.MovementType;
import org.citygrants.ledger.Payment;
import org.citygrants.ledger.PaymentStatus;
import org.citygrants.process.PaymentProcess;
import org.citygrants.process.ProcessGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Many people (or one person's many clicks) completing the same task at the same moment: exactly
 * one completion wins, every other attempt fails loudly, and the grant and its ledger show one
 * completion.
 */
class ConcurrentCompletionTest extends ReliabilityTest {

  static final int THREADS = 8;

  @Autowired HistoryService historyService;

  @Test
  void theSameUserCompletingOneTaskEightTimesAtOnceCompletesItOnce() throws Exception {
    String grant = grantInPreparation();
    String taskId = journey.task(grant, COMPLETE_METHOD_ONBOARDING).getId();

    List<Object> outcomes = race(i -> () -> {
      gateway.completeTask(CITY, taskId, methodOnboarding());
      return "completed";
    });

    assertThat(outcomes).as("outcomes %s", outcomes).filteredOn("completed"::equals).hasSize(1);
    System.out.println("concurrent completions as one user: " + summary(outcomes));
    assertThat(outcomes).filteredOn(Throwable.class::isInstance).hasSize(THREADS - 1)
        .allSatisfy(failure -> {
          assertThat(failure).isInstanceOf(ProcessGateway.TaskNotAvailableException.class);
          String message = ((Throwable) failure).getMessage();
          assertThat(failure instanceof ProcessGateway.ConcurrentChangeException
              ? message.contains("by someone else at the same time; reload and try again")
              : message.contains("does not exist or was completed already")).as(message).isTrue();
        });
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(grant)
        .taskDefinitionKey(COMPLETE_METHOD_ONBOARDING).finished().count()).isEqualTo(1);
    assertThat(journey.openTaskKeys(grant)).doesNotContain(COMPLETE_METHOD_ONBOARDING)
        .contains(PLAN_EXPERIMENTATION, OBTAIN_INTERNAL_AUTHORISATIONS, SUBMIT_PROCUREMENT_PLAN);
  }

  @Test
  void twoFinanceOfficersApprovingOnePaymentAtOnceApproveAndPayItOnce() throws Exception {
    String grant = grantWithPaymentToApprove();
    String taskId = journey.task(grant, PaymentProcess.Elements.APPROVE_PAYMENT).getId();

    // finance1 requested the payment, so the ledger refuses its approval (four eyes) and finance2 must win
    List<Object> outcomes = race(i -> () -> {
      String officer = i % 2 == 0 ? "finance2" : "finance1";
      gateway.completeTask(officer, taskId, approvePayment(true));
      return "approved by " + officer;
    });
    journey.runAsyncJobs();

    System.out.println("concurrent approvals: " + summary(outcomes));
    assertThat(outcomes).as("outcomes %s", outcomes).filteredOn(String.class::isInstance).containsExactly("approved by finance2");
    // finance2's other attempts lost the race; finance1's lost it or were refused as the requester
    assertThat(outcomes).filteredOn(Throwable.class::isInstance).hasSize(THREADS - 1)
        .allSatisfy(failure -> assertThat(((Throwable) failure).getMessage()).isNotBlank());
    for (int i = 0; i < THREADS; i += 2) {
      assertThat(outcomes.get(i)).isInstanceOfAny(String.class, ProcessGateway.TaskNotAvailableException.class);
    }
    List<Payment> payments = ledger.statement(grant).payments();
    assertThat(payments).hasSize(1);
    assertThat(payments.get(0).status()).isEqualTo(PaymentStatus.DISBURSED);
    assertThat(payments.get(0).approvedBy()).isEqualTo("finance2");
    assertThat(movements(grant, MovementType.PAYMENT_APPROVED)).isEqualTo(1);
    assertThat(movements(grant, MovementType.PAYMENT_DISBURSED)).isEqualTo(1);
  }

  @Test
  void concurrentCompletionsOverTheEngineRestApiAnswerOne204AndOtherwiseConflictOrGone() throws Exception {
    String grant = grantInPreparation();
    String taskId = journey.task(grant, COMPLETE_METHOD_ONBOARDING).getId();
    String body = "{\"variables\": " + typed(methodOnboarding()) + "}";

    List<Object> outcomes = race(i -> () -> post(CITY, "/engine-rest/task/" + taskId + "/complete", body));

    System.out.println("concurrent REST completions: " + summary(outcomes));
    List<Reply> replies = outcomes.stream().map(Reply.class::cast).toList();
    assertThat(replies).filteredOn(r -> r.status() == 204).hasSize(1);
    assertThat(replies).filteredOn(r -> r.status() != 204).hasSize(THREADS - 1)
        .allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(403, 404, 409));
    assertThat(replies).filteredOn(r -> r.status() == 409)
        .allSatisfy(r -> assertThat(r.body()).contains("someone else changed this at the same time"));
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(grant)
        .taskDefinitionKey(COMPLETE_METHOD_ONBOARDING).finished().count()).isEqualTo(1);

    Reply late = post(CITY, "/engine-rest/task/" + taskId + "/complete", body);
    System.out.println("completion of the gone task: " + late);
    assertThat(late.status()).as(late.body()).isEqualTo(404);
    assertThat(late.body()).contains("does not exist or was completed already");
  }

  /** Runs the attempts on THREADS threads released together; each outcome is a value or the exception. */
  private List<Object> race(IntFunction<Callable<Object>> attempt) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Object>> futures = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        Callable<Object> call = attempt.apply(i);
        futures.add(pool.submit(() -> {
          start.await();
          try {
            return call.call();
          } catch (Exception e) {
            return e;
          }
        }));
      }
      start.countDown();
      List<Object> outcomes = new ArrayList<>();
      for (Future<Object> future : futures) {
        outcomes.add(future.get(60, TimeUnit.SECONDS));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String summary(List<Object> outcomes) {
    return outcomes.stream().map(o -> o instanceof Throwable t ? t.getClass().getSimpleName() + ": " + t.getMessage()
        : o instanceof Reply r ? r.status() + " " + r.body() : String.valueOf(o)).toList().toString();
  }

  /** Form values as the engine REST API takes them: {"name": {"value": ..., "type": ...}}. */
  private static String typed(Map<String, Object> values) {
    StringBuilder json = new StringBuilder("{");
    values.forEach((name, value) -> {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append(quote(name)).append(":{\"value\":").append(literal(value)).append(",\"type\":\"")
          .append(typeOf(value)).append("\"}");
    });
    return json.append('}').toString();
  }

  private static String literal(Object value) {
    if (value == null || value instanceof Boolean || value instanceof Number) {
      return String.valueOf(value);
    }
    return quote(String.valueOf(value));
  }

  private static String typeOf(Object value) {
    if (value == null) {
      return "Null";
    } else if (value instanceof Boolean) {
      return "Boolean";
    } else if (value instanceof Integer || value instanceof Long) {
      return "Long";
    } else if (value instanceof Number) {
      return "Double";
    }
    return "String";
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
