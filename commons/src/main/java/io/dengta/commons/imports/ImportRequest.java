package io.dengta.commons.imports;

import java.io.InputStream;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The parameters every bulk import takes, as a JAX-RS bean ({@code @BeanParam ImportRequest request}) so
 * each import endpoint declares and documents them the same way; the body is the endpoint's own parameter.
 */
public class ImportRequest {

    @Parameter(description = "Validate and report without keeping anything")
    @QueryParam("dryRun")
    String dryRun;

    @Parameter(description = "atomic (default): all rows or none; best-effort: every valid row")
    @QueryParam("mode")
    String mode;

    @Parameter(description = "Replays the first answer for the same key and file")
    @HeaderParam("Idempotency-Key")
    String idempotencyKey;

    @Parameter(description = "`respond-async` runs the import as a job (202); files over 10 MB always do")
    @HeaderParam("Prefer")
    String prefer;

    @HeaderParam("Content-Type")
    String contentType;

    @HeaderParam("Content-Length")
    String contentLength;

    private InputStream body;

    /** The same request with its body. */
    public ImportRequest body(InputStream body) {
        this.body = body;
        return this;
    }

    public ImportOptions options() {
        return ImportOptions.parse(dryRun, mode);
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String prefer() {
        return prefer;
    }

    public String contentType() {
        return contentType;
    }

    public String contentLength() {
        return contentLength;
    }

    public InputStream body() {
        return body;
    }
}
