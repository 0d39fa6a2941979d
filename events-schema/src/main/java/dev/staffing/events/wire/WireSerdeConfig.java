package dev.staffing.events.wire;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/** The configuration keys, named as Confluent names them. */
public final class WireSerdeConfig {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

    private WireSerdeConfig() {
    }

    static List<String> registryUrls(Map<String, ?> configs) {
        Object value = configs.get(SCHEMA_REGISTRY_URL);
        List<String> urls = value == null ? List.of() : Arrays.stream(value.toString().split(","))
                .map(String::trim).filter(url -> !url.isEmpty()).toList();
        if (urls.isEmpty()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, value,
                    "is required: the base URL of a registry with the Confluent REST API");
        }
        return urls;
    }

    static boolean flag(Map<String, ?> configs, String key, boolean defaultValue) {
        Object value = configs.get(key);
        return value == null ? defaultValue : Boolean.parseBoolean(value.toString());
    }

    /** The user:password for HTTP basic auth, when {@code basic.auth.credentials.source} is USER_INFO. */
    static String userInfo(Map<String, ?> configs) {
        Object source = configs.get(BASIC_AUTH_CREDENTIALS_SOURCE);
        Object userInfo = configs.get(BASIC_AUTH_USER_INFO);
        if (userInfo == null || userInfo.toString().isBlank()) {
            return null;
        }
        if (source != null && !"USER_INFO".equalsIgnoreCase(source.toString())) {
            throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, source, "only USER_INFO is supported");
        }
        return userInfo.toString();
    }
}
