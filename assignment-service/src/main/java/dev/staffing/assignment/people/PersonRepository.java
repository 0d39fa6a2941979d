package dev.staffing.assignment.people;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

public interface PersonRepository extends ListCrudRepository<Person, String> {

    List<Person> findByPool(String pool);
}
