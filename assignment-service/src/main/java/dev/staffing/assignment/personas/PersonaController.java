package dev.staffing.assignment.personas;

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
class PersonaController {

    private final PersonaCatalog catalog;

    PersonaController(PersonaCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    Collection<Persona> all() {
        return catalog.all();
    }

    @GetMapping("/{id}")
    Persona one(@PathVariable String id) {
        return catalog.find(id).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No persona with id '" + id + "'"));
    }
}
