package nl.doorbraak.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import nl.doorbraak.platform.validation.InvalidInputException;
import nl.doorbraak.request.RequestListQuery;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.Requests;
import nl.doorbraak.security.DoorbraakUser;

/**
 * A page of a list of requests for the pages: the form's filters checked by the API's own list
 * query (blank fields left out), the requests the user may see, the total and the paging links.
 */
@Component
class RequestListModel {

    static final int PAGE_SIZE = 20;

    private final Requests requests;
    private final RequestListQuery listQuery;

    RequestListModel(Requests requests, RequestListQuery listQuery) {
        this.requests = requests;
        this.listQuery = listQuery;
    }

    void add(Model model, DoorbraakUser user, Map<String, String> parameters, List<String> filterKeys, String path,
             Function<RequestRecord, ?> view) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (String key : filterKeys) {
            String value = parameters.get(key);
            if (value != null && !value.isBlank()) {
                filters.put(key, value.strip());
            }
        }
        filters.put("pageSize", Integer.toString(PAGE_SIZE));
        model.addAttribute("filters", parameters);
        model.addAttribute("statuses", RequestListQuery.statuses());
        try {
            RequestListQuery.Page query = listQuery.parse(filters);
            long total = requests.count(user, query.filter());
            model.addAttribute("items", requests.list(user, query.filter(), query.offset(), query.pageSize())
                    .stream().map(view).toList());
            model.addAttribute("total", total);
            model.addAttribute("links", query.links(path, total));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", Forms.byField(e.errors()));
            model.addAttribute("items", List.of());
            model.addAttribute("total", 0);
        }
    }
}
