package dev.staffing.assignment.staffing;

import dev.staffing.assignment.engine.AssignmentEngine;
import dev.staffing.assignment.engine.FlowAssignmentEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    @Bean
    AssignmentEngine assignmentEngine() {
        return new FlowAssignmentEngine();
    }
}
