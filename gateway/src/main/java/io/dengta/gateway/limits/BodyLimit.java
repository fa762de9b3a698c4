package io.dengta.gateway.limits;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body on its way to a service, counted as it streams (nothing is buffered): past the limit it
 * stops passing data on and fails, so the proxy resets the call to the service and the caller gets a 413.
 * Bodies with a declared Content-Length are refused before they stream ({@link EdgeLimits}); this catches
 * chunked bodies that keep growing. Each chunk passed on is reported to {@code progress} (the proxy keeps
 * the call to the service alive while the caller is still sending).
 */
public final class BodyLimit implements ReadStream<Buffer> {

    private final ReadStream<Buffer> source;
    private final long maxBytes;
    private final Runnable progress;
    private long seen;
    private boolean exceeded;
    private Handler<Throwable> exceptionHandler;

    public BodyLimit(ReadStream<Buffer> source, long maxBytes, Runnable progress) {
        this.source = source;
        this.maxBytes = maxBytes;
        this.progress = progress;
    }

    public boolean exceeded() {
        return exceeded;
    }

    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(chunk -> {
            if (exceeded) {
                return;
            }
            seen += chunk.length();
            if (seen > maxBytes) {
                exceeded = true;
                source.pause();
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new TooLarge(maxBytes));
                }
                return;
            }
            progress.run();
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        if (!exceeded) {
            source.resume();
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        if (!exceeded) {
            source.fetch(amount);
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        source.endHandler(endHandler == null ? null : v -> {
            if (!exceeded) {
                progress.run();
                endHandler.handle(v);
            }
        });
        return this;
    }

    /** The body grew past the limit. */
    public static final class TooLarge extends RuntimeException {
        private final long maxBytes;

        public TooLarge(long maxBytes) {
            super("request body larger than " + maxBytes + " bytes", null, false, false);
            this.maxBytes = maxBytes;
        }

        public long maxBytes() {
            return maxBytes;
        }
    }
}
