package nl.doorbraak.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

import nl.doorbraak.assessment.AssessmentTasks;
import nl.doorbraak.tasks.TaskCompletion;
import nl.doorbraak.platform.ConflictException;
import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.validation.InvalidInputException;
import nl.doorbraak.platform.NotFoundException;
import nl.doorbraak.request.CaseDocuments;
import nl.doorbraak.request.Documents;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.RequestWithdrawal;
import nl.doorbraak.request.Requests;
import nl.doorbraak.security.DoorbraakUser;

/**
 * "Mijn verzoeken": the list of the requests a user may see, a request's page (facts, timeline,
 * documents, decision, open steps), adding documents and withdrawing with a confirmation step.
 * Another municipality's request does not exist here (404), exactly as in the API.
 */
@Controller
class RequestPagesController {

    static final String ANSWER_TASK = AssessmentTasks.PROVIDE_INFORMATION;

    private final Requests requests;
    private final RequestViews views;
    private final RequestTimeline timeline;
    private final RequestListModel lists;
    private final RequestWithdrawal withdrawal;
    private final Documents documents;
    private final CaseDocuments caseDocuments;
    private final TaskCompletion tasks;
    private final InterruptedForms interrupted;

    RequestPagesController(Requests requests, RequestViews views, RequestTimeline timeline,
                           RequestListModel lists, RequestWithdrawal withdrawal, Documents documents,
                           CaseDocuments caseDocuments, TaskCompletion tasks, InterruptedForms interrupted) {
        this.requests = requests;
        this.views = views;
        this.timeline = timeline;
        this.lists = lists;
        this.withdrawal = withdrawal;
        this.documents = documents;
        this.caseDocuments = caseDocuments;
        this.tasks = tasks;
        this.interrupted = interrupted;
    }

    @GetMapping("/verzoeken")
    String list(@AuthenticationPrincipal DoorbraakUser user, @RequestParam Map<String, String> parameters,
                Model model) {
        lists.add(model, user, parameters, List.of("status", "kind", "page"), "/verzoeken", views::detail);
        return "web/requests";
    }

    @GetMapping("/verzoeken/{reference}")
    String request(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference,
                   HttpServletRequest httpRequest, Model model) {
        RequestRecord request = visible(reference, user);
        // an answer (or a document) whose post the expired session refused
        interrupted.restore(httpRequest, model)
                .ifPresent(kept -> model.addAttribute("informationAnswer", kept.first("informationAnswer")));
        return show(user, request, model);
    }

    private String show(DoorbraakUser user, RequestRecord request, Model model) {
        RequestViews.RequestDetail detail = views.detail(request);
        model.addAttribute("request", detail);
        model.addAttribute("timeline", timeline.of(request));
        model.addAttribute("documents", documents.of(request.id()));
        model.addAttribute("mayAddDocuments", CaseDocuments.mayAdd(user, request));
        model.addAttribute("mayWithdraw", mayWithdraw(user, request));
        model.addAttribute("mayChangeDecision", detail.decision() != null
                && user.isMemberOf(nl.doorbraak.security.Groups.PROGRAMME_DIRECTOR));
        model.addAttribute("mayChangeCaseDeadline", CaseDeadlinePagesController.mayChange(user, detail));
        model.addAttribute("questions", questionsFor(user, detail));
        return "web/request";
    }

    /** The information requests on this case that the user's municipality is to answer. */
    private static List<RequestViews.OpenTask> questionsFor(DoorbraakUser user, RequestViews.RequestDetail detail) {
        return detail.openTasks().stream().filter(task -> ANSWER_TASK.equals(task.taskDefinitionKey()))
                .filter(task -> task.candidateGroups().stream().anyMatch(user::isMemberOf)).toList();
    }

