package nl.doorbraak.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.request.BudgetPoolingSchema;
import nl.doorbraak.request.RuleChangeSchema;
import nl.doorbraak.security.DoorbraakUser;

/**
 * What every page knows (who is logged in, what they may do). Errors on the pages are
 * {@link PageErrors}' work.
 */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    private final ReferenceData referenceData;

    PageModel(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    /** The Dutch names of the instruments of both kinds, for showing a submission. */
    @ModelAttribute("instrumentLabels")
    java.util.Map<String, String> instrumentLabels() {
        java.util.Map<String, String> labels = new java.util.HashMap<>(RuleChangeSchema.INSTRUMENTS);
        labels.putAll(BudgetPoolingSchema.INSTRUMENTS);
        return labels;
    }

    @ModelAttribute("regulationNames")
    java.util.Map<String, String> regulationNames() {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        referenceData.regulations().forEach(regulation -> names.put(regulation.code(), regulation.name()));
        return names;
    }

    @ModelAttribute("currentUser")
    DoorbraakUser currentUser(@AuthenticationPrincipal DoorbraakUser user) {
        return user;
    }

    /** No errors until a controller finds some: templates look errors up by field. */
    @ModelAttribute("errors")
    java.util.Map<String, java.util.List<String>> errors() {
        return java.util.Map.of();
    }

    @ModelAttribute("readsAudit")
    boolean readsAuditAttribute(@AuthenticationPrincipal DoorbraakUser user) {
        return readsAudit(user);
    }

    static boolean readsAudit(DoorbraakUser user) {
        return user != null && (user.isAuditorOrProgrammeOffice());
    }
}
