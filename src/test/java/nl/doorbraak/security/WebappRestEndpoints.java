package nl.doorbraak.security;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import org.camunda.bpm.admin.impl.web.AdminApplication;
import org.camunda.bpm.cockpit.impl.web.CockpitApplication;
import org.camunda.bpm.tasklist.impl.web.TasklistApplication;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.camunda.bpm.welcome.impl.web.WelcomeApplication;

/**
 * Every endpoint the Camunda webapps serve under {@code /camunda/api/}, found the way Jersey
 * finds them: from the JAX-RS applications the webapp starter registers, their root resources,
 * sub-resource locators and resource methods (annotations on a method or on the interface it
 * implements). A release that adds an endpoint adds it here.
 */
final class WebappRestEndpoints {

    /** One endpoint: HTTP method, path template below {@code /camunda}, and the Java method serving it. */
    record Endpoint(String method, String template, Method javaMethod) {

        /** A POST that only reads: the engine's and Cockpit's query methods are all named query…. */
        boolean isQuery() {
            return method.equals("POST") && javaMethod.getName().startsWith("query");
        }

        boolean isRead() {
            return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || isQuery();
        }

        @Override
        public String toString() {
            return method + " " + template + " (" + javaMethod.getDeclaringClass().getSimpleName() + "."
                    + javaMethod.getName() + ")";
        }
    }

    private static final List<Class<? extends Annotation>> HTTP_METHODS = List.of(GET.class, POST.class, PUT.class,
            DELETE.class, HEAD.class, OPTIONS.class, PATCH.class);

    private WebappRestEndpoints() {
    }

    /** Every endpoint, by the servlet path of its application (as CamundaBpmWebappInitializer maps them). */
    static List<Endpoint> all() {
        Map<String, Application> applications = new LinkedHashMap<>();
        applications.put("api/engine", new EngineRestApplication());
        applications.put("api/cockpit", new CockpitApplication());
        applications.put("api/admin", new AdminApplication());
        applications.put("api/tasklist", new TasklistApplication());
        applications.put("api/welcome", new WelcomeApplication());
        List<Endpoint> endpoints = new ArrayList<>();
        applications.forEach((servletPath, application) -> {
            List<Class<?>> roots = new ArrayList<>(application.getClasses());
            application.getSingletons().forEach(singleton -> roots.add(singleton.getClass()));
            for (Class<?> root : roots) {
                Path path = root.getAnnotation(Path.class);
                if (path != null) {
                    walk(root, join(servletPath, path.value()), endpoints, 0);
                }
            }
        });
        return endpoints;
    }

    private static void walk(Class<?> resource, String prefix, List<Endpoint> endpoints, int depth) {
        if (depth > 10) {
            throw new IllegalStateException("Resources nested deeper than expected below " + prefix);
        }
        for (Method method : resource.getMethods()) {
            Optional<Method> annotated = annotated(method);
            if (annotated.isEmpty()) {
                continue;
            }
            Path path = annotated.get().getAnnotation(Path.class);
            String template = path == null ? prefix : join(prefix, path.value());
            Optional<String> httpMethod = httpMethod(annotated.get());
            if (httpMethod.isPresent()) {
                endpoints.add(new Endpoint(httpMethod.get(), normalised(template), method));
            } else if (path != null) {
                walk(method.getReturnType(), template, endpoints, depth + 1);
            }
        }
    }

    /** The method itself, or the method it implements, that carries the JAX-RS annotations. */
    private static Optional<Method> annotated(Method method) {
        if (isJaxRs(method)) {
            return Optional.of(method);
        }
        for (Class<?> type = method.getDeclaringClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> candidate : withInterfaces(type)) {
                try {
                    Method declared = candidate.getDeclaredMethod(method.getName(), method.getParameterTypes());
                    if (isJaxRs(declared)) {
                        return Optional.of(declared);
                    }
                } catch (NoSuchMethodException notHere) {
                    // look further up
                }
            }
        }
        return Optional.empty();
    }

    private static List<Class<?>> withInterfaces(Class<?> type) {
        List<Class<?>> types = new ArrayList<>(List.of(type));
        for (Class<?> implemented : type.getInterfaces()) {
            types.addAll(withInterfaces(implemented));
        }
        return types;
    }

    private static boolean isJaxRs(Method method) {
        return method.isAnnotationPresent(Path.class) || httpMethod(method).isPresent();
    }

    private static Optional<String> httpMethod(Method method) {
        return HTTP_METHODS.stream().filter(method::isAnnotationPresent).map(Class::getSimpleName).findFirst();
    }

    private static String join(String prefix, String path) {
        return (prefix + "/" + path).replaceAll("/+", "/").replaceAll("/$", "");
    }

    /** Path parameters without their regular expressions: {@code {id:.+}} becomes {@code {id}}. */
    private static String normalised(String template) {
        return template.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*(:[^}]*)?}", "{$1}");
    }
}
