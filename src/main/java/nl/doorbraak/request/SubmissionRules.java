package nl.doorbraak.request;

import nl.doorbraak.platform.validation.InputSchema;
import nl.doorbraak.platform.validation.Values;

/**
 * What one kind of request must contain. The same rules check an API body and a Tasklist start
 * form; the submitter's municipality is checked by {@link RequestSubmission}, which knows the submitter.
 */
interface SubmissionRules {

    RequestKind kind();

    InputSchema schema();

    /** The valid values plus what is derived from them (e.g. a total), as they are stored. */
    default Values withDerivedValues(Values values) {
        return values;
    }
}
