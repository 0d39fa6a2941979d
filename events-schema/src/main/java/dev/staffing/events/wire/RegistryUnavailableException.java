package dev.staffing.events.wire;

/** The registry could not be reached or failed on its side (5xx): the same request may work later. */
public class RegistryUnavailableException extends SchemaRegistryException {

    public RegistryUnavailableException(String message, int httpStatus) {
        super(message, httpStatus);
    }

    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
