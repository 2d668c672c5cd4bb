package io.kibly.sandbox.rest;

import io.kibly.sandbox.quickbooks.identity.QuickBooksIdentityJson;
import io.kibly.sandbox.runtime.Sandbox;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * Intuit's OAuth under one host: {@code /appcenter/connect/oauth2} (appcenter.intuit.com),
 * {@code /oauth2/v1/tokens/bearer} (oauth.platform.intuit.com) and {@code /v2/oauth2/tokens/revoke}
 * (developer.api.intuit.com).
 */
@Path("")
@RequestScoped
public class QuickBooksOAuthResource {

    @Inject
    Sandbox sandbox;

    @GET
    @Path("appcenter/connect/oauth2")
    public Response authorize(@QueryParam("response_type") String responseType,
                              @QueryParam("client_id") String clientId,
                              @QueryParam("redirect_uri") String redirectUri,
                              @QueryParam("scope") String scope,
                              @QueryParam("state") String state,
                              @QueryParam("realmId") String realmId,
                              @QueryParam("nonce") String nonce) {
        return OAuthResponses.redirect(() -> sandbox.quickBooksIdentity().authorize(responseType, clientId,
                redirectUri, scope, state, realmId, nonce));
    }

    @POST
    @Path("oauth2/v1/tokens/bearer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          MultivaluedMap<String, String> form) {
        return OAuthResponses.tokens(() -> QuickBooksIdentityJson.tokens(sandbox.quickBooksIdentity()
                .token(authorization, OAuthResponses.fields(form))));
    }

    @POST
    @Path("v2/oauth2/tokens/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response revoke(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, JsonObject body) {
        return OAuthResponses.answer(() -> {
            sandbox.quickBooksIdentity().revoke(authorization,
                    body == null ? null : body.getString("token", null));
            return Response.ok().build();
        });
    }
}
