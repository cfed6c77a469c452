package nl.doorbraak.platform;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Request targets refused before any application code runs answer with problem+json like every
 * other error: those Tomcat refuses while parsing the request line (an encoded slash or
 * backslash, a path that climbs above the root, a NUL), which would otherwise get Tomcat's HTML
 * error page, and those Spring Security's {@code StrictHttpFirewall} refuses (path parameters,
 * double slashes, encoded percent signs, line breaks).
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests {

    static final String DETAIL = "Het adres van het verzoek bevat tekens of reeksen die niet zijn toegestaan.";

    /** Picked up by Spring Security's {@code WebSecurity} for every filter chain. */
    @Bean
    RequestRejectedHandler problemRequestRejectedHandler(ObjectMapper objectMapper) {
        return (request, response, rejected) -> Problems.write(response, objectMapper, HttpStatus.BAD_REQUEST, DETAIL,
                request.getRequestURI());
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemForRejectedRequestLines(ObjectMapper objectMapper) {
        return factory -> factory.addEngineValves(new RejectedRequestLineValve(objectMapper));
    }

    /**
     * First in the engine's pipeline: when Tomcat has already refused the request line (it sets
     * the error before the pipeline runs, and no application error page applies), the answer is
     * written here and the request goes no further.
     */
    static final class RejectedRequestLineValve extends ValveBase {

        private final ObjectMapper objectMapper;

        RejectedRequestLineValve(ObjectMapper objectMapper) {
            super(true);
            this.objectMapper = objectMapper;
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            if (!response.isError() || response.getStatus() != HttpStatus.BAD_REQUEST.value() || response.isCommitted()) {
                getNext().invoke(request, response);
                return;
            }
            // sendError suspended the response; take it back to write the problem instead of Tomcat's page
            response.setSuspended(false);
            response.resetBuffer();
            response.setErrorReported();
            Problems.write(response, objectMapper, HttpStatus.BAD_REQUEST, DETAIL, request.getRequestURI());
            response.finishResponse();
        }
    }
}
