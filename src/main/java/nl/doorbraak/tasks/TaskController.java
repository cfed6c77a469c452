package nl.doorbraak.tasks;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.doorbraak.platform.validation.Values;
import nl.doorbraak.platform.validation.InputSchema;
import nl.doorbraak.request.CaseVariables;
import nl.doorbraak.security.DoorbraakUser;

/**
 * The caller's open tasks, and completing one without Tasklist: a municipality answers an
 * information request, a reviewer gives advice. The input rules are those of the task's form.
 */
@RestController
@RequestMapping(path = "/api/v1/tasks", produces = "application/json")
@Tag(name = "Tasks", description = "Open tasks of the caller, and their completion")
class TaskController {

    /** A task as the API shows it. */
    record TaskView(String id, String name, String taskDefinitionKey, String reference, String processDefinitionKey,
                    List<String> candidateGroups, String assignee, Date created, Date due,
                    Map<String, Object> context, Map<String, String> _links) {
    }

    private static final InputSchema PAGING = InputSchema.builder()
            .integer("page", "page", false, 1, 100_000)
            .integer("pageSize", "pageSize", false, 1, 200)
            .build();

    private final TaskService taskService;
    private final GroupTaskPages pages;
    private final RuntimeService runtimeService;
    private final TaskCompletion completion;
    private final TaskPrecedents precedents;

    TaskController(TaskService taskService, RuntimeService runtimeService, TaskCompletion completion,
                   GroupTaskPages pages, TaskPrecedents precedents) {
        this.precedents = precedents;
        this.taskService = taskService;
        this.pages = pages;
        this.runtimeService = runtimeService;
        this.completion = completion;
    }

    @GetMapping
    @Operation(summary = "The caller's open tasks: those of their groups and those assigned to them, oldest due first",
            description = "Paged with page (from 1) and pageSize (1–200, default 50); the total is in X-Total-Count "
                    + "and the other pages in the Link header (rel next, prev).")
    ResponseEntity<List<TaskView>> list(@AuthenticationPrincipal DoorbraakUser user,
                                        @RequestParam Map<String, String> parameters) {
        Values paging = PAGING.validateQuery(parameters);
        int page = paging.get("page") == null ? 1 : ((Long) paging.get("page")).intValue();
        int pageSize = paging.get("pageSize") == null ? 50 : ((Long) paging.get("pageSize")).intValue();
        if (user.groups().isEmpty()) {
            return ResponseEntity.ok().header("X-Total-Count", "0").body(List.of());
        }
        GroupTaskPages.Page found = pages.page(user.groups(), (page - 1) * pageSize, pageSize);
        long total = found.total();
        List<Task> tasks = found.tasks();
        Map<String, String> references = references(tasks);
        List<String> links = new ArrayList<>();
        if ((long) page * pageSize < total) {
            links.add("</api/v1/tasks?page=" + (page + 1) + "&pageSize=" + pageSize + ">; rel=\"next\"");
        }
        if (page > 1) {
            links.add("</api/v1/tasks?page=" + (page - 1) + "&pageSize=" + pageSize + ">; rel=\"prev\"");
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().header("X-Total-Count", Long.toString(total));
        if (!links.isEmpty()) {
            response.header("Link", String.join(", ", links));
        }
        Map<String, List<String>> groups = completion.candidateGroups(tasks.stream().map(Task::getId).toList());
        return response.body(tasks.stream().map(task -> view(task, references.get(task.getProcessInstanceId()),
                groups.getOrDefault(task.getId(), List.of()), false)).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One open task with the case context its form shows")
    TaskView get(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String id) {
        Task task = visibleTask(id, user);
        return view(task, references(List.of(task)).get(task.getProcessInstanceId()), candidateGroups(task.getId()), true);
    }

    @PostMapping(path = "/{id}/completion", consumes = "application/json")
    @Operation(summary = "Complete a task with the values of its form",
            description = "The same rules as the task's form in Tasklist; every error is reported at once.")
    ResponseEntity<Void> complete(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String id,
                                  @RequestBody Map<String, ?> body) {
        completion.complete(user, id, body);
        return ResponseEntity.noContent().build();
    }

    private Task visibleTask(String id, DoorbraakUser user) {
        return completion.visibleTask(id, user);
    }

    private List<String> candidateGroups(String taskId) {
        return completion.candidateGroups(taskId);
    }

    private Map<String, String> references(List<Task> tasks) {
        Set<String> instances = tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        if (instances.isEmpty()) {
            return Map.of();
        }
        Map<String, String> references = new HashMap<>();
        for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().processInstanceIds(instances).list()) {
            references.put(instance.getId(), instance.getBusinessKey());
        }
        return references;
    }

    private TaskView view(Task task, String reference, List<String> candidateGroups, boolean withContext) {
        Map<String, Object> context = withContext ? CaseContextVariables.of(taskService, task.getId()) : null;
        if (context != null && context.containsKey("casePrecedents")) {
            // the text the form shows, as a list read now
            context.put("precedents", precedents.of(UUID.fromString((String) taskService.getVariable(task.getId(),
                    CaseVariables.REQUEST_ID))));
        }
        String processDefinitionKey = Optional.ofNullable(task.getProcessDefinitionId())
                .map(definition -> definition.split(":")[0]).orElse(null);
        return new TaskView(task.getId(), task.getName(), task.getTaskDefinitionKey(), reference, processDefinitionKey,
                candidateGroups, task.getAssignee(), task.getCreateTime(), task.getDueDate(), context,
                Map.of("self", "/api/v1/tasks/" + task.getId(),
                        "completion", "/api/v1/tasks/" + task.getId() + "/completion"));
    }
}
