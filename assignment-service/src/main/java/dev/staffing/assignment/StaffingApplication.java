package dev.staffing.assignment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The staffing assignment service: HR events in, assignments and gap alerts out. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class StaffingApplication {

    public static void main(String[] args) {
        SpringApplication.run(StaffingApplication.class, args);
    }
}
