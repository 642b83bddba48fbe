package org.infusionwatch.gateway.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each whole request to the router. Runs on the route executor group, not on the event
 * loop, because routes may block briefly (SQLite reads, password hashing, waiting for the ward
 * view). Shared by all channels: it keeps no state.
 */
@ChannelHandler.Sharable
final class RequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(RequestHandler.class);

    private final Router router;
    private final ObjectMapper json;

    RequestHandler(Router router, ObjectMapper json) {
        this.router = router;
        this.json = json;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        Exchange x = new Exchange(ctx.channel(), request, json);
        if (!request.decoderResult().isSuccess()) {
            x.error(HttpResponseStatus.BAD_REQUEST, "malformed HTTP request");
            return;
        }
        router.dispatch(x);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("HTTP connection from {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
