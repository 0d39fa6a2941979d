package dev.staffing.events.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** Configuration as Confluent's serde reads it, refused clearly where this one does less. */
class WireSerdeConfigTest {

    private static final String URL = "http://127.0.0.1:1";

    @Test
    void registryUrlIsRequired() {
        assertThatThrownBy(() -> new AvroWireSerializer().configure(Map.of(), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> new AvroWireDeserializer().configure(Map.of(
                WireSerdeConfig.SCHEMA_REGISTRY_URL, " , "), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
    }

    @Test
    void useLatestVersionIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> new AvroWireSerializer().configure(Map.of(WireSerdeConfig.SCHEMA_REGISTRY_URL, URL,
                WireSerdeConfig.USE_LATEST_VERSION, true), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("use.latest.version");
        new AvroWireSerializer().configure(Map.of(WireSerdeConfig.SCHEMA_REGISTRY_URL, URL,
                WireSerdeConfig.USE_LATEST_VERSION, "false"), false);
    }

    @Test
    void onlyTheTopicNameStrategyIsAccepted() {
        assertThatThrownBy(() -> new AvroWireSerializer().configure(Map.of(WireSerdeConfig.SCHEMA_REGISTRY_URL, URL,
                WireSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                "io.confluent.kafka.serializers.subject.RecordNameStrategy"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("TopicNameStrategy");
        new AvroWireSerializer().configure(Map.of(WireSerdeConfig.SCHEMA_REGISTRY_URL, URL,
                WireSerdeConfig.KEY_SUBJECT_NAME_STRATEGY,
                "io.confluent.kafka.serializers.subject.TopicNameStrategy"), true);
    }

    @Test
    void flagsAreBooleansOrTheirStrings() {
        assertThat(WireSerdeConfig.flag(Map.of("k", "TRUE"), "k", false)).isTrue();
        assertThat(WireSerdeConfig.flag(Map.of("k", false), "k", true)).isFalse();
        assertThat(WireSerdeConfig.flag(Map.of(), "k", true)).isTrue();
        assertThatThrownBy(() -> WireSerdeConfig.flag(Map.of("k", "yes"), "k", false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("true or false");
    }

    @Test
    void userInfoSourceMustBeOneThisSerdeKnows() {
        assertThatThrownBy(() -> WireSerdeConfig.registryClient(Map.of(WireSerdeConfig.SCHEMA_REGISTRY_URL, URL,
                WireSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "SASL_INHERIT"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("USER_INFO");
        assertThatThrownBy(() -> WireSerdeConfig.registryClient(Map.of(WireSerdeConfig.SCHEMA_REGISTRY_URL, URL,
                WireSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("basic.auth.user.info");
    }
}
