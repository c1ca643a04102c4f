package org.citygrants.evidence;

/**
 * A refusal of an evidence-file request, in words for the person who made it: what kind of
 * refusal (the API answers it with the matching status) and, for refused input, the request field.
 */
public class EvidenceException extends RuntimeException {

  /** Why the request was refused. */
  public enum Kind {
    /** No such grant or file: 404. */
    NOT_FOUND,
    /** The person may not see or change this grant's files: 403. */
    FORBIDDEN,
    /** Refused input (no file, a bad step, no reason): 400. */
    INVALID,
    /** Larger than the limit: 413. */
    TOO_LARGE,
    /** A type that is not accepted, read from the content: 415. */
    TYPE_REFUSED,
    /** The file was deleted: 410. */
    GONE
  }

  private final Kind kind;
  private final String field;

  public EvidenceException(Kind kind, String field, String message) {
    super(message);
    this.kind = kind;
    this.field = field;
  }

  public Kind kind() {
    return kind;
  }

  /** The request field the refusal names, or null. */
  public String field() {
    return field;
  }
}
