package dev.staffing.assignment.personas;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The personas the service knows, in catalog order. */
@Component
public class PersonaCatalog {

    private final Map<String, Persona> personasById;

    public PersonaCatalog(PersonaCatalogProperties properties) {
        Map<String, Persona> byId = new LinkedHashMap<>();
        properties.personas().forEach((id, definition) -> byId.put(id, new Persona(id, definition.name(),
                definition.role(), definition.responsibilities(), definition.criticality())));
        this.personasById = Collections.unmodifiableMap(byId);
    }

    public Collection<Persona> all() {
        return personasById.values();
    }

    public Optional<Persona> find(String id) {
        return Optional.ofNullable(personasById.get(id));
    }

    public boolean contains(String id) {
        return personasById.containsKey(id);
    }

    /** The criticality of a persona; a persona missing from the catalog counts as NORMAL. */
    public Criticality criticalityOf(String id) {
        Persona persona = personasById.get(id);
        return persona == null ? Criticality.NORMAL : persona.criticality();
    }
}
