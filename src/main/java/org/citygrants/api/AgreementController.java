package org.citygrants.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.citygrants.grant.AwardAcceptance;
import org.citygrants.grant.AwardAcceptance.Agreement;
import org.citygrants.grant.AwardTexts;
import org.citygrants.language.ReaderLanguage;
import org.citygrants.grant.GrantRegister;
import org.citygrants.grant.GrantRegister.GrantRecord;
import org.citygrants.language.Words;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A grant's agreement: the PDF made from the terms the city accepted, as it was at acceptance. */
@RestController
@RequestMapping(path = "/api/grants")
@Tag(name = "Grants", description = "One city grant: its ring-fenced capital and the early stop")
public class AgreementController {

  private final GrantRegister register;
  private final AwardAcceptance acceptances;
  private final GrantAccess access;

  public AgreementController(GrantRegister register, AwardAcceptance acceptances, GrantAccess access) {
    this.register = register;
    this.acceptances = acceptances;
    this.access = access;
  }

  @GetMapping(path = "/{reference}/agreement", produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_JSON_VALUE})
  @Operation(summary = "A grant's agreement (PDF)",
      description = """
          The grant agreement made from the award terms when the city accepted them (amount, \
          objective, preparation time, programme duration, advance, budget lines, who accepted and \
          when), stored with the grant and never regenerated. Readable by programme officers, \
          programme managers, finance officers, the grant's coach and the members of the grant's city \
          group (city-<code>).""")
  @ApiResponse(responseCode = "200", description = "The agreement, as an attachment",
      content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE))
  @ApiResponse(responseCode = "401", description = "Not signed in", content = @Content)
  @ApiResponse(responseCode = "403", description = "Not programme staff, finance, the grant's coach or its city team",
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "404", description = "No such grant, or the city has not accepted the award yet",
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ApiError.class)))
  public ResponseEntity<byte[]> agreement(
      @Parameter(description = "Grant reference (the process business key)", example = GrantController.EXAMPLE_REFERENCE)
      @PathVariable String reference,
      @Parameter(hidden = true) Authentication authentication) {
    String user = access.userId(authentication);
    GrantRecord grant = register.find(reference)
        .orElseThrow(() -> ApiException.notFound(Words.say("api.unknownGrant", reference)));
    access.requireAgreementAccess(user, reference, grant.cityCode(), grant.coach());
    Agreement agreement = acceptances.agreementOf(reference)
        .orElseThrow(() -> ApiException.notFound(AwardTexts.noAgreementYet(reference, ReaderLanguage.current())));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(agreement.fileName())
            .build().toString())
        .contentLength(agreement.pdf().length)
        .body(agreement.pdf());
  }
}
