package nl.doorbraak.platform;

import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.validation.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriUtils;

/**
 * A query parameter of the API given twice ({@code ?page=1&page=2}, {@code ?status=a&status=b})
 * is refused with a 400 naming it, unless the endpoint declares it a list: Spring would silently
 * take the first value for a {@code Map<String, String>} and join them with a comma for a
 * {@code String}, so the caller would get a different list than the one asked for.
 */
@Configuration(proxyBeanMethods = false)
class RepeatedQueryParameters implements WebMvcConfigurer, HandlerInterceptor {

    /** Stands for every parameter, when an endpoint takes them all as lists. */
    private static final String ALL = "\u0000all";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Map<String, Integer> counts = counts(request.getQueryString());
        Set<String> lists = declaredLists(handler);
        List<FieldError> errors = new ArrayList<>();
        counts.forEach((name, count) -> {
            if (count > 1 && !lists.contains(name) && !lists.contains(ALL)) {
                errors.add(new FieldError(name, "Parameter '" + echo(name) + "' komt " + count
                        + " keer voor; geef elke parameter één keer mee."));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return true;
    }

    /** How often each parameter name occurs in the query string, decoded as the servlet container decodes it. */
    static Map<String, Integer> counts(String query) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return counts;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String name = pair.substring(0, pair.indexOf('=') < 0 ? pair.length() : pair.indexOf('='));
            try {
                name = UriUtils.decode(name.replace('+', ' '), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                // counted as written; the firewall and the parameter rules deal with malformed escapes
            }
            counts.merge(name, 1, Integer::sum);
        }
        return counts;
    }

    /** The parameters an endpoint takes as a list (a List, an array, or all of them as a MultiValueMap). */
    private static Set<String> declaredLists(Object handler) {
        Set<String> lists = new HashSet<>();
        if (!(handler instanceof HandlerMethod method)) {
            return lists;
        }
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            Class<?> type = parameter.getParameterType();
            if (MultiValueMap.class.isAssignableFrom(type)) {
                lists.add(ALL);
            } else if (Collection.class.isAssignableFrom(type) || type.isArray()) {
                lists.add(param.name().isEmpty() ? param.value().isEmpty() ? parameter.getParameterName()
                        : param.value() : param.name());
            }
        }
        return lists;
    }

    private static String echo(String name) {
        String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
