package dev.staffing.assignment.messaging;

import dev.staffing.events.wire.RegistryUnavailableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import org.apache.kafka.common.serialization.Deserializer;
import org.springframework.beans.BeanUtils;
import org.springframework.util.ClassUtils;

/**
 * What the service's readers of Avro topics share: the configured value deserializer
 * ({@code staffing.ingest.value-deserializer}), and which decoding failures may pass.
 */
public final class ValueDecoding {

    private ValueDecoding() {
    }

    /** The configured value deserializer, not yet configured itself. */
    public static Deserializer<?> instantiate(String className) {
        try {
            Class<?> type = ClassUtils.forName(className, ValueDecoding.class.getClassLoader());
            return (Deserializer<?>) BeanUtils.instantiateClass(type);
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IllegalStateException("staffing.ingest.value-deserializer names " + className
                    + ", which is not a Kafka Deserializer on the classpath", e);
        }
    }

    /**
     * A registry that cannot be reached may come back; bytes that cannot be read never will. Corrupt
     * Avro surfaces as an EOFException, an IOException too, so only network failures count as transient.
     */
    public static boolean isTransient(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RegistryUnavailableException || cause instanceof SocketException
                    || cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException
                    || cause instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }
}
