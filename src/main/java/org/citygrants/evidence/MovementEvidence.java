package org.citygrants.evidence;

import static org.citygrants.ledger.MovementType.*;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.citygrants.access.GrantPolicy;
import org.citygrants.access.GrantPolicy.Person;
import org.citygrants.evidence.EvidenceException.Kind;
import org.citygrants.identity.CityDirectory;
import org.citygrants.language.Words;
import org.citygrants.ledger.MovementRecorded;
import org.citygrants.ledger.MovementType;
import org.citygrants.process.CityGrantProcess;
import org.citygrants.process.GrantChangeProcess;
import org.citygrants.process.PaymentProcess;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which files a ledger movement rests on (table {@code movement_evidence}, Flyway V12). When the
 * ledger records a movement, the files attached at the steps that led to it and not yet linked to a
 * movement of its kind are linked to it ({@link #STEPS}: a payment approved rests on its request's
 * and approval's files, a commitment on the experiment's plan and review, an accepted spending on
 * the report and its review, an amendment or budget move on the decision's tasks, a spending item on
 * its invoice). A finance officer, programme officer or manager may link any other file of the same
 * grant later (a proof of payment that arrives after the transfer). Links are only ever added; the
 * database holds that a movement and its file belong to the same grant.
 */
@Service
public class MovementEvidence {

  /** The steps whose files a movement of each kind rests on, linked when it is recorded. */
  static final Map<MovementType, List<String>> STEPS = Map.ofEntries(
      Map.entry(GRANT_OPENED, List.of(CityGrantProcess.Elements.SIZE_GRANT, CityGrantProcess.Elements.ACCEPT_AWARD)),
      Map.entry(COMMITTED, List.of(CityGrantProcess.Elements.PLAN_EXPERIMENT,
          CityGrantProcess.Elements.REVIEW_EXPERIMENT_PLAN)),
      Map.entry(PAYMENT_APPROVED, List.of(PaymentProcess.Elements.REQUEST_PAYMENT,
          PaymentProcess.Elements.APPROVE_PAYMENT)),
      Map.entry(EXPENDITURE_ACCEPTED, List.of(CityGrantProcess.Elements.REPORT_EXPERIMENT_RESULTS,
          CityGrantProcess.Elements.DECIDE_EXPERIMENT_OUTCOME, CityGrantProcess.Elements.SUBMIT_PROGRESS_REPORT,
          CityGrantProcess.Elements.REVIEW_PROGRESS_REPORT, CityGrantProcess.Elements.SUBMIT_FINAL_REPORT,
          CityGrantProcess.Elements.REVIEW_FINAL_REPORT)),
      Map.entry(EXPENDITURE_NOT_ACCEPTED, List.of(CityGrantProcess.Elements.REPORT_EXPERIMENT_RESULTS,
          CityGrantProcess.Elements.DECIDE_EXPERIMENT_OUTCOME, CityGrantProcess.Elements.DECIDE_EXCESS_SPENDING)),
      Map.entry(RECOVERY_RECEIVED, List.of(PaymentProcess.Elements.CONFIRM_RECOVERY_RECEIVED)),
      Map.entry(AWARD_INCREASED, List.of(GrantChangeProcess.Elements.DECIDE_CHANGE,
          GrantChangeProcess.Elements.APPROVE_INCREASE)),
      Map.entry(AWARD_DECREASED, List.of(GrantChangeProcess.Elements.DECIDE_CHANGE)),
      Map.entry(BUDGET_MOVED, List.of(GrantChangeProcess.Elements.AGREE_BUDGET_MOVE,
          GrantChangeProcess.Elements.DECIDE_CHANGE)));

  /** Who may link a file to a movement by hand: the people who keep and check the books. */
  static final Set<String> LINKERS = Set.of(CityDirectory.FINANCE_OFFICERS, CityDirectory.PROGRAMME_OFFICERS,
      CityDirectory.PROGRAMME_MANAGERS);

  private final JdbcClient jdbc;
  private final EvidenceFiles files;
  private final GrantPolicy policy;

  public MovementEvidence(JdbcClient jdbc, EvidenceFiles files, GrantPolicy policy) {
    this.jdbc = jdbc;
    this.files = files;
    this.policy = policy;
  }

  /** Links the files a movement rests on, as it is recorded (in the ledger's transaction). */
  @EventListener
  public void linkAtStep(MovementRecorded movement) {
    if (movement.type() == SPENDING_ITEM_REPORTED) {
      linkTheItemsInvoice(movement);
      return;
    }
    List<String> steps = STEPS.get(movement.type());
    if (steps == null) {
      return;
    }
    String in = String.join(", ", steps.stream().map(step -> "?").toList());
    List<Object> params = new java.util.ArrayList<>();
    params.add(movement.grantReference());
    params.addAll(steps);
    params.add(movement.grantReference());
    params.add(movement.type().name());
    List<String> fileIds = jdbc.sql("""
            SELECT f.file_id FROM evidence_file f
            WHERE f.grant_reference = ? AND f.deleted_at IS NULL AND f.step IN (%s)
              AND NOT EXISTS (SELECT 1 FROM movement_evidence e JOIN ledger_movement m ON m.id = e.movement_id
                              WHERE e.file_id = f.file_id AND m.grant_reference = ? AND m.movement_type = ?)
            ORDER BY f.uploaded_at, f.file_id""".formatted(in))
        .params(params).query(String.class).list();
    fileIds.forEach(fileId -> insert(movement.movementId(), fileId, movement.grantReference(), movement.actor()));
  }

  private void linkTheItemsInvoice(MovementRecorded movement) {
    String prefix = movement.grantReference() + ":item-";
    if (movement.referenceKey() == null || !movement.referenceKey().startsWith(prefix)) {
      return;
    }
    long itemId = Long.parseLong(movement.referenceKey().substring(prefix.length()));
    jdbc.sql("SELECT document_id FROM spending_item WHERE id = ? AND grant_reference = ? AND document_id IS NOT NULL")
        .params(itemId, movement.grantReference()).query(String.class).optional()
        .ifPresent(fileId -> insert(movement.movementId(), fileId, movement.grantReference(), movement.actor()));
  }

  /**
   * Links one of the grant's files to one of its movements, as the signed-in finance officer,
   * programme officer or manager. Linking a file already linked answers the same link, unchanged.
   *
   * @return whether a link was added (false: it was there already)
   */
  @Transactional
  public boolean link(String userId, String grantReference, long movementId, String fileId) {
    EvidenceFile file = files.describe(userId, fileId); // 404 unknown, 403 not one who reads its grant
    Person person = policy.person(userId);
    if (!person.isAdministrator() && person.groups().stream().noneMatch(LINKERS::contains)) {
      throw new EvidenceException(Kind.FORBIDDEN, null, Words.say("evidence.linkForbidden"));
    }
    if (!file.grantReference().equals(grantReference)) {
      throw new EvidenceException(Kind.INVALID, "fileId",
          Words.say("evidence.linkOtherGrant", file.name(), grantReference));
    }
    boolean movementOfTheGrant = jdbc.sql("SELECT COUNT(*) FROM ledger_movement WHERE id = ? AND grant_reference = ?")
        .params(movementId, grantReference).query(Integer.class).single() > 0;
    if (!movementOfTheGrant) {
      throw new EvidenceException(Kind.NOT_FOUND, null, Words.say("evidence.unknownMovement", movementId, grantReference));
    }
    if (file.deleted()) {
      throw new EvidenceException(Kind.GONE, "fileId", Words.say("evidence.linkDeleted", file.name()));
    }
    boolean linked = jdbc.sql("SELECT COUNT(*) FROM movement_evidence WHERE movement_id = ? AND file_id = ?")
        .params(movementId, fileId).query(Integer.class).single() > 0;
    if (linked) {
      return false;
    }
    insert(movementId, fileId, grantReference, userId);
    return true;
  }

  /** A grant's linked files per movement id, the oldest link first; deleted files flagged. */
  public Map<Long, List<EvidenceFile>> linksOf(String grantReference) {
    Map<Long, List<EvidenceFile>> links = new LinkedHashMap<>();
    jdbc.sql("""
            SELECT e.movement_id, f.* FROM movement_evidence e JOIN evidence_file f ON f.file_id = e.file_id
            WHERE e.grant_reference = ? ORDER BY e.movement_id, e.linked_at, f.file_id""")
        .param(grantReference)
        .query((rs, row) -> Map.entry(rs.getLong("movement_id"), EvidenceFiles.map(rs, row)))
        .list()
        .forEach(entry -> links.computeIfAbsent(entry.getKey(), id -> new java.util.ArrayList<>()).add(entry.getValue()));
    return links;
  }

  private void insert(long movementId, String fileId, String grantReference, String by) {
    jdbc.sql("""
            INSERT INTO movement_evidence (movement_id, file_id, grant_reference, linked_by, linked_at)
            VALUES (?, ?, ?, ?, ?)""")
        .params(movementId, fileId, grantReference, by, Timestamp.from(Instant.now()))
        .update();
  }
}
