package nl.doorbraak.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.springframework.stereotype.Component;

/**
 * The diagram of one process instance as SVG, drawn on the server from the model's own diagram
 * information (BPMN DI) and the instance's history: steps it passed are marked, steps it waits in
 * now are highlighted, and a badge counts the passes of a step passed more than once. A sequence
 * flow counts as taken when both its ends were passed (the engine's history does not record flows).
 * Each element is a {@code <g>} with {@code data-element-id}, and a class {@code visited} or
 * {@code current}, so tests and readers can find it; colours are attributes, not CSS.
 */
@Component
class ProcessDiagram {

    private static final String PASSED = "#e8f1fa";
    private static final String PASSED_LINE = "#154273";
    private static final String CURRENT = "#fff4c2";
    private static final String CURRENT_LINE = "#8a5a00";
    private static final String PLAIN_LINE = "#8c8c8c";

    /** One diagram to show: the instance, its model's name, the SVG, and the path in words. */
    record Drawn(String processInstanceId, String processName, String svg, List<String> path) {
    }

    private final RepositoryService repositoryService;
    private final HistoryService historyService;

    ProcessDiagram(RepositoryService repositoryService, HistoryService historyService) {
        this.repositoryService = repositoryService;
        this.historyService = historyService;
    }

    /** The case's own process and every process it called (e.g. each ministry assessment), in order of start. */
    List<HistoricProcessInstance> instancesOf(String processInstanceId) {
        List<HistoricProcessInstance> instances = new ArrayList<>();
        HistoricProcessInstance root = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        if (root != null) {
            collect(root, instances);
        }
        return instances;
    }

    private void collect(HistoricProcessInstance instance, List<HistoricProcessInstance> instances) {
        instances.add(instance);
        historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(instance.getId())
                .orderByProcessInstanceStartTime().asc().list().forEach(called -> collect(called, instances));
    }

    Drawn draw(HistoricProcessInstance instance) {
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(instance.getProcessDefinitionId());
        Map<String, Integer> passes = new HashMap<>();
        Set<String> current = new HashSet<>();
        List<String> path = new ArrayList<>();
        for (HistoricActivityInstance activity : historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc().list()) {
            String id = activity.getActivityId().replace("#multiInstanceBody", "");
            if (activity.getActivityId().endsWith("#multiInstanceBody")) {
                continue; // the body and its instances are one step on the diagram; the instances count
            }
            passes.merge(id, 1, Integer::sum);
            if (activity.getEndTime() == null) {
                current.add(id);
            }
            if (activity.getActivityName() != null) {
                path.add(activity.getActivityName() + (activity.getEndTime() == null ? " (nu)" : ""));
            }
        }
        String name = instance.getProcessDefinitionName() == null ? instance.getProcessDefinitionKey()
                : instance.getProcessDefinitionName();
        return new Drawn(instance.getId(), name, svg(model, name, passes, current), path);
    }

