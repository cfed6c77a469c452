package nl.doorbraak.assessment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;

/**
 * Flow-node coverage of the process models by the process instances a test class started
 * (and the instances they called), read from the engine's history. Writes a report to
 * target/process-coverage/ and returns the nodes no test reached.
 */
public final class ProcessCoverage {

    private ProcessCoverage() {
    }

    public static Map<String, Set<String>> missing(ProcessEngine engine, Collection<String> processInstanceIds,
                                            Collection<String> processKeys, String reportName) {
        Set<String> instances = new TreeSet<>();
        for (String id : processInstanceIds) {
            collect(engine, id, instances);
        }
        Set<String> reached = new TreeSet<>();
        for (String instance : instances) {
            engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance).list()
                    .stream().map(HistoricActivityInstance::getActivityId).forEach(reached::add);
        }
        Map<String, Set<String>> missing = new TreeMap<>();
        StringBuilder report = new StringBuilder("# Flow-node coverage: " + reportName + "\n\n"
                + "| model | flow nodes | reached | coverage | not reached |\n|---|---|---|---|---|\n");
        for (String key : processKeys) {
            ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey(key).latestVersion().singleResult();
            BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
            Set<String> nodes = model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> notReached = new TreeSet<>(nodes);
            notReached.removeAll(reached);
            missing.put(key, notReached);
            int covered = nodes.size() - notReached.size();
            report.append("| ").append(key).append(" | ").append(nodes.size()).append(" | ").append(covered)
                    .append(" | ").append(String.format("%.0f%%", 100.0 * covered / nodes.size())).append(" | ")
                    .append(String.join(", ", notReached)).append(" |\n");
        }
        write(reportName, report.toString());
        return missing;
    }

    private static void collect(ProcessEngine engine, String instanceId, Set<String> instances) {
        if (!instances.add(instanceId)) {
            return;
        }
        for (HistoricProcessInstance child : engine.getHistoryService().createHistoricProcessInstanceQuery()
                .superProcessInstanceId(instanceId).list()) {
            collect(engine, child.getId(), instances);
        }
    }

    private static void write(String name, String report) {
        try {
            Path directory = Path.of("target", "process-coverage");
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(name + ".md"), report);
            System.out.println(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
