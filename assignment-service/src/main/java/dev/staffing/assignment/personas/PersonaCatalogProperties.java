package dev.staffing.assignment.personas;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The persona catalog as configuration ({@code staffing.personas.<id>.*}). Maps merge across
 * configuration sources, so an organisation adds a persona in its own configuration file without a
 * release or a schema change.
 */
@Validated
@ConfigurationProperties(prefix = "staffing")
public record PersonaCatalogProperties(@NotEmpty Map<String, @Valid PersonaDefinition> personas) {

    /** A persona as written in configuration; its id is the map key. */
    public record PersonaDefinition(
            @NotBlank String name,
            @NotBlank String role,
            @DefaultValue List<String> responsibilities,
            @DefaultValue("NORMAL") Criticality criticality) {
    }
}
