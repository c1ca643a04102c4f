package org.citygrants.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.citygrants.evidence.EvidenceException;
import org.citygrants.evidence.EvidenceFile;
import org.citygrants.evidence.EvidenceFiles;
import org.citygrants.evidence.EvidenceFiles.Download;
import org.citygrants.evidence.MovementEvidence;
import org.citygrants.language.ReaderLanguage;
import org.citygrants.language.Words;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;

/**
 * A grant's evidence files: attach, list, download, delete. Who may do what is decided by
 * {@link EvidenceFiles} (the grant's city team and coach, programme staff and finance; a deletion by
 * whoever attached the file or a programme officer or manager); this class speaks HTTP.
 */
@RestController
@Tag(name = "Documents", description = "Evidence files attached to a grant's steps")
public class DocumentController {

  static final String EXAMPLE_ID = "5b0f3c1e-8d7a-4c55-9a1b-2f0e6d4c3b21";

  private final EvidenceFiles files;
  private final MovementEvidence movementEvidence;
  private final GrantAccess access;

  public DocumentController(EvidenceFiles files, MovementEvidence movementEvidence, GrantAccess access) {
    this.files = files;
    this.movementEvidence = movementEvidence;
    this.access = access;
  }

  /** Body of {@code POST /api/grants/{reference}/movements/{id}/evidence}. */
  @Schema(name = "MovementEvidenceLink", description = "A file of the grant to link to one of its ledger movements")
  public record LinkRequest(
      @Schema(description = "The file's id (from GET /api/grants/{reference}/documents)",
          requiredMode = Schema.RequiredMode.REQUIRED, example = EXAMPLE_ID)
      String fileId) {}

  /** Body of {@code DELETE /api/documents/{id}}. */
  @Schema(name = "DocumentDeletion", description = "Why a file is deleted")
  public record DeletionRequest(
      @Schema(description = "Why the file is deleted; kept with the file's record",
          requiredMode = Schema.RequiredMode.REQUIRED, example = "Wrong file: the 2025 plan was attached.")
      String reason) {}

