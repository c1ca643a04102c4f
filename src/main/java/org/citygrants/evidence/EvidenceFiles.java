package org.citygrants.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.citygrants.access.GrantPolicy;
import org.citygrants.access.GrantPolicy.Person;
import org.citygrants.evidence.EvidenceException.Kind;
import org.citygrants.grant.GrantRegister;
import org.citygrants.grant.GrantRegister.GrantRecord;
import org.citygrants.identity.CityDirectory;
import org.citygrants.language.ModelTexts;
import org.citygrants.language.ReaderLanguage;
import org.citygrants.language.Words;
import org.citygrants.process.SystemAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * The evidence files of grants (table {@code evidence_file}, Flyway V7): attach, list, read and
 * delete, each for the signed-in person and checked here, where the data changes, whatever the
 * channel. Who may: the same people who read the grant in full ({@link GrantPolicy#readsInFull}: its
 * city team, its coach, programme officers and managers, finance officers); a file is deleted by
 * whoever attached it or by a programme officer or manager, with a reason, and the deletion is
 * recorded (the row stays; only the content is cleared). Every file is checked before it is kept:
 * not empty, at most {@code grant.evidence.max-size}, and of a type accepted by {@link FileTypes},
 * read from its content.
 */
@Service
public class EvidenceFiles {

  /** A step is a task id ({@code Task_SubmitProcurementPlan}) or a purpose word ({@code invoice}). */
  static final Pattern STEP = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
  /** The step of a file attached without one. */
  public static final String OTHER = "other";
  /** The purposes people may attach a file for outside a task, besides task ids. */
  public static final List<String> PURPOSES = List.of("invoice", "proof-of-payment", "minutes", "decision", OTHER);
  static final int MAX_NAME = 255;
  static final int MAX_REASON = 1000;

  private final JdbcClient jdbc;
  private final GrantRegister register;
  private final GrantPolicy policy;
  private final EvidenceProperties properties;
  private final IdentityService identityService;
  private final ProcessEngineConfiguration engineConfiguration;

  public EvidenceFiles(JdbcClient jdbc, GrantRegister register, GrantPolicy policy, EvidenceProperties properties,
      IdentityService identityService, ProcessEngineConfiguration engineConfiguration) {
    this.jdbc = jdbc;
    this.register = register;
    this.policy = policy;
    this.properties = properties;
    this.identityService = identityService;
    this.engineConfiguration = engineConfiguration;
  }

  /** The largest file accepted. */
  public DataSize maxSize() {
    return properties.maxSize();
  }

  /**
   * Attaches a file to a grant as the signed-in person.
   *
   * @param step the task id or purpose it is for; {@link #OTHER} when blank
   */
  public EvidenceFile attach(String userId, String grantReference, String step, String originalName, byte[] content) {
    GrantRecord grant = readableGrant(userId, grantReference);
    String forStep = step == null || step.isBlank() ? OTHER : step.trim();
    if (!STEP.matcher(forStep).matches()) {
      throw new EvidenceException(Kind.INVALID, "step", Words.say("evidence.step", abbreviate(forStep, 80)));
    }
    String name = cleanName(originalName);
    if (content == null || content.length == 0) {
      throw new EvidenceException(Kind.INVALID, "file",
          originalName == null || originalName.isBlank() ? Words.say("evidence.noFile") : Words.say("evidence.empty", name));
    }
    if (content.length > properties.maxSize().toBytes()) {
      throw tooLarge(name, content.length);
    }
    FileTypes.Detection type = FileTypes.detect(content, name);
    if (!type.accepted()) {
      throw new EvidenceException(Kind.TYPE_REFUSED, "file", Words.say("evidence.typeRefused", name,
          describe(type.mediaType()), String.join(", ", FileTypes.ALLOWED.values())));
    }
    EvidenceFile file = new EvidenceFile(UUID.randomUUID().toString(), grant.grantReference(), forStep, name,
        type.mediaType(), content.length, sha256(content), userId, Instant.now(), null, null, null);
    jdbc.sql("""
        INSERT INTO evidence_file (file_id, grant_reference, step, original_name, media_type, size_bytes, sha256, content,
          uploaded_by, uploaded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(file.id(), file.grantReference(), file.step(), file.name(), file.mediaType(), file.size(), file.sha256(),
            content, file.uploadedBy(), Timestamp.from(file.uploadedAt()))
        .update();
    return file;
  }

  /** The refusal of a file of {@code size} bytes (or more): larger than the limit. */
  public EvidenceException tooLarge(String name, long size) {
    Locale language = ReaderLanguage.current();
    String limit = inWords(properties.maxSize().toBytes(), language);
    return new EvidenceException(Kind.TOO_LARGE, "file", name == null || size <= 0
        ? Words.say("evidence.tooLargeUnnamed", limit)
        : Words.say("evidence.tooLarge", name, inWords(size, language), limit));
  }

  /** The grant's files, the oldest first; deleted ones too when asked (flagged). */
  public List<EvidenceFile> list(String userId, String grantReference, boolean withDeleted) {
    GrantRecord grant = readableGrant(userId, grantReference);
    return jdbc.sql("SELECT * FROM evidence_file WHERE grant_reference = ?"
            + (withDeleted ? "" : " AND deleted_at IS NULL") + " ORDER BY uploaded_at, file_id")
        .param(grant.grantReference()).query(EvidenceFiles::map).list();
  }

  /** One file's description, for someone who reads its grant. */
  public EvidenceFile describe(String userId, String fileId) {
    EvidenceFile file = find(fileId).orElseThrow(() -> unknownFile(fileId));
    readableGrant(userId, file.grantReference());
    return file;
  }

  /** A file and its content, for someone who reads its grant; 410 once deleted. */
  public Download download(String userId, String fileId) {
    EvidenceFile file = describe(userId, fileId);
    if (file.deleted()) {
      throw gone(file);
    }
    byte[] content = jdbc.sql("SELECT content FROM evidence_file WHERE file_id = ?").param(fileId)
        .query((rs, row) -> rs.getBytes(1)).optional().orElseThrow(() -> unknownFile(fileId));
    return new Download(file, content);
  }

  /** A file with its bytes. */
  public record Download(EvidenceFile file, byte[] content) {}

  /**
   * Deletes a file as the signed-in person, with their reason: the row stays with who, when and
   * why; the content is cleared. By the person who attached it, or a programme officer or manager.
   */
  public EvidenceFile delete(String userId, String fileId, String reason) {
    EvidenceFile file = describe(userId, fileId);
    String why = reason == null ? "" : reason.trim();
    if (why.isEmpty()) {
      throw new EvidenceException(Kind.INVALID, "reason", Words.say("evidence.reason"));
    }
    if (why.length() > MAX_REASON) {
      throw new EvidenceException(Kind.INVALID, "reason", Words.say("evidence.reasonTooLong", MAX_REASON));
    }
    Person person = policy.person(userId);
    boolean programmeLead = person.groups().contains(CityDirectory.PROGRAMME_OFFICERS)
        || person.groups().contains(CityDirectory.PROGRAMME_MANAGERS) || person.isAdministrator();
    if (!userId.equals(file.uploadedBy()) && !programmeLead) {
      throw new EvidenceException(Kind.FORBIDDEN, null, Words.say("evidence.deleteForbidden", file.name()));
    }
    if (file.deleted()) {
      throw gone(file);
    }
    int changed = jdbc.sql("""
        UPDATE evidence_file SET content = NULL, deleted_by = ?, deleted_at = ?, deleted_reason = ?
        WHERE file_id = ? AND deleted_at IS NULL""")
        .params(userId, Timestamp.from(Instant.now()), why, fileId).update();
    EvidenceFile after = find(fileId).orElseThrow(() -> unknownFile(fileId));
    if (changed == 0) {
      throw gone(after); // deleted by someone else at the same moment
    }
    return after;
  }

  /** How many files (not deleted) a grant has for a step: the required-file rule asks it. */
  public int countFor(String grantReference, String step) {
    return jdbc.sql("SELECT COUNT(*) FROM evidence_file WHERE grant_reference = ? AND step = ? AND deleted_at IS NULL")
        .params(grantReference, step).query(Integer.class).single();
  }

  /** A person's name as people read it ("Claire Dubois"), else their user id. */
  public String nameOf(String userId) {
    if (userId == null) {
      return null;
    }
    User user = SystemAccess.run(engineConfiguration,
        () -> identityService.createUserQuery().userId(userId).singleResult());
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? userId : name;
  }

  /** A step as people read it: a task's name in the reader's language, or the purpose in words. */
  public static String stepName(String step, Locale language) {
    if (step == null) {
      return null;
    }
    if (Words.has("evidence.purpose." + step)) {
      return Words.say(language, "evidence.purpose." + step);
    }
    String english = ModelTexts.shared().englishTexts().values().stream()
        .map(texts -> texts.get(step + ".name")).filter(Objects::nonNull).findFirst().orElse(step);
    return Words.taskName(step, english, language);
  }

  private Optional<EvidenceFile> find(String fileId) {
    if (fileId == null || fileId.length() > 36) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM evidence_file WHERE file_id = ?").param(fileId).query(EvidenceFiles::map).optional();
  }

  private GrantRecord readableGrant(String userId, String grantReference) {
    GrantRecord grant = (grantReference == null ? Optional.<GrantRecord>empty() : register.find(grantReference))
        .orElseThrow(() -> new EvidenceException(Kind.NOT_FOUND, null,
            Words.say("evidence.unknownGrant", abbreviate(String.valueOf(grantReference), 60))));
    if (!policy.readsInFull(policy.person(userId), grant.cityCode(), grant.coach())) {
      throw new EvidenceException(Kind.FORBIDDEN, null, Words.say("evidence.forbidden", grant.grantReference()));
    }
    return grant;
  }

  private EvidenceException unknownFile(String fileId) {
    return new EvidenceException(Kind.NOT_FOUND, null, Words.say("evidence.unknownFile", abbreviate(fileId, 60)));
  }

  private EvidenceException gone(EvidenceFile file) {
    Locale language = ReaderLanguage.current();
    return new EvidenceException(Kind.GONE, null, Words.say("evidence.gone", file.name(), nameOf(file.deletedBy()),
        Words.moment(file.deletedAt(), language), file.deletedReason()));
  }

  /** The refused type in words: a program or script, else its media type. */
  static String describe(String mediaType) {
    boolean program = mediaType.matches(
        ".*(executable|msdownload|dosexec|x-elf|x-sh|mach-o|java-archive|x-bat|msdos-program|script|python|perl|x-msi).*");
    return program ? Words.say("evidence.aProgram", mediaType) : Words.say("evidence.ofType", mediaType);
  }

  /** The name without a path, control characters or quotes, at most 255 characters; "file" when nothing is left. */
  static String cleanName(String originalName) {
    String name = originalName == null ? "" : originalName;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      name = "file";
    }
    return abbreviate(name, MAX_NAME);
  }

  private static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A size as people read it: "20 MB", "1.5 MB", "340 KB", "12 bytes" (French: "20 Mo", "1,5 Mo"). */
  public static String inWords(long bytes, Locale language) {
    boolean french = "fr".equals(language.getLanguage());
    if (bytes >= 1024 * 1024) {
      return number(bytes / (1024.0 * 1024.0), language) + (french ? " Mo" : " MB");
    }
    if (bytes >= 1024) {
      return number(bytes / 1024.0, language) + (french ? " Ko" : " KB");
    }
    return bytes + (french ? " octets" : " bytes");
  }

  private static String number(double value, Locale language) {
    java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(language);
    format.setMaximumFractionDigits(1);
    return format.format(value);
  }

  static EvidenceFile map(ResultSet rs, int row) throws SQLException {
    Timestamp deletedAt = rs.getTimestamp("deleted_at");
    return new EvidenceFile(rs.getString("file_id"), rs.getString("grant_reference"), rs.getString("step"),
        rs.getString("original_name"), rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
        rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant(), rs.getString("deleted_by"),
        deletedAt == null ? null : deletedAt.toInstant(), rs.getString("deleted_reason"));
  }
}
