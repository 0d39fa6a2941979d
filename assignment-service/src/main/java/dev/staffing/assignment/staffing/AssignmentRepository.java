package dev.staffing.assignment.staffing;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

public interface AssignmentRepository extends ListCrudRepository<Assignment, String> {

    List<Assignment> findByPool(String pool);

    List<Assignment> findByProjectId(String projectId);
}
