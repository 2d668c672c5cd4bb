package io.kibly.engine.interfaces.rest;

import io.kibly.engine.interfaces.rest.problem.InvalidParameterException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Every JSON request body passes {@link JsonBodies} before the resource's reader binds it: one place for all
 * bodies, whether a resource takes a request class, a JSON-P value or the text. A refused field answers 400
 * naming it. Raw bodies ({@code byte[]}, streams: the webhooks, whose signature covers the exact bytes) are
 * their resource's to judge.
 *
 * <p>The body is read once into memory to be checked and then handed on: {@link BodySizeLimit} has already
 * bounded it to 64 KiB.
 */
@Provider
public class JsonBodyCheck implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !isJson(type) || context.getType() == byte[].class
                || InputStream.class.isAssignableFrom(context.getType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        try {
            JsonBodies.check(body, context.getType());
        } catch (JsonBodies.InvalidField e) {
            throw new InvalidParameterException(e.field(), e.getMessage());
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static boolean isJson(MediaType type) {
        return type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().toLowerCase().endsWith("+json");
    }
}
