package nl.doorbraak.web;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A form that was posted after its session had expired: what it carried (never the CSRF token
 * or a password, never a file's content, only the names of the files chosen), where it was
 * posted to and the page that shows it again. Lives in the session until that page shows it.
 *
 * @param action    the path the form was posted to
 * @param page      the page that holds the form, to go back to after the login
 * @param resumed   whether the start page has already sent the person back to it once
 */
record KeptForm(String action, String page, Map<String, List<String>> fields, List<String> fileNames,
                boolean resumed) implements Serializable {

    /** Fields the form fills in itself: not what a person typed. */
    private static final Set<String> HOUSEKEEPING = Set.of("kind", "idempotencyKey");

    KeptForm {
        fields = Map.copyOf(fields);
        fileNames = List.copyOf(fileNames);
    }

    KeptForm asResumed() {
        return new KeptForm(action, page, fields, fileNames, true);
    }

    /** The page's path, without its query. */
    String pagePath() {
        int query = page.indexOf('?');
        return query < 0 ? page : page.substring(0, query);
    }

    String first(String field) {
        List<String> values = fields.get(field);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    MultiValueMap<String, String> asForm() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::addAll);
        return form;
    }

    /** Whether anything was typed or chosen in the form, as opposed to only the form's own hidden fields. */
    boolean hasTypedText() {
        return fields.entrySet().stream().filter(field -> !HOUSEKEEPING.contains(field.getKey()))
                .anyMatch(field -> field.getValue().stream().anyMatch(value -> !value.isBlank()));
    }
}
