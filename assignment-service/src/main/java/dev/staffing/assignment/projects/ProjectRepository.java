package dev.staffing.assignment.projects;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

public interface ProjectRepository extends ListCrudRepository<Project, String> {

    List<Project> findByPool(String pool);
}
