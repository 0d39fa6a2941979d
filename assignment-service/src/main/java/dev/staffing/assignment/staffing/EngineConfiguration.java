package dev.staffing.assignment.staffing;

import dev.staffing.assignment.alerts.GapProperties;
import dev.staffing.assignment.engine.EngineSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    @Bean
    EngineSettings engineSettings(GapProperties gaps, EngineProperties engine) {
        return new EngineSettings((int) Math.min(gaps.horizon().toDays(), 1_000_000), engine.churnBudget());
    }
}
