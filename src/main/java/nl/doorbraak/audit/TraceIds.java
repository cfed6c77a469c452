package nl.doorbraak.audit;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every HTTP request a trace id (the caller's {@code X-Request-ID} when it is a sane
 * token, else a new one), echoed in the response and written into every audit entry the
 * request causes, so entries, logs and the caller's own records can be matched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TraceIds extends OncePerRequestFilter {

    static final String MDC_KEY = "traceId";
    static final String HEADER = "X-Request-ID";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String traceId = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        MDC.put(MDC_KEY, traceId);
        response.setHeader(HEADER, traceId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
