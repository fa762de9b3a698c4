package io.dengta.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

/**
 * The configuration a service reads, taken from its code: the service's {@code application.properties},
 * commons' {@code META-INF/microprofile-config.properties}, {@code @ConfigProperty} injection points and
 * {@code @ConfigMapping} interfaces (found with Jandex in the compiled classes), and
 * {@code ConfigProvider.getConfig().getOptionalValue("…")} look-ups in the sources; plus the few Quarkus
 * settings that operators set without the code naming them ({@link #QUARKUS_SETTINGS}).
 */
final class ServiceConfig {

    /** A Dengta service: its module folder, HTTP port and whether it has a database. */
    record Service(String name, int port, boolean database) {
    }

    /** One property a service reads. {@code env} is the variable that sets it; {@code defaultValue} null when required. */
    record Entry(String property, String profile, String env, String defaultValue, String source, boolean secret) {
        boolean required() {
            return defaultValue == null;
        }
    }

    static final List<Service> SERVICES = List.of(
            new Service("schools-service", 8081, true),
            new Service("indicators-service", 8082, true),
            new Service("targets-service", 8083, true),
            new Service("gateway", 8080, false));

    /**
     * Quarkus settings an operator sets that no file in the code names (Quarkus reads them anyway). Each
     * is checked to belong to an extension the service has: quarkus.oidc (commons), the datasource (services
     * with a database), OpenTelemetry and logging (every service).
     */
    static final List<Entry> QUARKUS_SETTINGS = List.of(
            new Entry("quarkus.oidc.auth-server-url", "prod", "QUARKUS_OIDC_AUTH_SERVER_URL", null,
                    "Quarkus (quarkus-oidc): the OIDC issuer every service trusts; required in production", false),
            new Entry("quarkus.log.level", "", "QUARKUS_LOG_LEVEL", "INFO", "Quarkus: root log level", false),
            new Entry("quarkus.otel.exporter.otlp.endpoint", "", "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT",
                    "http://localhost:4317", "Quarkus (quarkus-opentelemetry): the OTLP collector traces go to", false),
            new Entry("quarkus.otel.resource.attributes", "", "QUARKUS_OTEL_RESOURCE_ATTRIBUTES", "",
                    "Quarkus (quarkus-opentelemetry): extra resource attributes, e.g. deployment.environment=production",
                    false));

