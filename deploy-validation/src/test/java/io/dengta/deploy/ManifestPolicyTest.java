package io.dengta.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * What deploy/ promises beyond the API schema, checked on every overlay: resources, probes on the paths the
 * services serve, a non-root read-only security context, pinned images, graceful termination that covers
 * Quarkus' shutdown timeout, only configuration the services really read (and all they require), references
 * that resolve, and NetworkPolicies that let exactly the intended traffic through.
 */
class ManifestPolicyTest {

    /** Secrets the manifests may reference: created by the operator (docs/operations.md), never committed. */
    static final Map<String, Set<String>> SECRETS = Map.of(
            "dengta-db", Set.of("username", "password"),
            "dengta-schools", Set.of("national-id-salt"),
            "dengta-targets", Set.of("service-token"));

    record Workload(String kind, String name, PodTemplateSpec template, Optional<ServiceConfig.Service> service) {
        PodSpec pod() {
            return template.getSpec();
        }

        Map<String, String> labels() {
            return template.getMetadata().getLabels();
        }

        @Override
        public String toString() {
            return kind + " " + name;
        }
    }

    static List<String> overlays() {
        return Manifests.OVERLAYS;
    }

    static <T> List<T> objects(String overlay, String kind, Class<T> type) {
        return Manifests.overlay(overlay).stream().filter(d -> d.kind().equals(kind)).map(d -> Manifests.as(d, type)).toList();
    }

    static List<Workload> workloads(String overlay) {
        List<Workload> workloads = new ArrayList<>();
        for (Deployment d : objects(overlay, "Deployment", Deployment.class)) {
            workloads.add(new Workload("Deployment", d.getMetadata().getName(), d.getSpec().getTemplate(),
                    dengta(d.getMetadata().getName())));
        }
        for (StatefulSet s : objects(overlay, "StatefulSet", StatefulSet.class)) {
            workloads.add(new Workload("StatefulSet", s.getMetadata().getName(), s.getSpec().getTemplate(),
                    dengta(s.getMetadata().getName())));
        }
        return workloads;
    }

