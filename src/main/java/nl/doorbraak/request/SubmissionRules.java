package nl.doorbraak.request;

import java.util.Map;

import nl.doorbraak.platform.validation.InputSchema;

/**
 * What one kind of request must contain. The same rules check an API body and a Tasklist start
 * form; the submitter's municipality is checked by {@link RequestSubmission}, which knows the submitter.
 */
interface SubmissionRules {

    RequestKind kind();

    InputSchema schema();

    /** The valid values plus what is derived from them (e.g. a total), as they are stored. */
    default Map<String, Object> withDerivedValues(Map<String, Object> values) {
        return values;
    }
}
