package org.citygrants.evidence;

import java.time.Instant;

/**
 * One file attached to a grant, without its content: what it is for ({@code step}: a task id or a
 * purpose such as {@code invoice}), its name, the type read from its content, its size and
 * SHA-256 (hex), who attached it and when, and, once deleted, who deleted it, when and why.
 */
public record EvidenceFile(String id, String grantReference, String step, String name, String mediaType, long size,
    String sha256, String uploadedBy, Instant uploadedAt, String deletedBy, Instant deletedAt, String deletedReason) {

  public boolean deleted() {
    return deletedAt != null;
  }
}
