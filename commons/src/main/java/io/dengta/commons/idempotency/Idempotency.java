package io.dengta.commons.idempotency;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.DigestInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.problem.ProblemType;
import io.dengta.commons.security.CallerScope;

/**
 * {@code Idempotency-Key} for POSTs that create or import: the first response to a key is stored (per
 * caller, for 24 hours) and replayed for the same key with the same request; the same key with a
 * different request is a 422; a request still running under the key is a 409.
 * <p>
 * Records live in the service's own database, table {@code idempotency_record} (migration
 * {@code db/commons}, which each service with a database adds to its Flyway locations).
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;
    private static final String PENDING = "pending";

    private final Instance<DataSource> dataSource;
    private final ObjectMapper json;
    private final CallerScope caller;

    public Idempotency(Instance<DataSource> dataSource, ObjectMapper json, CallerScope caller) {
        this.dataSource = dataSource;
        this.json = json;
        this.caller = caller;
    }

    /**
     * Runs {@code action} once per key: {@code request} is what identifies the request's content (the
     * parsed body, plus anything else that matters such as the target path).
     */
    public Response execute(String key, Object request, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid(HEADER, "invalid_idempotency_key",
                    "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String owner = caller.clientId() != null ? caller.clientId() + "/" + caller.subject() : caller.subject();
        String hash = hash(request);
        if (!claim(owner, key, hash)) {
            return replay(owner, key, hash);
        }
        Response response;
        try {
            response = action.get();
        } catch (RuntimeException e) {
            release(owner, key);
            throw e;
        }
        if (response.getStatus() >= 500) {
            release(owner, key);
            return response;
        }
        store(owner, key, response);
        return response;
    }

    /**
     * For streamed bodies (imports) whose hash is known only once they are read: the first request runs
     * {@code action} on the body while hashing it; a later request with the same key reads its body
     * only to hash it, then replays the first response or answers 422. {@code scope} is what else
     * identifies the request (path, query).
     */
    public Response executeStreamed(String key, String scope, InputStream body, Function<InputStream, Response> action) {
        if (key == null) {
            return action.apply(body);
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid(HEADER, "invalid_idempotency_key",
                    "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String owner = caller.clientId() != null ? caller.clientId() + "/" + caller.subject() : caller.subject();
        MessageDigest digest = sha256();
        digest.update(scope.getBytes(StandardCharsets.UTF_8));
        DigestInputStream hashing = new DigestInputStream(body, digest);
        if (!claim(owner, key, PENDING)) {
            try {
                hashing.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return replay(owner, key, HexFormat.of().formatHex(digest.digest()));
        }
        Response response;
        try {
            // the action's parsers may close what they read; the rest must still be hashed afterwards
            response = action.apply(new java.io.FilterInputStream(hashing) {
                @Override
                public void close() {
                }
            });
            hashing.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            release(owner, key);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            release(owner, key);
            throw e;
        }
        if (response.getStatus() >= 500) {
            release(owner, key);
            return response;
        }
        update("update idempotency_record set request_hash = ? where owner = ? and idempotency_key = ?",
                HexFormat.of().formatHex(digest.digest()), owner, key);
        store(owner, key, response);
        return response;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean claim(String owner, String key, String hash) {
        return update("""
                insert into idempotency_record (owner, idempotency_key, request_hash, created_at)
                values (?, ?, ?, now())
                on conflict (owner, idempotency_key) do update
                  set request_hash = excluded.request_hash, created_at = now(), status = null,
                      location = null, body = null, content_type = null
                  where idempotency_record.created_at < now() - interval '24 hours'
                """, owner, key, hash) == 1;
    }

    private Response replay(String owner, String key, String hash) {
        try (Connection c = dataSource.get().getConnection();
                PreparedStatement s = c.prepareStatement("""
                        select request_hash, status, location, body, content_type from idempotency_record
                        where owner = ? and idempotency_key = ?
                        """)) {
            s.setString(1, owner);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.conflict("The request with this Idempotency-Key ended; retry it");
                }
                if (rs.getString(1).equals(PENDING)) {
                    throw ProblemException.conflict("A request with this Idempotency-Key is still running");
                }
                if (!rs.getString(1).equals(hash)) {
                    throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                            "This Idempotency-Key was first used with a different request; use a new key");
                }
                int status = rs.getInt(2);
                if (rs.wasNull()) {
                    throw ProblemException.conflict("A request with this Idempotency-Key is still running");
                }
                Response.ResponseBuilder builder = Response.status(status).header(REPLAYED_HEADER, "true");
                if (rs.getString(3) != null) {
                    builder.location(URI.create(rs.getString(3)));
                }
                if (rs.getString(4) != null) {
                    builder.entity(rs.getString(4))
                            .type(rs.getString(5) != null ? rs.getString(5) : MediaType.APPLICATION_JSON);
                }
                return builder.build();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency record could not be read", e);
        }
    }

    private void store(String owner, String key, Response response) {
        String location = response.getLocation() == null ? null : response.getLocation().toString();
        Object entity = response.getEntity();
        String body;
        try {
            // a String entity is already the body (e.g. a problem): store it as it is
            body = entity == null ? null : entity instanceof String text ? text : json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response could not be stored for replay", e);
        }
        String contentType = response.getMediaType() == null ? null : response.getMediaType().toString();
        update("""
                update idempotency_record set status = ?, location = ?, body = ?, content_type = ?
                where owner = ? and idempotency_key = ?""",
                response.getStatus(), location, body, contentType, owner, key);
    }

    private void release(String owner, String key) {
        update("delete from idempotency_record where owner = ? and idempotency_key = ? and status is null", owner, key);
    }

    private int update(String sql, Object... params) {
        try (Connection c = dataSource.get().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency record could not be written", e);
        }
    }

    private String hash(Object request) {
        try {
            byte[] canonical = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Request could not be hashed", e);
        }
    }
}
