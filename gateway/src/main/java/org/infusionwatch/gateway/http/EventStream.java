package org.infusionwatch.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.infusionwatch.gateway.http.auth.Sessions;
import org.infusionwatch.gateway.view.WardListener;
import org.infusionwatch.gateway.view.WardSnapshot;

/**
 * The browsers' live feed, as Server-Sent Events on {@code GET /api/stream}: {@code ward} (the
 * whole nurse station, on every change and at least once a second) and {@code alert} (an alert
 * raised or changed, at once). A stream ends when its session ends. Listener calls come on the
 * ward view's thread; each event is serialised once and handed to every open channel. A slow
 * browser that cannot keep up misses ward snapshots (the next one replaces them) but not alerts.
 */
final class EventStream implements WardListener {
    private final ObjectMapper json;
    private final Sessions sessions;
    private final Map<Channel, String> streams = new ConcurrentHashMap<>();

    EventStream(ObjectMapper json, Sessions sessions) {
        this.json = json;
        this.sessions = sessions;
    }

    /** Turns the exchange's channel into an event stream that starts with {@code first}. */
    void open(Exchange x, WardSnapshot first) {
        if (!x.claim()) {
            return;
        }
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        head.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        head.headers().set("X-Accel-Buffering", "no");
        SecurityHeaders.apply(head.headers());
        HttpUtil.setTransferEncodingChunked(head, true);
        Channel ch = x.channel();
        ch.write(head);
        ch.writeAndFlush(event("hello", Map.of("retryMs", 2000), "retry: 2000\n"));
        ch.writeAndFlush(event("ward", first, ""));
        streams.put(ch, x.session().token());
        ch.closeFuture().addListener(f -> streams.remove(ch));
    }

    @Override
    public boolean watching() {
        return !streams.isEmpty();
    }

    int openStreams() {
        return streams.size();
    }

    @Override
    public void onWard(WardSnapshot snapshot) {
        broadcast("ward", snapshot, true);
    }

    @Override
    public void onAlert(String change, WardSnapshot.AlertItem alert) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("change", change);
        m.put("alert", alert);
        broadcast("alert", m, false);
    }

    private void broadcast(String name, Object data, boolean skippable) {
        if (streams.isEmpty()) {
            return;
        }
        byte[] frame = frame(name, data, "");
        streams.forEach((ch, token) -> {
            if (!sessions.isOpen(token)) {
                end(ch);
                return;
            }
            if (skippable && !ch.isWritable()) {
                return;
            }
            ch.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(frame)));
        });
    }

    private DefaultHttpContent event(String name, Object data, String prefix) {
        return new DefaultHttpContent(Unpooled.wrappedBuffer(frame(name, data, prefix)));
    }

    private byte[] frame(String name, Object data, String prefix) {
        try {
            return (prefix + "event: " + name + "\ndata: " + json.writeValueAsString(data) + "\n\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + name, e);
        }
    }

    void closeAll() {
        streams.keySet().forEach(EventStream::end);
    }

    /** Ends the response properly (last chunk) before closing, so a client sees the stream end, not a broken one. */
    private static void end(Channel ch) {
        ch.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
    }
}
