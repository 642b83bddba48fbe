package org.infusionwatch.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.infusionwatch.gateway.http.auth.Session;

/**
 * One HTTP request and its answer. The request is copied out of Netty's buffers, so an answer may
 * be given later from another thread (e.g. once the journal holds an acknowledgement); it is
 * given exactly once. Writing only hands the response to the channel's event loop.
 */
public final class Exchange {
    public static final String SESSION_COOKIE = "iw_session";

    private final Channel channel;
    private final ObjectMapper json;
    private final String method;
    private final String path;
    private final Map<String, List<String>> query;
    private final HttpHeaders headers;
    private final byte[] body;
    private final boolean keepAlive;
    private final AtomicBoolean answered = new AtomicBoolean();
    private Map<String, String> pathParams = Map.of();
    private Session session;

    Exchange(Channel channel, FullHttpRequest request, ObjectMapper json) {
        this.channel = channel;
        this.json = json;
        this.method = request.method().name();
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        this.path = uri.path();
        this.query = uri.parameters();
        this.headers = request.headers().copy();
        this.body = new byte[request.content().readableBytes()];
        request.content().getBytes(request.content().readerIndex(), body);
        this.keepAlive = HttpUtil.isKeepAlive(request);
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** A query parameter, or null. */
    public String query(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() || v.get(0).isBlank() ? null : v.get(0);
    }

    public String header(CharSequence name) {
        return headers.get(name);
    }

    public byte[] body() {
        return body;
    }

    /** The body as a JSON object; an empty body reads as {}. */
    public JsonNode jsonBody() {
        if (body.length == 0) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest("the body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw ApiException.badRequest("the body is not valid JSON");
        }
    }

    /** A path parameter such as {@code alertId} of {@code /api/alerts/{alertId}/acknowledge}. */
    public String param(String name) {
        return pathParams.get(name);
    }

    void pathParams(Map<String, String> params) {
        this.pathParams = params;
    }

    /** The session cookie's value, or null. */
    public String sessionToken() {
        String cookies = headers.get(HttpHeaderNames.COOKIE);
        if (cookies == null) {
            return null;
        }
        return ServerCookieDecoder.STRICT.decode(cookies).stream()
                .filter(c -> c.name().equals(SESSION_COOKIE)).map(c -> c.value()).findFirst().orElse(null);
    }

    /** The signed-in session; set by the router before a protected route runs. */
    public Session session() {
        return session;
    }

    void session(Session s) {
        this.session = s;
    }

    public Channel channel() {
        return channel;
    }

    public boolean answered() {
        return answered.get();
    }

    /** Claims the right to answer, for routes that take over the channel (the event stream). */
    boolean claim() {
        return answered.compareAndSet(false, true);
    }

    public void json(HttpResponseStatus status, Object value) {
        try {
            respond(status, "application/json; charset=utf-8", json.writeValueAsBytes(value), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON answer", e);
        }
    }

    public void error(HttpResponseStatus status, String message) {
        json(status, Map.of("error", message, "status", status.code()));
    }

    public void respond(HttpResponseStatus status, String contentType, byte[] content, Map<String, String> extra) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(content));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.length);
        r.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        SecurityHeaders.apply(r.headers());
        extra.forEach((k, v) -> r.headers().add(k, v));
        if (keepAlive) {
            r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            channel.writeAndFlush(r);
        } else {
            channel.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
        }
    }

    public void text(HttpResponseStatus status, String contentType, String text, Map<String, String> extra) {
        respond(status, contentType, text.getBytes(StandardCharsets.UTF_8), extra);
    }
}
