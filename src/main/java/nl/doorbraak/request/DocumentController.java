package nl.doorbraak.request;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.audit.AuditTrail;
import nl.doorbraak.platform.ConflictException;
import nl.doorbraak.platform.NotFoundException;
import nl.doorbraak.security.DoorbraakUser;

/**
 * The documents of a case: the municipality adds them to its request, reviewers and the
 * programme office to the cases they work on. The type is recognised from the content; the
 * uploader may remove a document until the intake is done, and every addition and removal is
 * on the audit trail.
 */
@RestController
@RequestMapping(path = "/api/v1/requests/{reference}/documents", produces = "application/json")
@Tag(name = "Documents", description = "Documents of a request")
class DocumentController {

    private static final Set<String> BEFORE_INTAKE = Set.of("submitted", "intake", "information-requested");

    private final Requests requests;
    private final Documents documents;
    private final CaseDocuments caseDocuments;
    private final AuditTrail audit;

    DocumentController(Requests requests, Documents documents, CaseDocuments caseDocuments, AuditTrail audit) {
        this.requests = requests;
        this.documents = documents;
        this.caseDocuments = caseDocuments;
        this.audit = audit;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add a document (multipart part 'file'): PDF, DOCX, XLSX, ODT, ODS, PNG or JPEG")
    ResponseEntity<DocumentRecord> upload(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference,
                                          @RequestParam(name = "file", required = false) MultipartFile file)
            throws IOException {
        DocumentRecord document = caseDocuments.add(user, reference, file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getBytes());
        return ResponseEntity.created(URI.create(path(reference, document.id()))).body(document);
    }

    @GetMapping
    @Operation(summary = "The documents of a request")
    List<DocumentRecord> list(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference) {
        return documents.of(caseDocuments.visible(reference, user).id());
    }

    @GetMapping(path = "/{id}", produces = MediaType.ALL_VALUE)
    @Operation(summary = "Download a document (as an attachment)")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference,
                                    @PathVariable UUID id) {
        return caseDocuments.download(user, reference, id);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a document: only its uploader, and only until the intake is done")
    @Transactional
    ResponseEntity<Void> remove(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference,
                                @PathVariable UUID id) {
        RequestRecord request = caseDocuments.visible(reference, user);
        DocumentRecord document = documents.find(request.id(), id)
                .orElseThrow(() -> new NotFoundException("Document '" + id + "' bestaat niet."));
        if (!document.uploadedBy().equals(user.id())) {
            throw new AccessDeniedException("Only the uploader removes a document");
        }
        if (!BEFORE_INTAKE.contains(request.status()) || !requests.ministriesOf(request.id()).isEmpty()) {
            throw new ConflictException("Na de intake kan een document niet meer worden verwijderd.");
        }
        documents.remove(id, user.id());
        audit.about(reference).by(user.id())
                .action(AuditAction.DOCUMENT_REMOVED, "Document verwijderd: " + document.fileName())
                .resource("document", id.toString(), document.fileName())
                .changes(Map.of("sha256", document.sha256()), null)
                .record();
        return ResponseEntity.noContent().build();
    }

    static String path(String reference, UUID id) {
        return "/api/v1/requests/" + reference + "/documents/" + id;
    }
}
