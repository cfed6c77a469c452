package nl.doorbraak.web;

import java.util.List;

import org.springframework.stereotype.Component;

import nl.doorbraak.request.RequestKind;

/** Names of codes as the pages show them ({@code @webLabels.kind(r.kind())} in templates). */
@Component("webLabels")
class WebLabels {

    public String kind(String code) {
        return RequestKind.labelOf(code);
    }

    public List<RequestKind> kinds() {
        return List.of(RequestKind.values());
    }
}
