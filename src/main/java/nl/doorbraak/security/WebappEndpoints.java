package nl.doorbraak.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a request to the Camunda webapps ({@code /camunda/...}) does: read, log in or out, one of
 * the writes Tasklist's users need, or any other write. Everything that is not listed here as a
 * read is a write, so an endpoint a later Camunda release adds is refused until it is listed.
 *
 * <p>The engine REST API answers many queries to POST (a filter's list, task counts, history):
 * they are reads and listed one by one below.
 */
final class WebappEndpoints {

    /** What the request does. */
    enum Operation {
        READ,
        LOGIN_OR_LOGOUT,
        /** {@code POST process-definition/key/{key}/submit-form}: Tasklist's start form, by key. */
        START_FORM_BY_KEY,
        /** {@code POST process-definition/{id}/submit-form}: Tasklist's start form, by definition id. */
        START_FORM_BY_ID,
        /** {@code POST task/{id}/submit-form} and {@code task/{id}/complete}. */
        TASK_FORM,
        CLAIM,
        UNCLAIM,
        /** {@code POST task/{id}/assignee}. */
        ASSIGNEE,
        /** {@code POST task/{id}/comment/create}. */
        COMMENT,
        /** Every other write: administrators only. */
        OTHER_WRITE;

        boolean isWrite() {
            return this != READ;
        }

        boolean submitsAForm() {
            return this == START_FORM_BY_KEY || this == START_FORM_BY_ID || this == TASK_FORM;
        }
    }

    /** The operation and the id or key of what it addresses (a task, a process definition), if any. */
    record Request(Operation operation, String target) {
    }

    private record Template(String method, List<String> segments, Operation operation) {

        /** The target (the segment in braces) when the path fits, else empty. */
        Optional<String> match(String requestMethod, List<String> path) {
            if (!method.equals(requestMethod) || path.size() != segments.size()) {
                return Optional.empty();
            }
            String target = "";
            for (int i = 0; i < segments.size(); i++) {
                String segment = segments.get(i);
                if (segment.startsWith("{")) {
                    if (segment.equals("{target}")) {
                        target = path.get(i);
                    }
                } else if (!segment.equals(path.get(i))) {
                    return Optional.empty();
                }
            }
            return Optional.of(target);
        }
    }

    private static final String ENGINE = "api/engine/engine/{engine}/";
    private static final String COCKPIT = "api/cockpit/plugin/base/{engine}/";

    /** The queries the webapps send as POST, each a read. */
    private static final List<String> QUERIES = List.of(
            ENGINE + "task", ENGINE + "task/count",
            ENGINE + "filter/{id}/list", ENGINE + "filter/{id}/count", ENGINE + "filter/{id}/singleResult",
            ENGINE + "process-instance", ENGINE + "process-instance/count",
            ENGINE + "execution", ENGINE + "execution/count",
            ENGINE + "case-instance", ENGINE + "case-instance/count",
            ENGINE + "case-execution", ENGINE + "case-execution/count",
            ENGINE + "external-task", ENGINE + "external-task/count",
            ENGINE + "group", ENGINE + "group/count",
            ENGINE + "job", ENGINE + "job/count",
            ENGINE + "job-definition", ENGINE + "job-definition/count",
            ENGINE + "variable-instance", ENGINE + "variable-instance/count",
            ENGINE + "schema/log",
            ENGINE + "history/activity-instance", ENGINE + "history/activity-instance/count",
            ENGINE + "history/case-instance", ENGINE + "history/case-instance/count",
            ENGINE + "history/detail",
            ENGINE + "history/external-task-log", ENGINE + "history/external-task-log/count",
            ENGINE + "history/job-log", ENGINE + "history/job-log/count",
            ENGINE + "history/process-instance", ENGINE + "history/process-instance/count",
            ENGINE + "history/task", ENGINE + "history/task/count",
            ENGINE + "history/variable-instance", ENGINE + "history/variable-instance/count",
            COCKPIT + "process-instance", COCKPIT + "process-instance/count",
            COCKPIT + "incident", COCKPIT + "incident/count",
            COCKPIT + "process-instance/{id}/called-process-instances",
            COCKPIT + "process-definition/{id}/called-process-definitions");

    private static final List<Template> TEMPLATES = templates();

    private static List<Template> templates() {
        List<Template> templates = new java.util.ArrayList<>();
        QUERIES.forEach(query -> templates.add(template("POST", query, Operation.READ)));
        templates.add(template("POST", "api/admin/auth/user/{engine}/login/{app}", Operation.LOGIN_OR_LOGOUT));
        templates.add(template("POST", "api/admin/auth/user/{engine}/logout", Operation.LOGIN_OR_LOGOUT));
        templates.add(template("POST", ENGINE + "process-definition/key/{target}/submit-form",
                Operation.START_FORM_BY_KEY));
        templates.add(template("POST", ENGINE + "process-definition/{target}/submit-form", Operation.START_FORM_BY_ID));
        templates.add(template("POST", ENGINE + "task/{target}/submit-form", Operation.TASK_FORM));
        templates.add(template("POST", ENGINE + "task/{target}/complete", Operation.TASK_FORM));
        templates.add(template("POST", ENGINE + "task/{target}/claim", Operation.CLAIM));
        templates.add(template("POST", ENGINE + "task/{target}/unclaim", Operation.UNCLAIM));
        templates.add(template("POST", ENGINE + "task/{target}/assignee", Operation.ASSIGNEE));
        templates.add(template("POST", ENGINE + "task/{target}/comment/create", Operation.COMMENT));
        return List.copyOf(templates);
    }

    private static Template template(String method, String path, Operation operation) {
        return new Template(method, segments(path), operation);
    }

    private WebappEndpoints() {
    }

    /**
     * What a request does.
     *
     * @param method the HTTP method
     * @param path   the decoded path below the webapps' application path, e.g.
     *               {@code api/engine/engine/default/task/42/claim}
     */
    static Request classify(String method, String path) {
        String upper = method.toUpperCase(Locale.ROOT);
        if (upper.equals("GET") || upper.equals("HEAD") || upper.equals("OPTIONS")) {
            return new Request(Operation.READ, "");
        }
        List<String> segments = segments(path);
        // the first template that fits wins: key/{key}/submit-form is listed before {id}/submit-form
        for (Template template : TEMPLATES) {
            Optional<String> target = template.match(upper, segments);
            if (target.isPresent()) {
                return new Request(template.operation(), target.get());
            }
        }
        return new Request(Operation.OTHER_WRITE, "");
    }

    /** The non-empty segments of a path; a trailing slash reaches the same endpoint. */
    private static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).toList();
    }
}
