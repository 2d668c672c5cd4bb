package io.kibly.sandbox.rest;

import io.kibly.sandbox.runtime.Sandbox;
import io.kibly.sandbox.xero.identity.IdentityJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/**
 * Xero identity under one host: {@code /identity/connect/authorize} (login.xero.com), {@code /connect/token}
 * (identity.xero.com) and {@code /connections} (api.xero.com).
 */
@Path("")
@RequestScoped
public class XeroIdentityResource {

    @Inject
    Sandbox sandbox;

    @GET
    @Path("identity/connect/authorize")
    public Response authorize(@QueryParam("response_type") String responseType,
                              @QueryParam("client_id") String clientId,
                              @QueryParam("redirect_uri") String redirectUri,
                              @QueryParam("scope") String scope,
                              @QueryParam("state") String state,
                              @QueryParam("code_challenge") String codeChallenge,
                              @QueryParam("code_challenge_method") String codeChallengeMethod) {
        return OAuthResponses.redirect(() -> sandbox.xeroIdentity().authorize(responseType, clientId, redirectUri,
                scope, state, codeChallenge, codeChallengeMethod));
    }

    @POST
    @Path("connect/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          MultivaluedMap<String, String> form) {
        return OAuthResponses.tokens(() -> IdentityJson.tokens(sandbox.xeroIdentity().token(authorization,
                OAuthResponses.fields(form))));
    }

    @GET
    @Path("connections")
    @Produces(MediaType.APPLICATION_JSON)
    public Response connections(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return OAuthResponses.answer(() -> Response.ok(IdentityJson.connections(
                sandbox.xeroIdentity().connections(authorization))).build());
    }

    @DELETE
    @Path("connections/{id}")
    public Response disconnect(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                               @PathParam("id") UUID id) {
        return OAuthResponses.answer(() -> sandbox.xeroIdentity().disconnect(authorization, id)
                ? Response.noContent().build() : Response.status(404).build());
    }
}