    /** Variables the container image (run-java.sh of the UBI OpenJDK image) reads, not Quarkus. */
    static final Set<String> IMAGE_ENV = Set.of("JAVA_OPTS_APPEND", "JAVA_MAX_MEM_RATIO", "JAVA_INITIAL_MEM_RATIO",
            "JAVA_DEBUG", "JAVA_APP_JAR");

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|salt|private-key|credentials).*");
    private static final Pattern LOOKUP = Pattern.compile("getOptionalValue\\(\\s*\"([^\"]+)\"|getValue\\(\\s*\"([^\"]+)\"");
    private static final DotName CONFIG_PROPERTY = DotName.createSimple("org.eclipse.microprofile.config.inject.ConfigProperty");
    private static final DotName CONFIG_MAPPING = DotName.createSimple("io.smallrye.config.ConfigMapping");
    private static final DotName WITH_DEFAULT = DotName.createSimple("io.smallrye.config.WithDefault");
    private static final DotName WITH_NAME = DotName.createSimple("io.smallrye.config.WithName");
    private static final String NO_DEFAULT = "org.eclipse.microprofile.config.configproperty.unconfigureddvalue";

    private ServiceConfig() {
    }

    static Path repoRoot() {
        String root = System.getProperty("dengta.repo.root");
        Path path = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
        if (!Files.isDirectory(path.resolve("deploy"))) {
            throw new IllegalStateException("Cannot find the repository root (deploy/ missing under " + path + ")");
        }
        return path;
    }

    static Service service(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** Everything the service reads, commons' shared settings first, in property order. */
    static List<Entry> entries(Service service) {
        return CACHE.computeIfAbsent(service.name(), n -> load(service));
    }

    private static final Map<String, List<Entry>> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private static List<Entry> load(Service service) {
        Path root = repoRoot();
        List<Entry> entries = new ArrayList<>();
        entries.addAll(fromProperties(root.resolve("commons/src/main/resources/META-INF/microprofile-config.properties"),
                "commons"));
        entries.addAll(fromProperties(root.resolve(service.name() + "/src/main/resources/application.properties"),
                "application.properties"));
        entries.addAll(fromClasses(root.resolve("commons/target/classes"), "commons code"));
        entries.addAll(fromClasses(root.resolve(service.name() + "/target/classes"), "code"));
        entries.addAll(fromLookups(root.resolve("commons/src/main/java"), "commons code"));
        entries.addAll(fromLookups(root.resolve(service.name() + "/src/main/java"), "code"));
        for (Entry e : QUARKUS_SETTINGS) {
            if (!e.property().startsWith("quarkus.datasource") || service.database()) {
                entries.add(e);
            }
        }
        return merge(entries);
    }

    /** Whether the service reads this environment variable: named in an expression, or a property's canonical name. */
    static boolean readsEnv(Service service, String env) {
        if (IMAGE_ENV.contains(env)) {
            return true;
        }
        for (Entry e : entries(service)) {
            if (env.equals(e.env()) || envPattern(e.property()).matcher(env).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The canonical variable name of a property, a map key placeholder ({@code <name>}) matching any key. */
    static Pattern envPattern(String property) {
        StringBuilder regex = new StringBuilder();
        Matcher m = Pattern.compile("<[^>]+>").matcher(property);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(canonicalEnv(property.substring(last, m.start())))).append("[A-Z0-9_]+");
            last = m.end();
        }
        regex.append(Pattern.quote(canonicalEnv(property.substring(last))));
        return Pattern.compile(regex.toString());
    }

    /** SmallRye's environment-variable name for a property: non-alphanumerics become '_', upper case. */
    static String canonicalEnv(String property) {
        return property.replaceAll("<([^>]+)>", "$1").replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    private static List<Entry> fromProperties(Path file, String source) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Entry> entries = new ArrayList<>();
        for (String key : new TreeMap<>(Map.copyOf(properties.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(k -> (String) k.getKey(), v -> (String) v.getValue()))))
                .keySet()) {
            String profile = "";
            String property = key;
            if (key.startsWith("%")) {
                profile = key.substring(1, key.indexOf('.'));
                property = key.substring(key.indexOf('.') + 1);
            }
            if (profile.equals("test") || profile.equals("dev")) {
                continue; // not what a deployment runs
            }
            String value = properties.getProperty(key);
            Matcher m = EXPRESSION.matcher(value);
            String env = canonicalEnv(property);
            String defaultValue = value;
            if (m.find() && ENV_NAME.matcher(m.group(1)).matches()) {
                env = m.group(1);
                boolean whole = m.start() == 0 && m.end() == value.length();
                defaultValue = m.group(2) == null ? null : whole ? m.group(2) : value;
            }
            entries.add(new Entry(property, profile, env, defaultValue, source,
                    SECRET.matcher(property).matches() || SECRET.matcher(env).matches()));
        }
        return entries;
    }

    private static List<Entry> fromClasses(Path classes, String source) {
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException(classes + " is missing: build the services first (the reactor does)");
        }
        Indexer indexer = new Indexer();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    indexer.index(in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Index index = indexer.complete();
        List<Entry> entries = new ArrayList<>();
        for (AnnotationInstance a : index.getAnnotations(CONFIG_PROPERTY)) {
            AnnotationValue name = a.value("name");
            if (name == null) {
                throw new IllegalStateException("@ConfigProperty without a name at " + a.target()
                        + ": name every property so it can be documented");
            }
            AnnotationValue def = a.value("defaultValue");
            String defaultValue = def == null || def.asString().equals(NO_DEFAULT) ? null : def.asString();
            entries.add(new Entry(name.asString(), "", canonicalEnv(name.asString()), defaultValue, source,
                    SECRET.matcher(name.asString()).matches()));
        }
        for (AnnotationInstance a : index.getAnnotations(CONFIG_MAPPING)) {
            mapping(index, a.target().asClass(), a.value("prefix").asString(), source, entries);
        }
        return entries;
    }

    private static void mapping(Index index, ClassInfo type, String prefix, String source, List<Entry> entries) {
        for (MethodInfo m : type.methods()) {
            if (m.parametersCount() > 0 || m.isStaticInitializer() || java.lang.reflect.Modifier.isStatic(m.flags())
                    || !java.lang.reflect.Modifier.isAbstract(m.flags())) {
                continue;
            }
            AnnotationInstance withName = m.annotation(WITH_NAME);
            String name = prefix + "." + (withName != null ? withName.value().asString() : kebab(m.name()));
            Type returned = m.returnType();
            if (returned.name().toString().equals("java.util.Map")) {
                name += ".<" + kebab(m.name()).replaceAll("s$", "") + ">";
                returned = returned.asParameterizedType().arguments().get(1);
            }
            ClassInfo nested = index.getClassByName(returned.name());
            if (nested != null && nested.isInterface()) {
                mapping(index, nested, name, source, entries);
            } else {
                AnnotationInstance def = m.annotation(WITH_DEFAULT);
                entries.add(new Entry(name, "", canonicalEnv(name), def == null ? null : def.value().asString(), source,
                        SECRET.matcher(name).matches()));
            }
        }
    }

    private static List<Entry> fromLookups(Path sources, String source) {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = LOOKUP.matcher(Files.readString(p));
                while (m.find()) {
                    String name = m.group(1) != null ? m.group(1) : m.group(2);
                    entries.add(new Entry(name, "", canonicalEnv(name), "", source, SECRET.matcher(name).matches()));
                    // read where it is needed, with Quarkus' own default: "" means not set by Dengta
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** One entry per (profile, property): a value from a file beats a code default; the first file wins. */
    private static List<Entry> merge(List<Entry> entries) {
        Map<String, Entry> merged = new LinkedHashMap<>();
        for (Entry e : entries) {
            String key = e.profile() + "|" + e.property();
            Entry known = merged.get(key);
            if (known == null) {
                merged.put(key, e);
            } else if (!known.source().equals(e.source()) && e.source().equals("application.properties")) {
                // the service overrides commons' value
                merged.put(key, new Entry(e.property(), e.profile(), e.env(), e.defaultValue(),
                        "application.properties (overrides " + known.source() + ")", e.secret() || known.secret()));
            } else if (known.source().contains("code") && !e.source().contains("code")) {
                merged.put(key, e);
            }
        }
        // a property set in a file and injected in code: the file's value is the default operators see
        return merged.values().stream()
                .sorted(Comparator.comparing(Entry::property).thenComparing(Entry::profile))
                .toList();
    }

    static Optional<Entry> find(Service service, String property) {
        return entries(service).stream().filter(e -> e.property().equals(property) && e.profile().isEmpty()).findFirst();
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
