package io.kibly.sandbox.rest;

import io.kibly.sandbox.quickbooks.identity.QuickBooksIdentityJson;
import io.kibly.sandbox.runtime.Sandbox;
import io.kibly.sandbox.xero.identity.OAuthError;
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

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

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
                              @QueryParam("realmId") String realmId) {
        try {
            return Response.status(302).location(URI.create(sandbox.quickBooksIdentity().authorize(responseType,
                    clientId, redirectUri, scope, state, realmId))).build();
        } catch (OAuthError e) {
            return error(e);
        }
    }

    @POST
    @Path("oauth2/v1/tokens/bearer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          MultivaluedMap<String, String> form) {
        Map<String, String> fields = new HashMap<>();
        form.forEach((name, values) -> fields.put(name, values.isEmpty() ? null : values.get(0)));
        try {
            return Response.ok(QuickBooksIdentityJson.tokens(sandbox.quickBooksIdentity().token(authorization,
                    fields))).header("Cache-Control", "no-store").build();
        } catch (OAuthError e) {
            return error(e);
        }
    }

    @POST
    @Path("v2/oauth2/tokens/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response revoke(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, JsonObject body) {
        try {
            sandbox.quickBooksIdentity().revoke(authorization,
                    body == null ? null : body.getString("token", null));
            return Response.ok().build();
        } catch (OAuthError e) {
            return error(e);
        }
    }

    private static Response error(OAuthError e) {
        return Response.status(e.httpStatus()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(QuickBooksIdentityJson.error(e)).build();
    }
}
