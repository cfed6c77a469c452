package nl.doorbraak.platform;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem details with Dutch texts, and writes them where no Spring MVC
 * handler runs (security filters, the servlet container's error dispatch).
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(ProblemTexts.title(status));
        problem.setDetail(detail != null ? detail : ProblemTexts.detail(status));
        return problem;
    }

    public static ProblemDetail of(HttpStatusCode status) {
        return of(status, null);
    }

    public static void write(HttpServletResponse response, ObjectMapper mapper, HttpStatus status,
                             String detail, String instance) throws IOException {
        write(response, mapper, status, detail, instance, Map.of());
    }

    /** As {@link #write(HttpServletResponse, ObjectMapper, HttpStatus, String, String)}, with extension members. */
    public static void write(HttpServletResponse response, ObjectMapper mapper, HttpStatus status,
                             String detail, String instance, Map<String, Object> properties) throws IOException {
        ProblemDetail problem = of(status, detail);
        problem.setInstance(safeUri(instance));
        properties.forEach(problem::setProperty);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), problem);
    }

    /** A request path as problem instance, or none when it is not a valid URI reference. */
    static URI safeUri(String path) {
        if (path == null) {
            return null;
        }
        try {
            return new URI(path);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
