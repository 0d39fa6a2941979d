package dev.staffing.assignment.personas;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Collection;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Serves the persona catalog. */
@RestController
@RequestMapping("/api/personas")
@Tag(name = "Personas", description = "The persona catalog: the roles seats ask for, and how critical each is")
class PersonaController {

    private final PersonaCatalog catalog;

    PersonaController(PersonaCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "List the personas of the catalog, in catalog order")
    @ApiResponse(responseCode = "200", description = "Every persona with its role, responsibilities and criticality")
    Collection<Persona> all() {
        return catalog.all();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One persona of the catalog")
    @ApiResponse(responseCode = "200", description = "The persona")
    @ApiResponse(responseCode = "404", description = "The catalog has no persona with this id")
    Persona one(@Parameter(description = "The persona's id, e.g. security-engineer") @PathVariable String id) {
        return catalog.find(id).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No persona with id '" + id + "'"));
    }
}
