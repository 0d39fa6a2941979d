package dev.staffing.assignment.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a validated JWT into the caller's roles: the values of the configured roles claim that name the reader
 * or the manager role. A token with neither is authenticated but may do nothing (403, not 401).
 */
final class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecuritySettings.Jwt settings;

    JwtRoles(SecuritySettings.Jwt settings) {
        this.settings = settings;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        for (String role : claimValues(jwt.getClaims(), settings.rolesClaim())) {
            if (role.equals(settings.managerRole())) {
                authorities.add(new SimpleGrantedAuthority(StaffingRole.MANAGER.authority()));
            } else if (role.equals(settings.readerRole())) {
                authorities.add(new SimpleGrantedAuthority(StaffingRole.READER.authority()));
            }
        }
        String name = jwt.getClaimAsString(settings.principalClaim());
        return new JwtAuthenticationToken(jwt, authorities, name == null ? jwt.getSubject() : name);
    }

    /** The strings at a dotted claim path: a list of strings, or one string split on spaces. */
    static List<String> claimValues(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return List.of();
            }
            value = map.get(part);
        }
        List<String> values = new ArrayList<>();
        if (value instanceof String text) {
            for (String word : text.trim().split("\\s+")) {
                if (!word.isEmpty()) {
                    values.add(word);
                }
            }
        } else if (value instanceof Collection<?> items) {
            items.stream().filter(String.class::isInstance).map(String.class::cast).forEach(values::add);
        }
        return values;
    }
}
