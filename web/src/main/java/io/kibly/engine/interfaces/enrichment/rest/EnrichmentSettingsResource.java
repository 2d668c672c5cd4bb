package io.kibly.engine.interfaces.enrichment.rest;

import io.kibly.engine.application.EnrichmentService;
import io.kibly.engine.domain.model.enrichment.EnrichmentSettings;
import io.kibly.engine.domain.model.enrichment.InvalidRuleException;
import io.kibly.engine.interfaces.rest.CurrentTenant;
import io.kibly.engine.interfaces.rest.Roles;
import io.kibly.engine.interfaces.rest.problem.InvalidParameterException;
import io.kibly.engine.interfaces.rest.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("enrichment-settings")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Enrichment")
public class EnrichmentSettingsResource {

    @Inject
    EnrichmentService enrichment;
    @Inject
    CurrentTenant tenant;

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "The tenant's enrichment settings", description = "The defaults (version 0) until changed.")
    public EnrichmentSettings settings() {
        return enrichment.settings(tenant.id());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change the settings", description = """
            `baseCurrency` (ISO 4217; the currency the providers' rates convert into), `reviewThreshold` (0 to 1),
            `retrainAfterLabels`, and the `version` you read. The tenant's transactions are re-enriched.""")
    @APIResponse(responseCode = "400", description = "Invalid settings",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Changed since you read them",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EnrichmentSettings update(@NotNull(message = "a JSON body is required") @Valid Change change) {
        EnrichmentSettings settings;
        try {
            settings = new EnrichmentSettings(change.baseCurrency, change.reviewThreshold, change.retrainAfterLabels,
                    change.version);
        } catch (InvalidRuleException e) {
            throw new InvalidParameterException("settings", e.getMessage());
        }
        return enrichment.updateSettings(tenant.id(), tenant.user(), settings);
    }

    @GET
    @Path("categoriser")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "The learned categoriser", description = "Its version, the examples and labels it learned"
            + " from, and the labelled transactions that arrived since (it is retrained at retrainAfterLabels).")
    public EnrichmentService.Categoriser categoriser() {
        return enrichment.categoriser(tenant.id());
    }

    /** Body of {@code PUT /api/enrichment-settings}. A class: Payara's OpenAPI generator fails on records. */
    public static final class Change {
        @NotNull(message = "is required")
        private final String baseCurrency;
        @NotNull(message = "is required")
        // the column is numeric(5, 4): a fifth decimal would be rounded away silently
        @jakarta.validation.constraints.Digits(integer = 1, fraction = 4, message = "must have at most 4 decimals")
        private final BigDecimal reviewThreshold;
        @NotNull(message = "is required")
        private final Integer retrainAfterLabels;
        @NotNull(message = "must be the version you last read")
        private final Integer version;

        @JsonbCreator
        public Change(@JsonbProperty("baseCurrency") String baseCurrency,
                @JsonbProperty("reviewThreshold") BigDecimal reviewThreshold,
                @JsonbProperty("retrainAfterLabels") Integer retrainAfterLabels,
                @JsonbProperty("version") Integer version) {
            this.baseCurrency = baseCurrency;
            this.reviewThreshold = reviewThreshold;
            this.retrainAfterLabels = retrainAfterLabels;
            this.version = version;
        }

        public String getBaseCurrency() {
            return baseCurrency;
        }

        public BigDecimal getReviewThreshold() {
            return reviewThreshold;
        }

        public Integer getRetrainAfterLabels() {
            return retrainAfterLabels;
        }

        public Integer getVersion() {
            return version;
        }
    }
}
