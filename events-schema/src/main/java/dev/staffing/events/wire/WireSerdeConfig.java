package dev.staffing.events.wire;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * The configuration keys, spelled as Confluent spells them, so that a configuration written for
 * Confluent's KafkaAvroSerializer and KafkaAvroDeserializer works here unchanged, and back.
 */
public final class WireSerdeConfig {

    /** Required: the registry base URL, or several separated by commas (tried in turn). */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** Serializer: register a record's schema under its subject (default true), or only look it up. */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /** Serializer: write with the subject's latest schema. Not supported: only false (the default) is accepted. */
    public static final String USE_LATEST_VERSION = "use.latest.version";
    /** Deserializer: return generated SpecificRecord classes (true) or GenericRecords (false, the default). */
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    /** Where basic-auth credentials come from: USER_INFO ({@link #BASIC_AUTH_USER_INFO}) or URL (user:password@host). */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    /** {@code user:password} for HTTP basic auth against the registry. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Only Confluent's default, TopicNameStrategy ({@code <topic>-key}), is supported. */
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    /** Only Confluent's default, TopicNameStrategy ({@code <topic>-value}), is supported. */
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

    private WireSerdeConfig() {
    }

    /** The client for the configured registry, with the credentials configured for it. */
    static SchemaRegistryClient registryClient(Map<String, ?> configs, boolean isKey) {
        String strategyKey = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
        Object strategy = configs.get(strategyKey);
        if (strategy != null && !strategy.toString().endsWith("TopicNameStrategy")) {
            throw new ConfigException(strategyKey, strategy, "only TopicNameStrategy (<topic>-key, <topic>-value) "
                    + "is supported by " + WireSerdeConfig.class.getPackageName());
        }
        List<URI> urls = registryUrls(configs);
        return new SchemaRegistryClient(urls.stream().map(WireSerdeConfig::withoutUserInfo).toList(),
                userInfo(configs, urls.get(0)));
    }

    static boolean flag(Map<String, ?> configs, String key, boolean defaultValue) {
        Object value = configs.get(key);
        if (value == null || value instanceof Boolean) {
            return value == null ? defaultValue : (Boolean) value;
        }
        String text = value.toString().trim();
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw new ConfigException(key, value, "must be true or false");
        }
        return Boolean.parseBoolean(text);
    }

    private static List<URI> registryUrls(Map<String, ?> configs) {
        Object value = configs.get(SCHEMA_REGISTRY_URL);
        List<String> texts = value == null ? List.of()
                : value instanceof List<?> list ? list.stream().map(Object::toString).toList()
                : Arrays.asList(value.toString().split(","));
        List<String> urls = texts.stream().map(String::trim).filter(url -> !url.isEmpty()).toList();
        if (urls.isEmpty()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, value,
                    "is required: the base URL of a registry with the Confluent REST API");
        }
        try {
            return urls.stream().map(URI::create).toList();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, value, "is not a URL: " + e.getMessage());
        }
    }

    /** USER_INFO (the default here when user info is given) or URL; Confluent's SASL_INHERIT is not supported. */
    private static String userInfo(Map<String, ?> configs, URI firstUrl) {
        Object source = configs.get(BASIC_AUTH_CREDENTIALS_SOURCE);
        Object userInfo = configs.get(BASIC_AUTH_USER_INFO);
        boolean userInfoGiven = userInfo != null && !userInfo.toString().isBlank();
        if (source == null) {
            return userInfoGiven ? userInfo.toString() : firstUrl.getUserInfo();
        }
        return switch (source.toString().trim().toUpperCase(Locale.ROOT)) {
            case "USER_INFO" -> {
                if (!userInfoGiven) {
                    throw new ConfigException(BASIC_AUTH_USER_INFO, null, "is required when "
                            + BASIC_AUTH_CREDENTIALS_SOURCE + " is USER_INFO");
                }
                yield userInfo.toString();
            }
            case "URL" -> firstUrl.getUserInfo();
            default -> throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, source,
                    "only USER_INFO and URL are supported");
        };
    }

    private static String withoutUserInfo(URI url) {
        return url.getRawUserInfo() == null ? url.toString() : url.toString().replace(url.getRawUserInfo() + "@", "");
    }
}
