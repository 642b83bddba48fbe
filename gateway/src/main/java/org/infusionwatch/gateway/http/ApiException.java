package org.infusionwatch.gateway.http;

import io.netty.handler.codec.http.HttpResponseStatus;

/** A request the API refuses, with the status and a message for the person (never patient data). */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient HttpResponseStatus status;

    public ApiException(HttpResponseStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public HttpResponseStatus status() {
        return status;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpResponseStatus.BAD_REQUEST, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpResponseStatus.NOT_FOUND, message);
    }
}
