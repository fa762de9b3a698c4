package io.dengta.gateway.contract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.smallrye.openapi.api.SmallRyeOpenAPI;

/**
 * Makes the gateway's contract ({@code /q/openapi}, {@code /openapi}, Swagger UI) the merged contract of
 * every service behind it. Runs once at build time on the services' committed contracts, which the build
 * packages into the gateway ({@code META-INF/dengta/contracts/}): the document is deterministic, needs no
 * service to be up, and describes exactly the service versions the gateway was built and tested with.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = -100)
public class MergedContractFilter implements OASFilter {

    /** The services behind the gateway, as named in its routes; the order decides who keeps a clashing name. */
    static final List<String> SERVICES = List.of("schools", "indicators", "targets");
    static final String CONTRACTS = "META-INF/dengta/contracts/";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ObjectNode own = read(SmallRyeOpenAPI.builder()
                .withInitialModel(openAPI)
                .enableModelReader(false)
                .enableStandardStaticFiles(false)
                .enableAnnotationScan(false)
                .enableStandardFilter(false)
                .build()
                .toYAML());
        GatewayEndpoints.document(own);
        List<ContractMerger.Source> services = new ArrayList<>();
        for (String service : SERVICES) {
            services.add(new ContractMerger.Source(service, read(resource(service + "-service.yaml"))));
        }
        ObjectNode merged = ContractMerger.merge(new ContractMerger.Source("gateway", own), services);
        OpenAPI model = SmallRyeOpenAPI.builder()
                .withCustomStaticFile(() -> new ByteArrayInputStream(write(merged)))
                .enableModelReader(false)
                .enableStandardStaticFiles(false)
                .enableAnnotationScan(false)
                .enableStandardFilter(false)
                .build()
                .model();
        openAPI.setOpenapi(model.getOpenapi());
        openAPI.setInfo(model.getInfo());
        openAPI.setServers(model.getServers());
        openAPI.setTags(model.getTags());
        openAPI.setPaths(model.getPaths());
        openAPI.setComponents(model.getComponents());
        openAPI.setExtensions(model.getExtensions());
    }

    private static String resource(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(CONTRACTS + name)) {
            if (in == null) {
                throw new IllegalStateException(CONTRACTS + name + " is not on the classpath; the gateway build"
                        + " packages openapi/" + name + " (see gateway/pom.xml)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode read(String yaml) {
        try {
            return (ObjectNode) YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(ObjectNode document) {
        try {
            return YAML.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
