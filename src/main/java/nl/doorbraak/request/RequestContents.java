package nl.doorbraak.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** The one place a request's content is written to and read from the case file's JSON. */
@Component
public class RequestContents {

    private final ObjectMapper objectMapper;

    RequestContents(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** The content of a stored request, typed by its kind. */
    public RequestContent of(RequestRecord request) {
        Class<? extends RequestContent> type = switch (RequestKind.ofCode(request.kind()).orElse(RequestKind.RULE_CHANGE)) {
            case BUDGET_POOLING -> BudgetPoolingContent.class;
            case JOIN -> JoinContent.class;
            case RULE_CHANGE -> RuleChangeContent.class;
        };
        try {
            return objectMapper.readValue(request.payload(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored content of " + request.reference() + " is not readable", e);
        }
    }

    String json(RequestContent content) {
        try {
            return objectMapper.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Content is always serialisable", e);
        }
    }
}
