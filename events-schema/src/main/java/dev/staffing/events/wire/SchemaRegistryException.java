package dev.staffing.events.wire;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The registry refused a request for good (unknown schema id, incompatible or invalid schema).
 * Retrying the same request will not help.
 */
public class SchemaRegistryException extends SerializationException {

    private final int httpStatus;

    public SchemaRegistryException(String message, int httpStatus) {
        super(message);
        this.httpStatus = httpStatus;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = -1;
    }

    /** The HTTP status the registry answered, or -1 when it did not answer. */
    public int httpStatus() {
        return httpStatus;
    }
}