    static Optional<ServiceConfig.Service> dengta(String name) {
        return ServiceConfig.SERVICES.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDengtaServiceIsDeployed(String overlay) {
        Set<String> deployed = new HashSet<>();
        workloads(overlay).forEach(w -> w.service().ifPresent(s -> deployed.add(s.name())));
        assertEquals(ServiceConfig.SERVICES.stream().map(ServiceConfig.Service::name).collect(java.util.stream.Collectors.toSet()),
                deployed);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainerHasRequestsLimitsAndProbes(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Workload w : workloads(overlay)) {
            for (Container c : w.pod().getContainers()) {
                var r = c.getResources();
                for (String res : List.of("cpu", "memory")) {
                    if (r == null || r.getLimits() == null || !r.getLimits().containsKey(res)) {
                        problems.add(w + "/" + c.getName() + ": no " + res + " limit");
                    }
                    if (r == null || r.getRequests() == null || !r.getRequests().containsKey(res)) {
                        problems.add(w + "/" + c.getName() + ": no " + res + " request");
                    }
                }
                if (c.getLivenessProbe() == null || c.getReadinessProbe() == null) {
                    problems.add(w + "/" + c.getName() + ": needs liveness and readiness probes");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyPodRunsAsNonRootWithAReadOnlyRootFilesystemAndNoPrivileges(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Workload w : workloads(overlay)) {
            PodSecurityContext pod = Optional.ofNullable(w.pod().getSecurityContext()).orElse(new PodSecurityContext());
            for (Container c : w.pod().getContainers()) {
                SecurityContext sc = Optional.ofNullable(c.getSecurityContext()).orElse(new SecurityContext());
                String where = w + "/" + c.getName() + ": ";
                if (!Boolean.TRUE.equals(sc.getRunAsNonRoot()) && !Boolean.TRUE.equals(pod.getRunAsNonRoot())) {
                    problems.add(where + "runAsNonRoot is not true");
                }
                Long uid = sc.getRunAsUser() != null ? sc.getRunAsUser() : pod.getRunAsUser();
                if (uid != null && uid == 0) {
                    problems.add(where + "runs as uid 0");
                }
                if (!Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                    problems.add(where + "readOnlyRootFilesystem is not true");
                }
                if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                    problems.add(where + "allowPrivilegeEscalation is not false");
                }
                if (Boolean.TRUE.equals(sc.getPrivileged())) {
                    problems.add(where + "privileged");
                }
                if (sc.getCapabilities() == null || sc.getCapabilities().getDrop() == null
                        || !sc.getCapabilities().getDrop().contains("ALL")
                        || (sc.getCapabilities().getAdd() != null && !sc.getCapabilities().getAdd().isEmpty())) {
                    problems.add(where + "capabilities must drop ALL and add none");
                }
                String seccomp = sc.getSeccompProfile() != null ? sc.getSeccompProfile().getType()
                        : pod.getSeccompProfile() != null ? pod.getSeccompProfile().getType() : null;
                if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
                    problems.add(where + "seccompProfile must be RuntimeDefault");
                }
                // a read-only root needs a writable /tmp (Vert.x cache, spooled imports, JVM perf data)
                if (w.service().isPresent() && c.getVolumeMounts().stream().noneMatch(m -> m.getMountPath().equals("/tmp"))) {
                    problems.add(where + "no writable volume at /tmp");
                }
            }
            if (!Boolean.FALSE.equals(w.pod().getAutomountServiceAccountToken())) {
                problems.add(w + ": automountServiceAccountToken must be false (no pod talks to the API server)");
            }
            if (Boolean.TRUE.equals(w.pod().getHostNetwork()) || Boolean.TRUE.equals(w.pod().getHostPID())) {
                problems.add(w + ": host namespaces");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void imagesArePinnedByTag(String overlay) {
        List<String> problems = new ArrayList<>();
        Set<String> dengtaTags = new HashSet<>();
        for (Workload w : workloads(overlay)) {
            for (Container c : w.pod().getContainers()) {
                String image = c.getImage();
                String afterRegistry = image.substring(image.lastIndexOf('/') + 1);
                if (image.contains("@sha256:")) {
                    continue;
                }
                if (!afterRegistry.contains(":")) {
                    problems.add(w + ": image " + image + " has no tag");
                    continue;
                }
                String tag = afterRegistry.substring(afterRegistry.indexOf(':') + 1);
                if (tag.equals("latest") || tag.isBlank()) {
                    problems.add(w + ": image " + image + " is not pinned");
                }
                if (w.service().isPresent()) {
                    dengtaTags.add(tag);
                }
                if ("Always".equals(c.getImagePullPolicy())) {
                    problems.add(w + ": imagePullPolicy Always suggests a moving tag");
                }
            }
        }
        if (dengtaTags.size() != 1) {
            problems.add("the Dengta services should run one release together, found tags " + dengtaTags);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void probesAndScrapingPointAtWhatTheServicesServe(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Workload w : workloads(overlay)) {
            if (w.service().isEmpty()) {
                continue;
            }
            ServiceConfig.Service s = w.service().get();
            int port = Integer.parseInt(ServiceConfig.find(s, "quarkus.http.port").orElseThrow().defaultValue());
            Container c = w.pod().getContainers().get(0);
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (ContainerPort p : c.getPorts()) {
                ports.put(p.getName(), p.getContainerPort());
            }
            if (!ports.containsValue(port)) {
                problems.add(w + ": container ports " + ports + " do not include quarkus.http.port " + port);
            }
            Map<String, Probe> probes = new LinkedHashMap<>();
            probes.put("/q/health/started", c.getStartupProbe());
            probes.put("/q/health/live", c.getLivenessProbe());
            probes.put("/q/health/ready", c.getReadinessProbe());
            probes.forEach((path, probe) -> {
                HTTPGetAction get = probe == null ? null : probe.getHttpGet();
                if (get == null) {
                    problems.add(w + ": needs an httpGet probe on " + path);
                } else {
                    if (!path.equals(get.getPath())) {
                        problems.add(w + ": probe path " + get.getPath() + " where the service serves " + path);
                    }
                    if (resolve(get.getPort(), ports) != port) {
                        problems.add(w + ": probe port " + get.getPort() + " is not the service's port " + port);
                    }
                }
            });
            Map<String, String> annotations = Optional.ofNullable(w.template().getMetadata().getAnnotations()).orElse(Map.of());
            if (!"/q/metrics".equals(annotations.get("prometheus.io/path"))
                    || !String.valueOf(port).equals(annotations.get("prometheus.io/port"))) {
                problems.add(w + ": prometheus.io annotations must name /q/metrics on port " + port);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void healthAndMetricsEndpointsAreWhereTheManifestsLook() {
        // the extensions that serve /q/health/* and /q/metrics are on the services' classpath ...
        assertTrue(present("io.smallrye.health.SmallRyeHealthReporter"), "smallrye-health is not on the services' classpath");
        assertTrue(present("io.micrometer.prometheusmetrics.PrometheusMeterRegistry")
                || present("io.micrometer.prometheus.PrometheusMeterRegistry"), "the Prometheus registry is not on the services' classpath");
        // ... and no service moves them
        for (ServiceConfig.Service s : ServiceConfig.SERVICES) {
            for (String moved : List.of("quarkus.http.non-application-root-path", "quarkus.http.root-path",
                    "quarkus.smallrye-health.root-path", "quarkus.smallrye-health.liveness-path",
                    "quarkus.smallrye-health.readiness-path", "quarkus.smallrye-health.startup-path",
                    "quarkus.micrometer.export.prometheus.path", "quarkus.management.enabled")) {
                assertTrue(ServiceConfig.entries(s).stream().noneMatch(e -> e.property().equals(moved)),
                        s.name() + " sets " + moved + ": update the probes and scrape paths in deploy/");
            }
        }
    }

    @Test
    void theQuarkusSettingsOperatorsSetExistAndCanBeChangedAtRunTime() {
        // build-time properties live in the extensions' deployment jars, so only what the environment may set is checked
        for (ServiceConfig.Entry e : ServiceConfig.QUARKUS_SETTINGS) {
            var property = QuarkusConfigModel.find(e.property());
            assertTrue(property.isPresent(), e.property() + " is not a property of the services' Quarkus extensions");
            assertTrue(!property.get().buildTime(), e.property() + " is fixed at build time");
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, ManifestPolicyTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void terminationGraceCoversPreStopAndQuarkusShutdown(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Workload w : workloads(overlay)) {
            if (w.service().isEmpty()) {
                continue;
            }
            Duration shutdown = ServiceConfig.find(w.service().get(), "quarkus.shutdown.timeout")
                    .map(e -> Duration.parse("PT" + e.defaultValue())).orElse(Duration.ZERO);
            if (shutdown.isZero()) {
                problems.add(w + ": the service sets no quarkus.shutdown.timeout (requests are cut at SIGTERM)");
            }
            Container c = w.pod().getContainers().get(0);
            long preStop = 0;
            if (c.getLifecycle() != null && c.getLifecycle().getPreStop() != null && c.getLifecycle().getPreStop().getExec() != null) {
                List<String> cmd = c.getLifecycle().getPreStop().getExec().getCommand();
                if (cmd.size() == 2 && cmd.get(0).equals("sleep")) {
                    preStop = Long.parseLong(cmd.get(1));
                }
            }
            if (preStop < 5) {
                problems.add(w + ": needs a preStop sleep of at least 5 s so endpoints are removed before shutdown");
            }
            long grace = Optional.ofNullable(w.pod().getTerminationGracePeriodSeconds()).orElse(30L);
            if (grace < preStop + shutdown.toSeconds() + 1) {
                problems.add(w + ": terminationGracePeriodSeconds " + grace + " < preStop " + preStop
                        + " + quarkus.shutdown.timeout " + shutdown.toSeconds() + " + 1");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyVariableTheManifestsSetIsReadByTheServiceAndEveryRequiredOneIsSet(String overlay) {
        Map<String, ConfigMap> configMaps = new LinkedHashMap<>();
        objects(overlay, "ConfigMap", ConfigMap.class).forEach(cm -> configMaps.put(cm.getMetadata().getName(), cm));
        List<String> problems = new ArrayList<>();
        for (Workload w : workloads(overlay)) {
            if (w.service().isEmpty()) {
                continue;
            }
            ServiceConfig.Service s = w.service().get();
            Map<String, String> env = new LinkedHashMap<>();
            Container c = w.pod().getContainers().get(0);
            for (EnvFromSource from : c.getEnvFrom()) {
                if (from.getConfigMapRef() != null) {
                    ConfigMap cm = configMaps.get(from.getConfigMapRef().getName());
                    if (cm == null && Manifests.rendered()) {
                        problems.add(w + ": ConfigMap " + from.getConfigMapRef().getName() + " does not exist");
                    } else if (cm != null) {
                        cm.getData().forEach((k, v) -> env.put(k, v));
                    }
                } else {
                    problems.add(w + ": envFrom only from ConfigMaps (Secrets by key, so each is named)");
                }
            }
            for (EnvVar v : c.getEnv()) {
                env.put(v.getName(), v.getValue());
                if (v.getValueFrom() != null && v.getValueFrom().getSecretKeyRef() != null) {
                    var ref = v.getValueFrom().getSecretKeyRef();
                    String secret = SECRETS.containsKey(ref.getName()) ? ref.getName() : ref.getName().replaceFirst("-[a-z0-9]{10}$", "");
                    if (!SECRETS.getOrDefault(secret, Set.of()).contains(ref.getKey())) {
                        problems.add(w + ": " + v.getName() + " refers to secret " + ref.getName() + "/" + ref.getKey()
                                + ", which docs/operations.md does not list");
                    }
                }
            }
            for (String name : env.keySet()) {
                if (!ServiceConfig.readsEnv(s, name)) {
                    problems.add(w + ": sets " + name + ", which " + s.name() + " does not read");
                }
                var quarkus = QuarkusConfigModel.findEnv(name);
                if (name.startsWith("QUARKUS_") && quarkus.isPresent() && quarkus.get().buildTime()) {
                    problems.add(w + ": " + name + " sets build-time property " + quarkus.get().name()
                            + ", which the environment cannot change");
                }
            }
            for (ServiceConfig.Entry e : ServiceConfig.entries(s)) {
                boolean prod = e.profile().isEmpty() || e.profile().equals("prod");
                boolean requiredInProd = e.required() && prod && !e.property().contains("<") && ServiceConfig.entries(s).stream().noneMatch(
                        o -> o.property().equals(e.property()) && o.profile().equals("prod") && !o.required());
                boolean localDefault = prod && e.defaultValue() != null && e.defaultValue().contains("127.0.0.1")
                        && !e.env().equals(ServiceConfig.canonicalEnv(e.property()));
                if ((requiredInProd || localDefault) && !env.containsKey(e.env())) {
                    problems.add(w + ": does not set " + e.env() + " (" + e.property() + "), which " + s.name()
                            + (requiredInProd ? " requires" : " defaults to a loopback address"));
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void noSecretValuesAreCommittedOutsideTheLocalOverlay(String overlay) {
        List<String> secrets = Manifests.overlay(overlay).stream().filter(d -> d.kind().equals("Secret"))
                .map(Manifests.Doc::name).toList();
        if (overlay.equals("local")) {
            return; // throwaway values for a laptop cluster, generated by kustomize
        }
        assertEquals(List.of(), secrets);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void selectorsTargetsAndUrlsResolve(String overlay) {
        List<String> problems = new ArrayList<>();
        List<Workload> workloads = workloads(overlay);
        Map<String, Service> services = new LinkedHashMap<>();
        objects(overlay, "Service", Service.class).forEach(s -> services.put(s.getMetadata().getName(), s));
        for (Deployment d : objects(overlay, "Deployment", Deployment.class)) {
            if (!matches(d.getSpec().getSelector(), d.getSpec().getTemplate().getMetadata().getLabels())) {
                problems.add(d.getMetadata().getName() + ": selector does not match its pod template");
            }
        }
        for (Service s : services.values()) {
            List<Workload> selected = workloads.stream()
                    .filter(w -> s.getSpec().getSelector() != null && w.labels().entrySet().containsAll(s.getSpec().getSelector().entrySet()))
                    .toList();
            if (selected.size() != 1) {
                problems.add("Service " + s.getMetadata().getName() + " selects " + selected + " (expected one workload)");
                continue;
            }
            for (ServicePort p : s.getSpec().getPorts()) {
                Map<String, Integer> ports = new LinkedHashMap<>();
                selected.get(0).pod().getContainers().forEach(c -> c.getPorts().forEach(cp -> ports.put(cp.getName(), cp.getContainerPort())));
                if (resolve(p.getTargetPort(), ports) < 0) {
                    problems.add("Service " + s.getMetadata().getName() + ": targetPort " + p.getTargetPort() + " is no container port");
                }
            }
        }
        for (HorizontalPodAutoscaler h : objects(overlay, "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class)) {
            var ref = h.getSpec().getScaleTargetRef();
            if (workloads.stream().noneMatch(w -> w.kind().equals(ref.getKind()) && w.name().equals(ref.getName()))) {
                problems.add("HPA " + h.getMetadata().getName() + " scales missing " + ref.getKind() + " " + ref.getName());
            }
            if (h.getSpec().getMinReplicas() == null || h.getSpec().getMinReplicas() < 2) {
                problems.add("HPA " + h.getMetadata().getName() + ": minReplicas below 2 leaves no replica during a rollout or drain");
            }
        }
        for (PodDisruptionBudget p : objects(overlay, "PodDisruptionBudget", PodDisruptionBudget.class)) {
            if (workloads.stream().noneMatch(w -> matches(p.getSpec().getSelector(), w.labels()))) {
                problems.add("PDB " + p.getMetadata().getName() + " selects no pod");
            }
        }
        for (Workload w : workloads) {
            if (w.service().isPresent() && w.kind().equals("Deployment")
                    && objects(overlay, "PodDisruptionBudget", PodDisruptionBudget.class).stream()
                            .noneMatch(p -> matches(p.getSpec().getSelector(), w.labels()))) {
                problems.add(w + " has no PodDisruptionBudget");
            }
        }
        for (Ingress i : objects(overlay, "Ingress", Ingress.class)) {
            i.getSpec().getRules().forEach(r -> r.getHttp().getPaths().forEach(p -> {
                var backend = p.getBackend().getService();
                if (!backend.getName().equals("gateway") || !services.containsKey("gateway")) {
                    problems.add("Ingress " + i.getMetadata().getName() + " must route to the gateway Service only");
                }
            }));
        }
        for (HTTPRoute r : objects(overlay, "HTTPRoute", HTTPRoute.class)) {
            r.getSpec().getRules().forEach(rule -> rule.getBackendRefs().forEach(b -> {
                Service s = services.get(b.getName());
                if (!"gateway".equals(b.getName()) || s == null
                        || s.getSpec().getPorts().stream().noneMatch(p -> Objects.equals(p.getPort(), b.getPort()))) {
                    problems.add("HTTPRoute " + r.getMetadata().getName() + " must route to the gateway Service's port");
                }
            }));
        }
        // service URLs in ConfigMaps point at Services that exist, on their ports
        for (ConfigMap cm : objects(overlay, "ConfigMap", ConfigMap.class)) {
            Optional.ofNullable(cm.getData()).orElse(Map.of()).forEach((k, v) -> {
                if (k.matches("DENGTA_[A-Z]+_URL") && v.startsWith("http")) {
                    URI uri = URI.create(v);
                    Service s = services.get(uri.getHost());
                    if (s == null || s.getSpec().getPorts().stream().noneMatch(p -> p.getPort() == uri.getPort())) {
                        problems.add("ConfigMap " + cm.getMetadata().getName() + ": " + k + "=" + v + " is no Service port");
                    }
                }
            });
        }
        if (Manifests.rendered()) {
            assertTrue(problems.isEmpty(), String.join("\n", problems));
        } else {
            // unrendered, kustomize's deletions and generated names are not applied: only report what cannot be theirs
            problems.removeIf(p -> p.startsWith("HPA"));
            assertTrue(problems.isEmpty(), String.join("\n", problems));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void networkPoliciesAdmitOnlyTheIntendedTraffic(String overlay) {
        List<NetworkPolicy> policies = objects(overlay, "NetworkPolicy", NetworkPolicy.class);
        List<Workload> workloads = workloads(overlay);
        List<String> problems = new ArrayList<>();
        assertTrue(policies.stream().anyMatch(p -> p.getSpec().getPodSelector() != null
                && empty(p.getSpec().getPodSelector()) && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                && p.getSpec().getIngress().isEmpty() && p.getSpec().getEgress().isEmpty()),
                "a default-deny policy (all pods, Ingress and Egress, no rule) is missing");
        Workload gateway = workloads.stream().filter(w -> w.name().equals("gateway")).findFirst().orElseThrow();
        List<Workload> apis = workloads.stream().filter(w -> w.service().isPresent() && w != gateway).toList();
        for (Workload w : workloads) {
            if (policies.stream().noneMatch(p -> selects(p, w) && p.getSpec().getPolicyTypes().contains("Ingress")
                    && !p.getSpec().getIngress().isEmpty())) {
                problems.add(w + ": no NetworkPolicy admits any traffic to it");
            }
            boolean open = ingressAllowed(policies, w, null, port(w));
            if (open != (w == gateway)) {
                problems.add(w + (open ? ": takes traffic from anywhere (only the gateway may)" : ": gateway unreachable from outside"));
            }
            if (!egressAllowed(policies, w, Map.of("k8s-app", "kube-dns"), "kube-system", 53)) {
                problems.add(w + ": cannot resolve names (DNS egress)");
            }
            if (w.service().isPresent() && !egressAllowed(policies, w, null, null, 443)) {
                problems.add(w + ": cannot reach the OIDC issuer (443)");
            }
        }
        for (Workload api : apis) {
            if (!ingressAllowed(policies, api, gateway, port(api)) || !egressAllowed(policies, gateway, api, port(api))) {
                problems.add("gateway cannot reach " + api);
            }
            for (Workload other : apis) {
                if (other != api && (!ingressAllowed(policies, api, other, port(api))
                        || !egressAllowed(policies, other, api, port(api)))) {
                    problems.add(other + " cannot reach " + api);
                }
            }
            if (!api.service().get().database()) {
                continue;
            }
            Optional<Workload> database = workloads.stream().filter(w -> "database".equals(w.labels().get("app.kubernetes.io/component"))).findFirst();
            boolean reachesDb = database.isPresent()
                    ? egressAllowed(policies, api, database.get(), 5432) && ingressAllowed(policies, database.get(), api, 5432)
                    : egressAllowed(policies, api, null, null, 5432);
            if (!reachesDb) {
                problems.add(api + " cannot reach PostgreSQL");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    // --- a small NetworkPolicy evaluator (matchLabels only; one namespace; "from outside" = no pod, other namespace)

    private static boolean ingressAllowed(List<NetworkPolicy> policies, Workload to, Workload from, int port) {
        List<NetworkPolicy> applying = policies.stream().filter(p -> selects(p, to) && p.getSpec().getPolicyTypes().contains("Ingress")).toList();
        return applying.stream().flatMap(p -> p.getSpec().getIngress().stream())
                .anyMatch(rule -> portAllowed(rule.getPorts(), to, port)
                        && (rule.getFrom().isEmpty() || rule.getFrom().stream().anyMatch(peer -> peerMatches(peer, from == null ? null : from.labels(), from == null ? "elsewhere" : ""))));
    }

    private static boolean egressAllowed(List<NetworkPolicy> policies, Workload from, Workload to, int port) {
        return egressAllowed(policies, from, to.labels(), "", port, to);
    }

    private static boolean egressAllowed(List<NetworkPolicy> policies, Workload from, Map<String, String> toLabels, String toNamespace, int port) {
        return egressAllowed(policies, from, toLabels, toNamespace, port, null);
    }

    private static boolean egressAllowed(List<NetworkPolicy> policies, Workload from, Map<String, String> toLabels, String toNamespace,
            int port, Workload to) {
        List<NetworkPolicy> applying = policies.stream().filter(p -> selects(p, from) && p.getSpec().getPolicyTypes().contains("Egress")).toList();
        return applying.stream().flatMap(p -> p.getSpec().getEgress().stream())
                .anyMatch(rule -> portAllowed(rule.getPorts(), to, port)
                        && (rule.getTo().isEmpty() || rule.getTo().stream().anyMatch(peer -> peerMatches(peer, toLabels, toNamespace))));
    }

    /** namespace "" = this one; null labels = not a pod (an address outside the cluster). */
    private static boolean peerMatches(NetworkPolicyPeer peer, Map<String, String> labels, String namespace) {
        if (peer.getIpBlock() != null) {
            return labels == null;
        }
        if (labels == null) {
            return false;
        }
        boolean nsOk = peer.getNamespaceSelector() == null ? "".equals(namespace)
                : empty(peer.getNamespaceSelector()) || Objects.equals(peer.getNamespaceSelector().getMatchLabels(),
                        Map.of("kubernetes.io/metadata.name", namespace));
        boolean podOk = peer.getPodSelector() == null || matches(peer.getPodSelector(), labels);
        return nsOk && podOk;
    }

    private static boolean portAllowed(List<NetworkPolicyPort> ports, Workload to, int port) {
        if (ports.isEmpty()) {
            return true;
        }
        return ports.stream().anyMatch(p -> {
            IntOrString value = p.getPort();
            if (value == null) {
                return true;
            }
            if (value.getIntVal() != null) {
                return value.getIntVal() == port;
            }
            return to != null && to.pod().getContainers().stream().flatMap(c -> c.getPorts().stream())
                    .anyMatch(cp -> value.getStrVal().equals(cp.getName()) && cp.getContainerPort() == port);
        });
    }

    private static boolean selects(NetworkPolicy p, Workload w) {
        return matches(p.getSpec().getPodSelector(), w.labels());
    }

    private static int port(Workload w) {
        return w.pod().getContainers().get(0).getPorts().get(0).getContainerPort();
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
            throw new AssertionError("matchExpressions are not evaluated by this test: use matchLabels");
        }
        Map<String, String> want = Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of());
        return labels != null && labels.entrySet().containsAll(want.entrySet());
    }

    private static boolean empty(LabelSelector selector) {
        return (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
    }

    private static int resolve(IntOrString port, Map<String, Integer> named) {
        if (port == null) {
            return -1;
        }
        if (port.getIntVal() != null) {
            return named.containsValue(port.getIntVal()) ? port.getIntVal() : -1;
        }
        return named.getOrDefault(port.getStrVal(), -1);
    }

}
