package dev.staffing.events.wire;

/**
 * The registry could not be reached, failed on its side (5xx), asked to be called later (408, 429),
 * refused our credentials (401, 403) or answered like something that is not a registry (a 404 without
 * a registry error code, as from a wrong {@code schema.registry.url}). None of these says anything about
 * the record: retry rather than dead-letter.
 */
public class RegistryUnavailableException extends SchemaRegistryException {

    public RegistryUnavailableException(String message, int httpStatus, int errorCode) {
        super(message, httpStatus, errorCode);
    }

    public RegistryUnavailableException(String message, int httpStatus) {
        super(message, httpStatus);
    }

    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
