package dev.staffing.assignment.security;

import java.util.List;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is and what they may do, for the board and other clients that adapt to the caller's role. */
@RestController
class CurrentUserController {

    private final RoleHierarchy roles;

    CurrentUserController(RoleHierarchy roles) {
        this.roles = roles;
    }

    /** The caller's name (an id) and roles; {@code canChange} says whether write endpoints will accept them. */
    @GetMapping("/api/me")
    CurrentUserView me(Authentication authentication) {
        List<String> granted = roles.getReachableGrantedAuthorities(authentication.getAuthorities()).stream()
                .map(GrantedAuthority::getAuthority).filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length())).distinct().sorted().toList();
        return new CurrentUserView(authentication.getName(), granted,
                granted.contains(StaffingRole.MANAGER.name()));
    }

    /** The caller as {@code GET /api/me} shows them. */
    record CurrentUserView(String name, List<String> roles, boolean canChange) {
    }
}
