package org.citygrants.committee;

import static org.citygrants.process.CityGrantProcess.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.grant.GrantRegister;
import org.citygrants.language.Words;
import org.citygrants.process.CurrentActor;
import org.citygrants.process.InputRejectedException;
import org.springframework.stereotype.Component;

/**
 * Stores the committee the city formed in the application's own table. The first member listed
 * chairs: the city is not asked to type a name it has just typed.
 */
@Component
public class RegisterCommitteeMembersDelegate implements JavaDelegate {

  private final GrantRegister register;
  private final CommitteeRegister committees;
  private final CurrentActor actor;

  public RegisterCommitteeMembersDelegate(CommitteeRegister committees, CurrentActor actor, GrantRegister register) {
    this.register = register;
    this.committees = committees;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<CommitteeRegister.Member> members = CommitteeRegister.parse(COMMITTEE_MEMBERS.name(), COMMITTEE_MEMBERS.get(execution));
    if (members.isEmpty()) {
      throw new InputRejectedException(COMMITTEE_MEMBERS.name(), Words.say("committee.listMembers"));
    }
    String chair = members.get(0).name();
    COMMITTEE_CHAIR.set(execution, chair);
    committees.register(register.of(execution).grantReference(), members, chair, actor.userId());
  }
}
