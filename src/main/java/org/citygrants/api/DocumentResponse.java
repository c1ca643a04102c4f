package org.citygrants.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.citygrants.evidence.EvidenceFile;
import org.citygrants.evidence.EvidenceFiles;

/** One evidence file of a grant, as the API describes it (never its content: {@code href} downloads it). */
@Schema(name = "Document", description = "A file attached to a grant (evidence)")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentResponse(
    @Schema(description = "The file's id", example = "5b0f3c1e-8d7a-4c55-9a1b-2f0e6d4c3b21") String id,
    @Schema(description = "The grant it belongs to", example = "LYON-2026") String grantReference,
    @Schema(description = "What it is for: a task id or a purpose (invoice, proof-of-payment, minutes, decision, other)",
        example = "Task_SubmitProcurementPlan") String step,
    @Schema(description = "The step or purpose in the reader's language", example = "Submit procurement plan")
    String stepName,
    @Schema(description = "The name it was attached under", example = "procurement-plan.pdf") String name,
    @Schema(description = "Its type, read from its content", example = "application/pdf") String type,
    @Schema(description = "Its size in bytes", example = "48213") long size,
    @Schema(description = "SHA-256 of its content, hexadecimal",
        example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String checksum,
    @Schema(description = "Who attached it (user id)", example = "lyon") String uploadedBy,
    @Schema(description = "Who attached it, by name", example = "Claire Dubois") String uploadedByName,
    @Schema(description = "When it was attached (UTC)") Instant uploadedAt,
    @Schema(description = "Where to download it", example = "/api/documents/5b0f3c1e-8d7a-4c55-9a1b-2f0e6d4c3b21")
    String href,
    @Schema(description = "Whether it was deleted (only listed with deleted=true)") boolean deleted,
    @Schema(description = "Who deleted it, by name", nullable = true) String deletedByName,
    @Schema(description = "Who deleted it (user id)", nullable = true) String deletedBy,
    @Schema(description = "When it was deleted", nullable = true) Instant deletedAt,
    @Schema(description = "Why it was deleted", nullable = true) String deletedReason) {

  static DocumentResponse of(EvidenceFile file, Locale language, UnaryOperator<String> nameOf) {
    return new DocumentResponse(file.id(), file.grantReference(), file.step(),
        EvidenceFiles.stepName(file.step(), language), file.name(), file.mediaType(), file.size(), file.sha256(),
        file.uploadedBy(), nameOf.apply(file.uploadedBy()), file.uploadedAt(), "/api/documents/" + file.id(),
        file.deleted(), file.deleted() ? nameOf.apply(file.deletedBy()) : null, file.deletedBy(), file.deletedAt(),
        file.deletedReason());
  }
}
