package org.citygrants.payment;

import static org.citygrants.process.PaymentProcess.PAYMENT_MILESTONE;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.citygrants.access.GrantAccessService;
import org.citygrants.grant.GrantRegister;
import org.citygrants.ledger.LedgerService;
import org.citygrants.ledger.Payment;
import org.citygrants.process.PaymentProcess;
import org.citygrants.process.ParseListeners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Four eyes, offered right: the finance officer who requested a payment is not offered its
 * approval. When {@code Task_ApprovePayment} of {@code grant-payment} is created, its requester
 * (as the ledger recorded them: the signed-in user who completed the request, never a variable)
 * is excluded from the task ({@link GrantAccessService#excludeFromTask}): the approval is not in
 * their Tasklist lists or filters, and they can neither claim it, complete it nor be given it,
 * while the other finance officers see and work on it as before. The ledger still refuses an
 * approval by the requester, whoever asks.
 */
@Component
public class ApprovalHiddenFromRequesterPlugin extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(ApprovalHiddenFromRequesterPlugin.class);

  private final ObjectProvider<GrantRegister> register;
  private final ObjectProvider<LedgerService> ledger;
  private final ObjectProvider<GrantAccessService> access;

  public ApprovalHiddenFromRequesterPlugin(ObjectProvider<GrantRegister> register, ObjectProvider<LedgerService> ledger,
      ObjectProvider<GrantAccessService> access) {
    this.register = register;
    this.ledger = ledger;
    this.access = access;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addUserTaskListener(configuration, TaskListener.EVENTNAME_CREATE,
        userTask -> PaymentProcess.Elements.APPROVE_PAYMENT.equals(userTask.getId())
            && userTask.getProcessDefinition() instanceof ProcessDefinitionEntity definition
            && PaymentProcess.PAYMENT_PROCESS_ID.equals(definition.getKey()),
        this::hideFromRequester);
  }

  private void hideFromRequester(DelegateTask task) {
    Optional<String> requester = requester(task);
    if (requester.isPresent()) {
      access.getObject().excludeFromTask(task.getId(), requester.get());
    } else {
      log.warn("Approval task {} of process instance {}: no payment request in the ledger, so nobody is excluded "
          + "from it (the ledger still refuses an approval by the requester)", task.getId(), task.getProcessInstanceId());
    }
  }

  /** Who requested the payment this task approves, as the ledger recorded it. */
  private Optional<String> requester(DelegateTask task) {
    return register.getObject().findFor(task.getExecution()).flatMap(grant -> {
      String paymentKey = Payment.key(grant.grantReference(), PAYMENT_MILESTONE.require(task.getExecution()));
      return ledger.getObject().statement(grant.grantReference()).payments().stream()
          .filter(payment -> payment.paymentKey().equals(paymentKey))
          .map(Payment::requestedBy)
          .findFirst();
    });
  }
}
