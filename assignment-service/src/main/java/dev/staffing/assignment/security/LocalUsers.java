package dev.staffing.assignment.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The two local users of the zero-configuration service: a manager and a reader. A password that is not
 * configured is generated from a secure random source and printed once, in one log line at start, so that a
 * newcomer can sign in and an operator knows the API is not open.
 */
final class LocalUsers {

    private static final Logger log = LoggerFactory.getLogger(LocalUsers.class);

    private LocalUsers() {
    }

    /** The users, their passwords stored encoded. */
    static InMemoryUserDetailsManager create(SecuritySettings.LocalUsers settings, PasswordEncoder encoder) {
        SecureRandom random = new SecureRandom();
        String managerPassword = orGenerated(settings.managerPassword(), random);
        String readerPassword = orGenerated(settings.readerPassword(), random);
        if (settings.managerName().equals(settings.readerName())) {
            throw new IllegalStateException("staffing.security.local-users: manager-name and reader-name are both '"
                    + settings.managerName() + "'; give the two local users different names");
        }
        UserDetails manager = User.withUsername(settings.managerName()).password(encoder.encode(managerPassword))
                .roles(StaffingRole.MANAGER.name()).build();
        UserDetails reader = User.withUsername(settings.readerName()).password(encoder.encode(readerPassword))
                .roles(StaffingRole.READER.name()).build();
        log.warn("Local users (no identity provider configured): manager '{}' password {}, reader '{}' password {}."
                + " Set staffing.security.local-users.* to choose them, or configure a JWT issuer for production.",
                settings.managerName(), shown(settings.managerPassword(), managerPassword),
                settings.readerName(), shown(settings.readerPassword(), readerPassword));
        return new InMemoryUserDetailsManager(manager, reader);
    }

    private static String orGenerated(String configured, SecureRandom random) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String shown(String configured, String password) {
        return configured != null && !configured.isBlank() ? "(configured)" : "'" + password + "' (generated)";
    }
}
