package dev.staffing.assignment.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what. {@code /actuator/health} is public (load balancers, orchestrators); reading anything else
 * needs the reader role; any other method (POST, PUT, PATCH, DELETE) needs the manager role. Callers
 * authenticate with a JWT from the identity provider when one is configured, and with the local users (HTTP
 * basic for API clients, a login form for browsers) unless they are switched off.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebSecurityConfiguration.class);

    /** Scripts, styles and connections only from the service itself: the board works offline and loads nothing else. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'";

    @Bean
    RoleHierarchy staffingRoleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix().role(StaffingRole.MANAGER.name())
                .implies(StaffingRole.READER.name()).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The local users, or none when they are off (the application then authenticates by JWT only). */
    @Bean
    UserDetailsService localUserDetails(SecuritySettings settings, ObjectProvider<JwtDecoder> jwtDecoder,
            PasswordEncoder encoder) {
        if (!localUsersEnabled(settings, jwtDecoder)) {
            return new InMemoryUserDetailsManager();
        }
        return LocalUsers.create(settings.localUsers(), encoder);
    }

    @Bean
    SecurityFilterChain staffingSecurity(HttpSecurity http, SecuritySettings settings,
            ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        boolean local = localUsersEnabled(settings, jwtDecoder);
        boolean jwt = jwtDecoder.getIfAvailable() != null;
        if (!local && !jwt) {
            throw new IllegalStateException("staffing.security.local-users.enabled is false and no JWT issuer or key"
                    + " is configured (spring.security.oauth2.resourceserver.jwt.*): nobody could sign in");
        }
        log.info("Access control: {}{}", jwt ? "JWT bearer tokens" : "", local ? (jwt ? " and local users" : "local users")
                : "");
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**", "/error", "/login", "/favicon.ico")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/**").hasRole(StaffingRole.READER.name())
                .requestMatchers(HttpMethod.HEAD, "/**").hasRole(StaffingRole.READER.name())
                .anyRequest().hasRole(StaffingRole.MANAGER.name()));
        // A browser's session (login form) needs a CSRF token on a form post; a JSON body, or a PUT, PATCH or
        // DELETE, cannot come from another site's form, and a bearer token is never sent by the browser unasked.
        http.csrf(csrf -> csrf.requireCsrfProtectionMatcher(WebSecurityConfiguration::needsCsrfToken));
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        RequestMatcher actuator = PathPatternRequestMatcher.withDefaults().matcher("/actuator/**");
        if (local) {
            BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
            basic.setRealmName("staffing");
            basic.afterPropertiesSet();
            http.httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(basic));
            http.formLogin(form -> { });
            http.logout(logout -> { });
            // API clients and scrapers get a 401, not the login page.
            http.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(basic, api)
                    .defaultAuthenticationEntryPointFor(basic, actuator));
        }
        if (jwt) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .jwt(token -> token.jwtAuthenticationConverter(new JwtRoles(settings.jwt()))));
        }
        return http.build();
    }

    private static boolean needsCsrfToken(jakarta.servlet.http.HttpServletRequest request) {
        String method = request.getMethod();
        if (!HttpMethod.POST.matches(method)) {
            return false;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        String contentType = request.getContentType();
        if (contentType == null) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !(type.isCompatibleWith(MediaType.APPLICATION_JSON) && "json".equals(type.getSubtype())
                    || type.getSubtype().endsWith("+json"));
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            return true;
        }
    }

    private static boolean localUsersEnabled(SecuritySettings settings, ObjectProvider<JwtDecoder> jwtDecoder) {
        Boolean enabled = settings.localUsers().enabled();
        return enabled != null ? enabled : jwtDecoder.getIfAvailable() == null;
    }
}
