package org.citygrants.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.citygrants.grant.GrantRegister;
import org.citygrants.grant.CoachAssignments;
import org.citygrants.language.Words;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A programme manager hands a grant to another coach: tasks and rights move with it. */
@RestController
@RequestMapping(path = "/api/grants", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Grants")
public class CoachController {

  private final CoachAssignments coaches;
  private final GrantRegister register;
  private final GrantAccess access;

  public CoachController(CoachAssignments coaches, GrantRegister register, GrantAccess access) {
    this.coaches = coaches;
    this.register = register;
    this.access = access;
  }

  @PutMapping("/{reference}/coach")
  @Operation(summary = "Reassign the grant's coach (programme managers)",
      description = """
          The new coach gets the grant's open coach tasks and read access to the grant and its \
          history; the previous coach loses both.""")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
      mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CoachReassignmentRequest.class),
      examples = @ExampleObject(value = "{\"coach\": \"coach2\"}")))
  @ApiResponse(responseCode = "200", description = "Reassigned",
      content = @Content(schema = @Schema(implementation = CoachAssignments.Reassignment.class)))
  @ApiResponse(responseCode = "400", description = "Not a coach, or the grant is closed (the field is named)",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "401", description = "Not signed in", content = @Content)
  @ApiResponse(responseCode = "403", description = "Not a programme manager",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "404", description = "No such grant",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  public CoachAssignments.Reassignment reassign(
      @Parameter(description = "Grant reference (the process business key)", example = "LYON-2026")
      @PathVariable String reference,
      @RequestBody(required = false) CoachReassignmentRequest request,
      @Parameter(hidden = true) Authentication authentication) {
    String user = access.userId(authentication);
    if (register.find(reference).isEmpty()) {
      throw ApiException.notFound(Words.say("api.unknownGrant", reference));
    }
    return coaches.reassign(user, reference, request == null ? null : request.coach());
  }
}