    @PostMapping("/verzoeken/{reference}/vragen/{taskId}")
    String answer(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference,
                  @PathVariable String taskId, @RequestParam(required = false) String informationAnswer,
                  @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
                  RedirectAttributes redirect) throws IOException {
        RequestRecord request = visible(reference, user);
        if (questionsFor(user, views.detail(request)).stream().noneMatch(task -> task.id().equals(taskId))) {
            throw new NotFoundException("Vraag '" + taskId + "' bestaat niet of is niet voor u.");
        }
        try {
            tasks.complete(user, taskId, informationAnswer == null ? Map.of()
                    : Map.of("informationAnswer", informationAnswer));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", Forms.byField(e.errors()));
            model.addAttribute("informationAnswer", informationAnswer);
            return show(user, request, model);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("documentError", e.getMessage());
            return "redirect:/verzoeken/" + reference;
        }
        List<String> problems = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (!file.isEmpty()) {
                try {
                    caseDocuments.add(user, reference, file.getOriginalFilename(), file.getBytes());
                } catch (ResponseStatusException | ConflictException e) {
                    problems.add(file.getOriginalFilename() + ": " + (e instanceof ResponseStatusException status
                            ? status.getReason() : e.getMessage()));
                } catch (InvalidInputException e) {
                    problems.add(e.errors().get(0).message());
                }
            }
        }
        redirect.addFlashAttribute("notice", "Uw antwoord is verstuurd.");
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("documentError", "Niet toegevoegd: " + String.join(" ", problems));
        }
        return "redirect:/verzoeken/" + reference;
    }

    @PostMapping("/verzoeken/{reference}/documenten")
    String addDocument(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference,
                       @RequestParam(name = "file", required = false) MultipartFile file,
                       RedirectAttributes redirect) throws IOException {
        try {
            caseDocuments.add(user, reference, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes());
            redirect.addFlashAttribute("notice", "Het document is toegevoegd.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("documentError", e.errors().get(0).message());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("documentError", e.getMessage());
        } catch (NotFoundException e) {
            throw e;
        } catch (ResponseStatusException e) {
            redirect.addFlashAttribute("documentError", e.getReason());
        }
        return "redirect:/verzoeken/" + reference + "#documenten";
    }

    @GetMapping("/verzoeken/{reference}/documenten/{id}")
    ResponseEntity<byte[]> document(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference,
                                    @PathVariable UUID id) {
        return caseDocuments.download(user, reference, id);
    }

    @GetMapping("/verzoeken/{reference}/intrekken")
    String confirmWithdrawal(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference,
                             HttpServletRequest httpRequest, Model model) {
        RequestRecord request = visible(reference, user);
        interrupted.restore(httpRequest, model).ifPresent(kept -> model.addAttribute("reason", kept.first("reason")));
        model.addAttribute("request", views.detail(request));
        model.addAttribute("mayWithdraw", mayWithdraw(user, request));
        return "web/withdraw";
    }

    @PostMapping("/verzoeken/{reference}/intrekken")
    String withdraw(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference,
                    @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        RequestRecord request = visible(reference, user);
        try {
            withdrawal.withdraw(reference, user, reason == null || reason.isBlank() ? Map.of() : Map.of("reason", reason));
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("request", views.detail(request));
            model.addAttribute("mayWithdraw", mayWithdraw(user, request));
            model.addAttribute("reason", reason);
            model.addAttribute("errors", e instanceof InvalidInputException invalid ? Forms.byField(invalid.errors())
                    : Forms.byField(List.of(new FieldError("reason", e.getMessage()))));
            return "web/withdraw";
        }
        redirect.addFlashAttribute("notice", "Uw verzoek is ingetrokken.");
        return "redirect:/verzoeken/" + reference;
    }

    private RequestRecord visible(String reference, DoorbraakUser user) {
        return requests.findVisible(reference, user)
                .orElseThrow(() -> new NotFoundException("Verzoek '" + reference + "' bestaat niet."));
    }

    private static boolean mayWithdraw(DoorbraakUser user, RequestRecord request) {
        return user.municipalityCode().map(request.municipalityCode()::equals).orElse(false)
                && request.closedAt() == null
                && List.of("submitted", "intake", "information-requested", "assessment", "coordination", "decision")
                .contains(request.status());
    }
}
