package io.dengta.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A 200 MB import passes through the gateway as a stream: the service receives the first bytes while the
 * caller is still sending (the caller waits for them before sending the rest, so a gateway that buffered
 * the body would never get past that point), and the body arrives whole, byte for byte.
 */
@QuarkusTest
class LargeUploadStreamingTest {

    private static final long SIZE = 200L * 1024 * 1024;
    private static final long SENT_BEFORE_WAITING = 16L * 1024 * 1024;

    @InjectDownstream
    UploadSink sink;

    @TestHTTPResource("/")
    URL gateway;

    @BeforeEach
    void forgetLastUpload() {
        sink.reset();
    }

    @Test
    void twoHundredMegabyteImportStreamsToServiceWhileCallerIsStillSending() throws Exception {
        GeneratedCsv body = new GeneratedCsv(SIZE, SENT_BEFORE_WAITING, sink.firstBytes());
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "uploads/v1/imports"))
                .header("Authorization", "Bearer " + Tokens.role("data-feed").region("320113").client("streaming-test").get())
                .header("Content-Type", "text/csv; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body), SIZE))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(202, response.statusCode(), response.body());
        UploadSink.Received received = sink.received().get(60, TimeUnit.SECONDS);
        assertEquals(SIZE, received.bytes());
        assertEquals(body.sha256(), received.sha256(), "the service received other bytes than were sent");
    }

    /**
     * CSV rows made on the fly (never held in memory), with a digest of what was read; after
     * {@code pauseAt} bytes it waits until the service has received something.
     */
    static final class GeneratedCsv extends InputStream {
        private final long size;
        private final long pauseAt;
        private final CompletableFuture<Void> serviceReceived;
        private final MessageDigest digest = UploadSink.sha256();
        private long position;
        private byte[] line = new byte[0];
        private int lineOffset;
        private long row;

        GeneratedCsv(long size, long pauseAt, CompletableFuture<Void> serviceReceived) {
            this.size = size;
            this.pauseAt = pauseAt;
            this.serviceReceived = serviceReceived;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            if (position >= pauseAt && !serviceReceived.isDone()) {
                try {
                    serviceReceived.get(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the service received nothing of the first "
                            + position + " bytes: the gateway does not stream the body", e);
                }
            }
            int n = 0;
            while (n < length && position < size) {
                if (lineOffset == line.length) {
                    line = ((3201130000L + row) + ",第" + row + "小学,enrolment-rate," + (row % 100) + "\n")
                            .getBytes(StandardCharsets.UTF_8);
                    lineOffset = 0;
                    row++;
                }
                int take = (int) Math.min(Math.min(length - n, line.length - lineOffset), size - position);
                System.arraycopy(line, lineOffset, target, offset + n, take);
                lineOffset += take;
                n += take;
                position += take;
            }
            digest.update(target, offset, n);
            return n;
        }

        String sha256() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