    static String svg(BpmnModelInstance model, String title, Map<String, Integer> passes, Set<String> current) {
        Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
        Collection<BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class);
        double maxX = 0;
        double maxY = 0;
        for (BpmnShape shape : shapes) {
            Bounds b = shape.getBounds();
            maxX = Math.max(maxX, b.getX() + b.getWidth());
            maxY = Math.max(maxY, b.getY() + b.getHeight());
        }
        for (BpmnEdge edge : edges) {
            for (Waypoint point : edge.getWaypoints()) {
                maxX = Math.max(maxX, point.getX());
                maxY = Math.max(maxY, point.getY());
            }
        }
        StringBuilder svg = new StringBuilder(32 * 1024);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"diagram-title\" ")
                .append(String.format(Locale.ROOT, "viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" ",
                        maxX + 40, maxY + 40, maxX + 40, maxY + 40))
                .append("font-family=\"Arial, Helvetica, sans-serif\" font-size=\"11\">\n")
                .append("<title id=\"diagram-title\">").append(xml("Procesdiagram " + title
                        + ": doorlopen stappen blauw, huidige stappen geel")).append("</title>\n")
                .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
                        + "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" "
                        + "fill=\"" + PLAIN_LINE + "\"/></marker></defs>\n");
        // expanded subprocesses first, so the steps inside them are drawn on top
        shapes.stream().filter(shape -> shape.getBpmnElement() instanceof SubProcess)
                .forEach(shape -> shape(svg, shape, passes, current));
        for (BpmnEdge edge : edges) {
            edge(svg, edge, passes);
        }
        shapes.stream().filter(shape -> !(shape.getBpmnElement() instanceof SubProcess))
                .forEach(shape -> shape(svg, shape, passes, current));
        return svg.append("</svg>\n").toString();
    }

    private static void edge(StringBuilder svg, BpmnEdge edge, Map<String, Integer> passes) {
        BaseElement element = edge.getBpmnElement();
        boolean taken = element instanceof SequenceFlow flow && passes.containsKey(flow.getSource().getId())
                && passes.containsKey(flow.getTarget().getId());
        StringBuilder points = new StringBuilder();
        for (Waypoint point : edge.getWaypoints()) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", point.getX(), point.getY()));
        }
        svg.append("<g data-element-id=\"").append(xml(element == null ? "" : element.getId()))
                .append("\" class=\"flow").append(taken ? " visited" : "").append("\">")
                .append("<polyline fill=\"none\" points=\"").append(points.toString().strip())
                .append("\" stroke=\"").append(taken ? PASSED_LINE : PLAIN_LINE)
                .append("\" stroke-width=\"").append(taken ? "2.5" : "1").append("\"")
                .append(element instanceof SequenceFlow ? " marker-end=\"url(#arrow)\"" : " stroke-dasharray=\"4 3\"")
                .append("/></g>\n");
    }

    private static void shape(StringBuilder svg, BpmnShape shape, Map<String, Integer> passes, Set<String> current) {
        BaseElement element = shape.getBpmnElement();
        if (!(element instanceof FlowNode node)) {
            return; // lanes, participants, annotations: not steps
        }
        Bounds b = shape.getBounds();
        double x = b.getX();
        double y = b.getY();
        double w = b.getWidth();
        double h = b.getHeight();
        int count = passes.getOrDefault(node.getId(), 0);
        boolean now = current.contains(node.getId());
        String state = now ? " current" : count > 0 ? " visited" : "";
        String fill = now ? CURRENT : count > 0 ? PASSED : "#ffffff";
        String stroke = now ? CURRENT_LINE : count > 0 ? PASSED_LINE : PLAIN_LINE;
        String width = now || count > 0 ? "2.5" : "1";
        String paint = " fill=\"" + (element instanceof SubProcess ? "none" : fill) + "\" stroke=\"" + stroke
                + "\" stroke-width=\"" + width + "\"";
        svg.append("<g data-element-id=\"").append(xml(node.getId())).append("\" class=\"")
                .append(kind(node)).append(state).append("\" data-passes=\"").append(count).append("\">");
        String name = node.getName() == null ? "" : node.getName();
        svg.append("<title>").append(xml(name.isEmpty() ? node.getId() : name))
                .append(count > 0 ? " — " + count + "× doorlopen" : "").append(now ? ", huidige stap" : "")
                .append("</title>");
        if (node instanceof Event) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\"%s/>",
                    x + w / 2, y + h / 2, w / 2, paint));
            label(svg, name, x + w / 2, y + h + 14, 22);
        } else if (node instanceof Gateway) {
            svg.append(String.format(Locale.ROOT, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\"%s/>",
                    x + w / 2, y, x + w, y + h / 2, x + w / 2, y + h, x, y + h / 2, paint));
            label(svg, name, x + w / 2, y + h + 14, 22);
        } else {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%d\"%s/>",
                    x, y, w, h, node instanceof SubProcess ? 4 : 10, paint));
            if (node instanceof SubProcess) {
                label(svg, name, x + w / 2, y + 16, 60);
            } else {
                label(svg, name, x + w / 2, y + h / 2 - 6, Math.max(10, (int) (w / 6.2)));
            }
        }
        if (count > 1) {
            svg.append(String.format(Locale.ROOT, "<g class=\"badge\"><circle cx=\"%.1f\" cy=\"%.1f\" r=\"10\" "
                            + "fill=\"%s\"/><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#ffffff\" "
                            + "font-weight=\"bold\">%d×</text></g>",
                    x + w, y, PASSED_LINE, x + w, y + 4, count));
        }
        svg.append("</g>\n");
    }

    private static String kind(FlowNode node) {
        if (node instanceof SubProcess) {
            return "subprocess";
        }
        if (node instanceof Activity) {
            return "activity";
        }
        return node instanceof Event ? "event" : node instanceof Gateway ? "gateway" : "node";
    }

    /** A name over as many lines as it needs, centred, at most three lines. */
    private static void label(StringBuilder svg, String text, double centreX, double top, int lineLength) {
        if (text.isBlank()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > lineLength) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        if (lines.size() > 3) {
            lines = new ArrayList<>(lines.subList(0, 3));
            lines.set(2, lines.get(2) + "…");
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#1a1a1a\">",
                centreX, top));
        for (int i = 0; i < lines.size(); i++) {
            svg.append(String.format(Locale.ROOT, "<tspan x=\"%.1f\" dy=\"%s\">", centreX, i == 0 ? "0" : "1.2em"))
                    .append(xml(lines.get(i))).append("</tspan>");
        }
        svg.append("</text>");
    }

    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
