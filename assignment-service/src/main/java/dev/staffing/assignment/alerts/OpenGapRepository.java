package dev.staffing.assignment.alerts;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

public interface OpenGapRepository extends ListCrudRepository<OpenGap, String> {

    List<OpenGap> findByPool(String pool);

    List<OpenGap> findByProjectId(String projectId);
}
