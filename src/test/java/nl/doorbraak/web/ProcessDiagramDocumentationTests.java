package nl.doorbraak.web;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import nl.doorbraak.support.GeneratedDocs;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The process diagrams in docs/diagrams are the models as the auditor's case page draws them,
 * without a case's steps marked.
 */
class ProcessDiagramDocumentationTests {

    @ParameterizedTest
    @ValueSource(strings = {"rule-change-request", "budget-pooling-request", "join-request", "ministry-assessment",
            "recurring-obstacle-signal", "decision-change", "implementation-tracking"})
    void theCommittedDiagramIsTheModels(String process) {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", process + ".bpmn").toFile());
        String name = model.getModelElementsByType(Process.class).iterator().next().getName();
        GeneratedDocs.assertCurrent(Path.of("docs", "diagrams", process + ".svg"),
                ProcessDiagram.svg(model, name, Map.of(), Set.of()));
    }
}