  @PostMapping(path = "/api/grants/{reference}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Attach a file to a grant",
      description = """
          Multipart upload: `file`, and optionally `step`, the task id the file is for \
          (`Task_SubmitProcurementPlan`, `Task_ObtainInternalAuthorisations`, `Task_ApprovePayment`...) or a \
          purpose (`invoice`, `proof-of-payment`, `minutes`, `decision`; `other` when left out). The file's \
          type is read from its content, never its name: PDF, PNG, JPEG, WebP, ODT, ODS, DOCX, XLSX, CSV and \
          plain text are accepted; programs, scripts, HTML, SVG, archives and Office files with macros are \
          refused (415). At most `grant.evidence.max-size` (20 MB by default; 413 beyond). Who attached it is \
          the signed-in user. For the grant's city team and coach, programme officers and managers, finance \
          officers. From a browser signed in to the webapps, send the `X-XSRF-TOKEN` header.""")
  @ApiResponse(responseCode = "201", description = "Attached; Location names the download",
      content = @Content(schema = @Schema(implementation = DocumentResponse.class)))
  @ApiResponse(responseCode = "400", description = "No file, an empty one, or a bad step",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "401", description = "Not signed in", content = @Content)
  @ApiResponse(responseCode = "403", description = "Not one who follows this grant",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "404", description = "No such grant",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "413", description = "Larger than the limit",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "415", description = "A type that is not accepted, read from the content",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  public ResponseEntity<DocumentResponse> attach(
      @Parameter(description = "Grant reference", example = GrantController.EXAMPLE_REFERENCE)
      @PathVariable String reference,
      @Parameter(description = "The file") @RequestParam(name = "file", required = false) MultipartFile file,
      @Parameter(description = "The task id or purpose the file is for", example = "Task_SubmitProcurementPlan")
      @RequestParam(name = "step", required = false) String step,
      @Parameter(hidden = true) Authentication authentication) {
    String user = access.userId(authentication);
    byte[] content;
    try {
      content = file == null ? null : file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    EvidenceFile attached = files.attach(user, reference, step, file == null ? null : file.getOriginalFilename(), content);
    DocumentResponse body = describe(attached);
    return ResponseEntity.created(URI.create(body.href())).body(body);
  }

  @PostMapping(path = "/api/grants/{reference}/movements/{movementId}/evidence",
      consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Link a file to a ledger movement (finance, programme officers and managers)",
      description = """
          Makes one of the grant's files the evidence of one of its ledger movements (the statement's \
          `movements[].id`): a proof of payment that arrived after the transfer, the decision behind a \
          recovery. Files attached at the steps that led to a movement are linked when it is recorded; this \
          adds any other. A link is never removed (a file deleted later stays listed, flagged). Linking a \
          file already linked answers 200 and changes nothing. For finance officers, programme officers \
          and managers.""")
  @ApiResponse(responseCode = "201", description = "Linked; the file",
      content = @Content(schema = @Schema(implementation = DocumentResponse.class)))
  @ApiResponse(responseCode = "200", description = "Already linked; nothing changed",
      content = @Content(schema = @Schema(implementation = DocumentResponse.class)))
  @ApiResponse(responseCode = "400", description = "No file named, or a file of another grant",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "401", description = "Not signed in", content = @Content)
  @ApiResponse(responseCode = "403", description = "Not finance, a programme officer or a manager of this grant",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "404", description = "No such grant, movement or file",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "410", description = "The file was deleted",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  public ResponseEntity<DocumentResponse> linkToMovement(
      @Parameter(description = "Grant reference", example = GrantController.EXAMPLE_REFERENCE)
      @PathVariable String reference,
      @Parameter(description = "The movement's id in the grant's statement", example = "42") @PathVariable long movementId,
      @RequestBody(required = false) LinkRequest body,
      @Parameter(hidden = true) Authentication authentication) {
    String user = access.userId(authentication);
    if (body == null || body.fileId() == null || body.fileId().isBlank()) {
      throw new EvidenceException(EvidenceException.Kind.INVALID, "fileId", Words.say("evidence.noFileId"));
    }
    boolean added = movementEvidence.link(user, reference, movementId, body.fileId().trim());
    DocumentResponse file = describe(files.describe(user, body.fileId().trim()));
    return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK).body(file);
  }

  @GetMapping(path = "/api/grants/{reference}/documents", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "A grant's files",
      description = """
          The files attached to the grant, the oldest first, optionally only those of one step; deleted \
          files only with `deleted=true` (flagged, with who deleted them, when and why). For the grant's \
          city team and coach, programme officers and managers, finance officers.""")
  @ApiResponse(responseCode = "200", description = "The files",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = DocumentResponse.class))))
  @ApiResponse(responseCode = "401", description = "Not signed in", content = @Content)
  @ApiResponse(responseCode = "403", description = "Not one who follows this grant",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "404", description = "No such grant",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  public List<DocumentResponse> list(
      @Parameter(description = "Grant reference", example = GrantController.EXAMPLE_REFERENCE)
      @PathVariable String reference,
      @Parameter(description = "Only the files of this step or purpose") @RequestParam(required = false) String step,
      @Parameter(description = "Include deleted files (flagged)") @RequestParam(defaultValue = "false") boolean deleted,
      @Parameter(hidden = true) Authentication authentication) {
    String user = access.userId(authentication);
    Map<String, String> names = new HashMap<>();
    Locale language = ReaderLanguage.current();
    return files.list(user, reference, deleted).stream()
        .filter(file -> step == null || step.isBlank() || file.step().equals(step))
        .map(file -> DocumentResponse.of(file, language, id -> names.computeIfAbsent(id, files::nameOf)))
        .toList();
  }

  @GetMapping(path = "/api/documents/{id}")
  @Operation(summary = "Download a file",
      description = """
          The file's content as an attachment, with the type read from its content when it was attached, \
          `X-Content-Type-Options: nosniff` and `Cache-Control: no-store`. For the people who see the \
          file's grant; 410 once deleted.""")
  @ApiResponse(responseCode = "200", description = "The file, as an attachment",
      content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
          schema = @Schema(type = "string", format = "binary")))
  @ApiResponse(responseCode = "401", description = "Not signed in", content = @Content)
  @ApiResponse(responseCode = "403", description = "Not one who follows the file's grant",
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "404", description = "No such file",
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "410", description = "The file was deleted (who, when and why in the message)",
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ApiError.class)))
  public ResponseEntity<byte[]> download(
      @Parameter(description = "The file's id", example = EXAMPLE_ID) @PathVariable String id,
      @Parameter(hidden = true) Authentication authentication) {
    String user = access.userId(authentication);
    Download download = files.download(user, id);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(download.file().mediaType()))
        .contentLength(download.content().length)
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(download.file().name()))
        .header("X-Content-Type-Options", "nosniff")
        // a file opened in the browser anyway runs nothing
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .cacheControl(CacheControl.noStore())
        .header(HttpHeaders.ETAG, "\"" + download.file().sha256() + "\"")
        .body(download.content());
  }

  @DeleteMapping(path = "/api/documents/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Delete a file (recorded)",
      description = """
          Deletes a file with a reason, as the signed-in user: its record stays (who attached it, its \
          checksum, who deleted it, when and why) and is listed with `deleted=true`; its content is \
          cleared. By whoever attached it, or a programme officer or manager. The reason comes as JSON \
          `{"reason": "..."}` or as the `reason` parameter.""")
  @ApiResponse(responseCode = "200", description = "Deleted; the file's record",
      content = @Content(schema = @Schema(implementation = DocumentResponse.class)))
  @ApiResponse(responseCode = "400", description = "No reason, or one too long",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "401", description = "Not signed in", content = @Content)
  @ApiResponse(responseCode = "403", description = "Not one who may delete this file",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "404", description = "No such file",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "410", description = "Already deleted",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  public DocumentResponse delete(
      @Parameter(description = "The file's id", example = EXAMPLE_ID) @PathVariable String id,
      @RequestBody(required = false) DeletionRequest body,
      @Parameter(description = "Why the file is deleted (instead of the JSON body)")
      @RequestParam(name = "reason", required = false) String reasonParameter,
      @Parameter(hidden = true) Authentication authentication) {
    String user = access.userId(authentication);
    String reason = body != null && body.reason() != null ? body.reason() : reasonParameter;
    return describe(files.delete(user, id, reason));
  }

  /**
   * {@code attachment; filename="plan_2026.pdf"; filename*=UTF-8''plan%C3%A9...}: the name in
   * ASCII for old clients (anything else replaced by an underscore) and in full (RFC 6266, 5987).
   */
  static String attachment(String name) {
    String ascii = name.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }

  private DocumentResponse describe(EvidenceFile file) {
    return DocumentResponse.of(file, ReaderLanguage.current(), files::nameOf);
  }

  @ExceptionHandler(EvidenceException.class)
  ResponseEntity<ApiError> refused(EvidenceException e, HttpServletRequest request) {
    HttpStatus status = switch (e.kind()) {
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case INVALID -> HttpStatus.BAD_REQUEST;
      case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
      case TYPE_REFUSED -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
      case GONE -> HttpStatus.GONE;
    };
    return error(status, e.getMessage(), e.field(), request);
  }

  /** Larger than Spring's multipart limit: the same refusal in words as the product's own limit. */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
    EvidenceException refusal = files.tooLarge(null, -1);
    return error(HttpStatus.PAYLOAD_TOO_LARGE, refusal.getMessage(), "file", request);
  }

  /** A body that is not a readable multipart upload. */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ApiError> unreadable(MultipartException e, HttpServletRequest request) {
    if (e.getRootCause() != null && String.valueOf(e.getRootCause().getMessage()).toLowerCase(Locale.ROOT)
        .contains("exceed")) {
      return tooLarge(new MaxUploadSizeExceededException(-1, e), request);
    }
    return error(HttpStatus.BAD_REQUEST, Words.say("evidence.noFile"), "file", request);
  }

  private static ResponseEntity<ApiError> error(HttpStatus status, String message, String field,
      HttpServletRequest request) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
        .body(new ApiError(status.value(), status.getReasonPhrase(), message, field, request.getRequestURI()));
  }
}
