package dev.staffing.assignment.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the class only where a Docker engine answers and already holds every named image (the build
 * machines reach no image registry, so a missing image could never be pulled). Otherwise the class is
 * skipped, and the reason is printed, never silently passed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DockerImagesCondition.class)
public @interface EnabledIfDockerImages {

    String[] value();
}
