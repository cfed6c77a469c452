package nl.doorbraak.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import nl.doorbraak.platform.ApiVersion;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.DispatcherTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.util.unit.DataSize;

/**
 * Four filter chains: the API (stateless, HTTP Basic against the Camunda identities, NL GOV
 * security headers), the Camunda webapps (which authenticate their users themselves and carry
 * their own CSRF protection; what they may write is the application's rule), the application's own
 * web pages (every other address: form login against the same identities, a session, CSRF tokens),
 * and the rest (health, the API documentation, the error dispatch), where everything not allowed here
 * is denied.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String OPENAPI = "/api/v1/openapi.json";

    /**
     * Matches on the whole path: the Camunda webapps run in servlets of their own, which
     * Spring MVC's servlet-path-relative matchers would not see.
     */
    static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    @Bean
    AuthenticationManager authenticationManager(CamundaIdentityAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemSecurityResponses problems,
                                    AuthenticationManager authenticationManager) throws Exception {
        return http
                .securityMatcher(path("/api/**"))
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path(HttpMethod.GET, OPENAPI), path(HttpMethod.GET, OPENAPI + "/**")).permitAll()
                        .requestMatchers(path("/api/v1/**")).authenticated()
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // stateless: no session cookie for a forged request to ride on
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        .cacheControl(cache -> cache.disable())
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .addHeaderWriter(new StaticHeadersWriter("Cache-Control", "no-store"))
                        .addHeaderWriter(new StaticHeadersWriter(ApiVersion.HEADER, ApiVersion.CURRENT)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain camundaWebappSecurity(HttpSecurity http, LoginThrottle throttle, LoginRefusals logins,
                                              ProblemSecurityResponses problems, WebappWriteRules writeRules,
                                              ObjectMapper objectMapper, ApplicationEventPublisher events,
                                              ProcessEngine processEngine,
                                              @Value("${camunda.bpm.webapp.application-path:/camunda}") String applicationPath,
                                              @Value("${doorbraak.api.max-body-size:1MB}") DataSize maxBodySize)
            throws Exception {
        return http
                .securityMatcher(path("/camunda/**"))
                // their login checks passwords itself: under the same throttle as the API and the web pages
                .addFilterBefore(new WebappLoginThrottle(throttle, logins, problems), AuthorizationFilter.class)
                // Tasklist, Cockpit and Admin authenticate against the same identities themselves,
                // enforce Camunda authorizations, and bring their own CSRF filter; what they may
                // write is decided here first (WebappWriteRules), before any of their filters runs
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .addFilterAfter(new WebappWriteGuard(writeRules, objectMapper, events, processEngine.getName(),
                        applicationPath, maxBodySize.toBytes()), AuthorizationFilter.class)
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers
                        .cacheControl(cache -> cache.disable())
                        .frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pageSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
                                     FormLoginFailures loginFailures) throws Exception {
        // a refused form goes to the web module, which tells an expired session from a forgery (docs/web.md)
        AccessDeniedHandlerImpl refusedForm = new AccessDeniedHandlerImpl();
        refusedForm.setErrorPage(WebPagePaths.REFUSED_FORM);
        return http
                // every address that is not the API, Camunda, health or the API documentation: an unknown
                // one asks for a login and then answers with the pages' own 404
                .securityMatcher(WebPagePaths.PAGES)
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // the refused form's forward (from the access-denied handler below) decides for itself
                        .requestMatchers(new AndRequestMatcher(new DispatcherTypeRequestMatcher(DispatcherType.FORWARD),
                                path(WebPagePaths.REFUSED_FORM))).permitAll()
                        // what a page pulls in, and what browsers and robots ask for by themselves, answers
                        // without a login: never a refusal on the audit trail for a page view
                        .requestMatchers(path(HttpMethod.GET, "/assets/**"), path(HttpMethod.GET, "/favicon.ico"),
                                path(HttpMethod.GET, "/robots.txt"), path("/login")).permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors.accessDeniedHandler(refusedForm))
                .formLogin(form -> form.loginPage("/login").failureHandler(loginFailures).defaultSuccessUrl("/"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?afgemeld"))
                // CSRF protection stays on (Spring Security's default): every POST carries the session's token
                .headers(headers -> headers
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; script-src 'self'; "
                                + "style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
                                + "frame-ancestors 'none'"))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                                "camera=(), microphone=(), geolocation=()")))
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain defaultSecurity(HttpSecurity http, ProblemSecurityResponses problems,
                                        AuthenticationManager authenticationManager) throws Exception {
        return http
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(path("/error")).permitAll()
                        .requestMatchers(path(HttpMethod.GET, "/actuator/health"),
                                path(HttpMethod.GET, "/actuator/health/**"), path(HttpMethod.GET, "/swagger-ui.html"),
                                path(HttpMethod.GET, "/swagger-ui/**")).permitAll()
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .build();
    }
}
