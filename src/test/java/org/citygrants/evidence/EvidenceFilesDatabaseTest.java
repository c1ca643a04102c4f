package org.citygrants.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.citygrants.access.GrantPolicy;
import org.citygrants.grant.GrantRegister;
import org.citygrants.support.OwnApplication;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.util.unit.DataSize;

/**
 * The evidence files' SQL (Flyway V7 and {@link EvidenceFiles}) on both databases the product runs
 * on: H2 (demo) and a real PostgreSQL (embedded, the {@code postgres} profile's database), without
 * the engine or a Spring context: the grant's access is granted by a stub policy here (the API test
 * checks the real one). A file's bytes go in and come back the same, a deletion clears them and keeps
 * the record, and the table refuses a record that would lose content silently.
 */
@Tag(OwnApplication.TAG)
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceFilesDatabaseTest {

  enum Database { H2, POSTGRES }

  private EmbeddedPostgres postgres;
  private final java.util.Map<Database, DataSource> dataSources = new java.util.EnumMap<>(Database.class);

  DataSource dataSource(Database database) {
    return dataSources.computeIfAbsent(database, which -> {
      HikariDataSource pool = new HikariDataSource();
      if (which == Database.H2) {
        pool.setJdbcUrl("jdbc:h2:mem:evidence-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=512");
        pool.setUsername("sa");
      } else {
        try {
          postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
          throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setPassword("postgres");
      }
      pool.setMaximumPoolSize(3);
      Flyway.configure().dataSource(pool).locations("classpath:db/migration").table("app_schema_history").load().migrate();
      return pool;
    });
  }

  @AfterAll
  void stop() throws IOException {
    dataSources.values().forEach(source -> ((HikariDataSource) source).close());
    if (postgres != null) {
      postgres.close();
    }
  }

  EvidenceFiles files(JdbcClient jdbc, DataSource dataSource) {
    GrantPolicy policy = mock(GrantPolicy.class);
    when(policy.person(anyString())).thenAnswer(call -> new GrantPolicy.Person(call.getArgument(0), Set.of("city-lyon")));
    when(policy.readsInFull(any(), any(), any())).thenReturn(true);
    return new EvidenceFiles(jdbc, new GrantRegister(jdbc, new DataSourceTransactionManager(dataSource)), policy,
        new EvidenceProperties(DataSize.ofMegabytes(20), List.of()), mock(IdentityService.class),
        mock(ProcessEngineConfiguration.class));
  }

  String grant(JdbcClient jdbc) {
    String reference = "LYON-" + Math.abs(UUID.randomUUID().hashCode() % 100000);
    jdbc.sql("""
        INSERT INTO grant_record (grant_reference, city_code, city_name, grant_year, sequence_in_year, process_instance_id,
          created_at) VALUES (?, 'lyon', 'Lyon', 2026, ?, ?, ?)""")
        .params(reference, Math.abs(UUID.randomUUID().hashCode()), UUID.randomUUID().toString(), Timestamp.from(Instant.now()))
        .update();
    return reference;
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aFileIsKeptByteForByteListedCountedAndDeletedWithItsRecordKept(Database database) {
    DataSource dataSource = dataSource(database);
    JdbcClient jdbc = JdbcClient.create(dataSource);
    EvidenceFiles files = files(jdbc, dataSource);
    String grant = grant(jdbc);
    // 5 MB: a scanned plan, every byte value present
    byte[] content = Arrays.copyOf(SampleFiles.pdf(), 5 * 1024 * 1024);
    for (int i = SampleFiles.pdf().length; i < content.length; i++) {
      content[i] = (byte) i;
    }

    EvidenceFile plan = files.attach("lyon", grant, "Task_SubmitProcurementPlan", "plan.pdf", content);
    files.attach("lyon", grant, "invoice", "invoice.png", SampleFiles.png());

    assertThat(files.countFor(grant, "Task_SubmitProcurementPlan")).isEqualTo(1);
    assertThat(files.list("lyon", grant, false)).extracting(EvidenceFile::name).containsExactly("plan.pdf", "invoice.png");
    EvidenceFiles.Download download = files.download("lyon", plan.id());
    assertThat(download.content()).isEqualTo(content);
    assertThat(download.file().sha256()).isEqualTo(EvidenceFiles.sha256(content));
    assertThat(download.file().size()).isEqualTo(content.length);

    EvidenceFile deleted = files.delete("lyon", plan.id(), "Replaced by the signed version.");
    assertThat(deleted.deleted()).isTrue();
    assertThat(deleted.deletedBy()).isEqualTo("lyon");
    assertThat(files.countFor(grant, "Task_SubmitProcurementPlan")).isZero();
    assertThat(files.list("lyon", grant, false)).extracting(EvidenceFile::name).containsExactly("invoice.png");
    assertThat(files.list("lyon", grant, true)).extracting(EvidenceFile::name).containsExactly("plan.pdf", "invoice.png");
    assertThat(jdbc.sql("SELECT content FROM evidence_file WHERE file_id = ?").param(plan.id())
        .query((rs, row) -> rs.getBytes(1) == null).single()).isTrue();

    // the table itself refuses content cleared without a recorded deletion, and a deletion without a reason
    String invoice = files.list("lyon", grant, false).get(0).id();
    assertThatThrownBy(() -> jdbc.sql("UPDATE evidence_file SET content = NULL WHERE file_id = ?").param(invoice).update())
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> jdbc.sql("UPDATE evidence_file SET deleted_at = ?, deleted_by = 'x' WHERE file_id = ?")
        .params(Timestamp.from(Instant.now()), invoice).update())
        .isInstanceOf(DataIntegrityViolationException.class);
    // and a file of a grant that does not exist
    assertThatThrownBy(() -> jdbc.sql("""
        INSERT INTO evidence_file (file_id, grant_reference, step, original_name, media_type, size_bytes, sha256, content,
          uploaded_by, uploaded_at) VALUES ('x', 'NOWHERE-2026', 'other', 'a.pdf', 'application/pdf', 1, 'ab', ?, 'lyon', ?)""")
        .params(new byte[] {1}, Timestamp.from(Instant.now())).update())
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  /** A grant with a ledger account and one movement of the given type: the movement's id. */
  long movement(JdbcClient jdbc, String grant, String type) {
    if (jdbc.sql("SELECT COUNT(*) FROM grant_account WHERE grant_reference = ?").param(grant).query(Integer.class).single() == 0) {
      jdbc.sql("""
          INSERT INTO grant_account (grant_reference, city_code, currency, awarded_amount, status, opened_at)
          VALUES (?, 'lyon', 'EUR', 40000, 'OPEN', ?)""").params(grant, Timestamp.from(Instant.now())).update();
    }
    org.springframework.jdbc.support.KeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO ledger_movement (grant_reference, movement_type, amount, reference_key, actor, occurred_at)
        VALUES (?, ?, 12000, ?, 'finance2', ?)""")
        .params(grant, type, grant + ":advance-" + UUID.randomUUID(), Timestamp.from(Instant.now())).update(key, "id");
    return key.getKey().longValue();
  }

  void recorded(MovementEvidence evidence, long movementId, String grant, String type) {
    evidence.linkAtStep(new org.citygrants.ledger.MovementRecorded(movementId, grant,
        org.citygrants.ledger.MovementType.valueOf(type), grant + ":advance", "finance2", Instant.now(), null, null));
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aMovementRestsOnItsStepsFilesOnceAndOnlyOnFilesOfItsOwnGrant(Database database) {
    DataSource dataSource = dataSource(database);
    JdbcClient jdbc = JdbcClient.create(dataSource);
    EvidenceFiles files = files(jdbc, dataSource);
    MovementEvidence evidence = new MovementEvidence(jdbc, files, mock(GrantPolicy.class));
    String lyon = grant(jdbc);
    String other = grant(jdbc);
    EvidenceFile request = files.attach("finance1", lyon, "Task_RequestPayment", "request.pdf", SampleFiles.pdf());
    EvidenceFile invoice = files.attach("finance2", lyon, "Task_ApprovePayment", "invoice.pdf", SampleFiles.pdf());
    files.attach("lyon", lyon, "Task_SubmitProcurementPlan", "plan.pdf", SampleFiles.pdf());
    EvidenceFile othersInvoice = files.attach("finance2", other, "Task_ApprovePayment", "other.pdf", SampleFiles.pdf());

    long advance = movement(jdbc, lyon, "PAYMENT_APPROVED");
    recorded(evidence, advance, lyon, "PAYMENT_APPROVED");
    long requested = movement(jdbc, lyon, "PAYMENT_REQUESTED");
    recorded(evidence, requested, lyon, "PAYMENT_REQUESTED");

    assertThat(evidence.linksOf(lyon).get(advance)).extracting(EvidenceFile::id)
        .containsExactly(request.id(), invoice.id());
    assertThat(evidence.linksOf(lyon)).doesNotContainKey(requested); // no step of its own
    assertThat(evidence.linksOf(other)).isEmpty();

    // the next payment rests on its own files, not again on the advance's
    EvidenceFile tranche = files.attach("finance2", lyon, "Task_ApprovePayment", "invoice-2.pdf", SampleFiles.png());
    long second = movement(jdbc, lyon, "PAYMENT_APPROVED");
    recorded(evidence, second, lyon, "PAYMENT_APPROVED");
    assertThat(evidence.linksOf(lyon).get(second)).extracting(EvidenceFile::id).containsExactly(tranche.id());

    // a deleted file stays the evidence it was, flagged
    files.delete("finance2", invoice.id(), "Scanned twice.");
    assertThat(evidence.linksOf(lyon).get(advance)).filteredOn(EvidenceFile::deleted).extracting(EvidenceFile::id)
        .containsExactly(invoice.id());

    // the database itself refuses a movement resting on another grant's file
    assertThatThrownBy(() -> jdbc.sql("""
        INSERT INTO movement_evidence (movement_id, file_id, grant_reference, linked_by, linked_at)
        VALUES (?, ?, ?, 'finance2', ?)""").params(advance, othersInvoice.id(), lyon, Timestamp.from(Instant.now())).update())
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> jdbc.sql("""
        INSERT INTO movement_evidence (movement_id, file_id, grant_reference, linked_by, linked_at)
        VALUES (?, ?, ?, 'finance2', ?)""").params(advance, othersInvoice.id(), other, Timestamp.from(Instant.now())).update())
        .isInstanceOf(DataIntegrityViolationException.class);
  }
}
