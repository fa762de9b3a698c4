package io.dengta.commons.problem;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import io.quarkus.arc.Arc;

/**
 * The methods a JAX-RS path answers, for the {@code Allow} header every 405 must carry (RFC 9110 15.5.6): Quarkus
 * REST refuses a wrong method with a NotAllowedException that has none. Read once from the resource classes (they
 * are beans); for a path several templates match, the one JAX-RS would choose (most literal characters) counts.
 */
final class AllowedMethods {

    private record Template(Pattern pattern, int literals, Set<String> methods) {
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*\\})+))?\\s*\\}");
    private static volatile List<Template> templates;

    private AllowedMethods() {
    }

    /** e.g. {@code GET, HEAD, OPTIONS, POST}; empty when no resource path matches. */
    static Optional<String> of(String path) {
        Template best = null;
        for (Template t : templates()) {
            if (t.pattern().matcher(path).matches() && (best == null || t.literals() > best.literals())) {
                best = t;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Set<String> methods = new TreeSet<>(best.methods());
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        methods.add("OPTIONS");
        return Optional.of(String.join(", ", methods));
    }

    private static List<Template> templates() {
        List<Template> known = templates;
        if (known == null) {
            known = scan();
            templates = known;
        }
        return known;
    }

    private static List<Template> scan() {
        Map<String, Set<String>> methodsByTemplate = new TreeMap<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String http = httpMethod(method);
                if (http != null) {
                    Path methodPath = method.getAnnotation(Path.class);
                    methodsByTemplate.computeIfAbsent(join(classPath.value(), methodPath == null ? "" : methodPath.value()),
                            k -> new TreeSet<>()).add(http);
                }
            }
        }
        List<Template> result = new ArrayList<>();
        methodsByTemplate.forEach((template, methods) -> result.add(compile(template, methods)));
        return List.copyOf(result);
    }

    private static String httpMethod(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    static String join(String classPath, String methodPath) {
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static Template compile(String template, Set<String> methods) {
        StringBuilder regex = new StringBuilder();
        Matcher m = VARIABLE.matcher(template);
        int last = 0;
        int literals = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            literals += m.start() - last;
            regex.append(m.group(1) == null ? "[^/]+" : "(?:" + m.group(1).trim() + ")");
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append("/?");
        literals += template.length() - last;
        return new Template(Pattern.compile(regex.toString()), literals, Set.copyOf(methods));
    }
}
