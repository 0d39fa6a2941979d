package dev.staffing.assignment.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access control settings ({@code staffing.security.*}).
 *
 * @param localUsers the two local users (manager and reader) that the service authenticates itself
 * @param jwt how the claims of a JWT from the identity provider map to the service's roles; JWTs are accepted
 *     when {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, {@code jwk-set-uri} or
 *     {@code public-key-location} is set
 */
@ConfigurationProperties("staffing.security")
public record SecuritySettings(@DefaultValue LocalUsers localUsers, @DefaultValue Jwt jwt) {

    /**
     * The local users, checked by HTTP basic authentication (API clients) and a login form (browsers).
     *
     * @param enabled on, off, or unset: on exactly when no JWT issuer or key is configured
     * @param managerName user name of the local manager (reads and changes)
     * @param managerPassword its password; unset: generated at start and printed once in the log
     * @param readerName user name of the local reader (reads only)
     * @param readerPassword its password; unset: generated at start and printed once in the log
     */
    public record LocalUsers(Boolean enabled, @DefaultValue("manager") String managerName, String managerPassword,
            @DefaultValue("viewer") String readerName, String readerPassword) {
    }

    /**
     * How a JWT's claims map to the service's roles.
     *
     * @param rolesClaim the claim that lists the caller's roles; a dotted path reaches into nested objects
     *     ({@code realm_access.roles} for Keycloak); a space-separated string is read as a list ({@code scope})
     * @param readerRole the role value that grants {@link StaffingRole#READER}
     * @param managerRole the role value that grants {@link StaffingRole#MANAGER}
     * @param principalClaim the claim that names the caller in audits and acknowledgements (an id, not a name)
     */
    public record Jwt(@DefaultValue("roles") String rolesClaim, @DefaultValue("staffing-reader") String readerRole,
            @DefaultValue("staffing-manager") String managerRole, @DefaultValue("sub") String principalClaim) {
    }
}
