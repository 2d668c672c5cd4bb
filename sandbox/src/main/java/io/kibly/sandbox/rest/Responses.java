package io.kibly.sandbox.rest;

import io.kibly.sandbox.http.ApiResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

final class Responses {

    private Responses() {
    }

    static Response of(ApiResponse answer) {
        Response.ResponseBuilder response = Response.status(answer.status());
        answer.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                response.header(name, value);
            }
        });
        if (answer.rawBody() != null) {
            response.entity(answer.rawBody()).type(MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8"));
        } else if (answer.body() != null) {
            response.entity(answer.body()).type(MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8"));
        }
        return response.build();
    }
}
