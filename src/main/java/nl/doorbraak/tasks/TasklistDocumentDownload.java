package nl.doorbraak.tasks;

import nl.doorbraak.request.CaseDocuments;
import java.util.HashSet;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.security.UserDirectory;

/**
 * The documents of a case for people working in Tasklist: the links in a task form's case
 * context lead here, and the user is the one logged in to Tasklist (the webapp's own session),
 * with exactly the access the API gives that user.
 */
@RestController
class TasklistDocumentDownload {

    static final String PATH = "/camunda/documents/";

    private final CaseDocuments documents;
    private final UserDirectory users;
    private final String engineName;

    TasklistDocumentDownload(CaseDocuments documents, UserDirectory users, ProcessEngine engine) {
        this.documents = documents;
        this.users = users;
        this.engineName = engine.getName();
    }

    @GetMapping(path = PATH + "{reference}/{id}", produces = MediaType.ALL_VALUE)
    ResponseEntity<byte[]> download(HttpServletRequest request, @PathVariable String reference, @PathVariable UUID id) {
        DoorbraakUser user = tasklistUser(request);
        return documents.attachment(documents.visible(reference, user), id);
    }

    private DoorbraakUser tasklistUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        UserAuthentication authentication = authentications == null ? null
                : (UserAuthentication) authentications.getAuthenticationForProcessEngine(engineName);
        if (authentication == null) {
            throw new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException(
                    "Not logged in to Tasklist");
        }
        return users.find(authentication.getName()).orElseGet(() -> new DoorbraakUser(authentication.getName(),
                authentication.getName(), new HashSet<>(authentication.getGroupIds())));
    }
}
