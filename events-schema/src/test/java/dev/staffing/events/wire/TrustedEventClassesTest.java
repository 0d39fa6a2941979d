package dev.staffing.events.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.staffing.events.EmployeeEvent;
import java.util.ArrayList;
import java.util.HashMap;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Avro 1.12 refuses to load classes outside its trusted packages by name, which is how a specific
 * reader finds the generated class of a writer schema. Each test starts from Avro's own default and
 * puts back whatever the JVM had.
 */
class TrustedEventClassesTest {

    private ClassSecurityPredicate before;

    @BeforeEach
    void startFromAvrosDefault() {
        before = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.DEFAULT);
    }

    @AfterEach
    void restore() {
        ClassSecurityValidator.setGlobal(before);
    }

    @Test
    void avroAloneRefusesTheGeneratedEventClasses() {
        assertThatThrownBy(() -> new SpecificData().getClass(EmployeeEvent.getClassSchema()))
                .isInstanceOf(SecurityException.class).hasMessageContaining("dev.staffing.events.EmployeeEvent");
    }

    @Test
    void aDeserializerMakesThemLoadable() {
        new AvroWireDeserializer();

        assertThat(new SpecificData().getClass(EmployeeEvent.getClassSchema())).isEqualTo(EmployeeEvent.class);
    }

    @Test
    void theUsersOwnTrustIsKeptAndNothingElseIsAdded() {
        ClassSecurityPredicate users = ClassSecurityValidator.composite(ClassSecurityValidator.DEFAULT,
                type -> type == ArrayList.class);
        ClassSecurityValidator.setGlobal(users);

        new AvroWireSerializer();

        ClassSecurityValidator.validate(ArrayList.class);
        ClassSecurityValidator.validate(EmployeeEvent.class);
        assertThatThrownBy(() -> ClassSecurityValidator.validate(HashMap.class)).isInstanceOf(SecurityException.class);
    }

    @Test
    void installingTwiceWrapsOnce() {
        TrustedEventClasses.install();
        ClassSecurityPredicate installed = ClassSecurityValidator.getGlobal();

        TrustedEventClasses.install();

        assertThat(ClassSecurityValidator.getGlobal()).isSameAs(installed);
    }
}
