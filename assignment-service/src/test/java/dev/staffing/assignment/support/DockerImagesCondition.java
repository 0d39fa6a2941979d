package dev.staffing.assignment.support;

import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.testcontainers.DockerClientFactory;

/** The condition behind {@link EnabledIfDockerImages}. */
class DockerImagesCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        var annotation = AnnotationSupport.findAnnotation(context.getElement(), EnabledIfDockerImages.class);
        if (annotation.isEmpty()) {
            return ConditionEvaluationResult.enabled("no images required");
        }
        String testName = context.getDisplayName();
        if (!dockerAvailable()) {
            return skipped(testName + " SKIPPED: no Docker engine is available here, so its Testcontainers "
                    + "variant cannot run (the same flow runs against an in-JVM broker in StaffingFlowH2Test "
                    + "and StaffingFlowPostgresTest)");
        }
        List<String> missing = List.of(annotation.get().value()).stream().filter(image -> !imagePresent(image))
                .toList();
        if (!missing.isEmpty()) {
            return skipped(testName + " SKIPPED: Docker runs but lacks the images " + missing
                    + " and cannot pull them here; docker pull them to run it");
        }
        return ConditionEvaluationResult.enabled("Docker and images " + List.of(annotation.get().value())
                + " present");
    }

    private static ConditionEvaluationResult skipped(String reason) {
        System.err.println("[WARNING] " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static boolean imagePresent(String image) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
