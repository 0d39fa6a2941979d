package dev.staffing.events.wire;

import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Avro 1.12 instantiates only classes of trusted packages. This adds the generated event classes of
 * {@code dev.staffing.events} to whatever the JVM already trusts (its defaults, or the user's
 * {@code org.apache.avro.SERIALIZABLE_PACKAGES}), once; nothing else is trusted by it.
 */
public final class TrustedEventClasses {

    private static final String PACKAGE_PREFIX = "dev.staffing.events.";

    private TrustedEventClasses() {
    }

    /** Idempotent: installs the extension of Avro's global validator if it is not there yet. */
    public static synchronized void install() {
        ClassSecurityPredicate current = ClassSecurityValidator.getGlobal();
        if (current instanceof EventPackagePredicate) {
            return;
        }
        ClassSecurityValidator.setGlobal(new EventPackagePredicate(current));
    }

    private record EventPackagePredicate(ClassSecurityPredicate delegate) implements ClassSecurityPredicate {

        @Override
        public boolean isTrusted(Class<?> type) {
            return type.getName().startsWith(PACKAGE_PREFIX) || delegate.isTrusted(type);
        }

        @Override
        public void forbiddenClass(String className) {
            delegate.forbiddenClass(className);
        }
    }
}
