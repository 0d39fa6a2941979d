package dev.staffing.events.wire;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A schema registry request failed. As such it is permanent: the registry refused this request (unknown
 * schema id, incompatible or invalid schema) and will refuse it again, so a record that needs it belongs
 * in a dead-letter topic. The subclass {@link RegistryUnavailableException} marks the failures that may
 * pass (the registry unreachable or failing on its side), which are worth retrying.
 */
public class SchemaRegistryException extends SerializationException {

    /** Stands for "none" in {@link #httpStatus()} and {@link #errorCode()}. */
    public static final int NONE = -1;

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(String message, int httpStatus) {
        this(message, httpStatus, NONE);
    }

    public SchemaRegistryException(String message, int httpStatus, int errorCode) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = NONE;
        this.errorCode = NONE;
    }

    /** The HTTP status the registry answered, or {@link #NONE} when it did not answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * The registry's own {@code error_code} (40403 unknown schema, 40901 incompatible, 42201 invalid, ...),
     * or {@link #NONE} when its answer had none.
     */
    public int errorCode() {
        return errorCode;
    }

    /** Whether the same request may succeed later; false for this class, true for the unavailable kind. */
    public boolean isTransient() {
        return false;
    }
}
