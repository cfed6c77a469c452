package nl.doorbraak.request;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.audit.AuditTrail;
import nl.doorbraak.platform.ConflictException;
import nl.doorbraak.platform.FieldError;
import nl.doorbraak.platform.InvalidInputException;
import nl.doorbraak.platform.NotFoundException;
import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.security.Groups;

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

    private static final Set<String> CLOSED = Set.of("withdrawn", "lapsed", "evaluated");
    private static final Set<String> BEFORE_INTAKE = Set.of("submitted", "intake", "information-requested");

    private final Requests requests;
    private final Documents documents;
    private final AuditTrail audit;
    private final DataSize maxSize;

    DocumentController(Requests requests, Documents documents, AuditTrail audit,
                       @Value("${doorbraak.documents.max-size:20MB}") DataSize maxSize) {
        this.requests = requests;
        this.documents = documents;
        this.audit = audit;
        this.maxSize = maxSize;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add a document (multipart part 'file'): PDF, DOCX, XLSX, ODT, ODS, PNG or JPEG")
    @Transactional
    ResponseEntity<DocumentRecord> upload(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference,
                                          @RequestParam(name = "file", required = false) MultipartFile file)
            throws IOException {
        RequestRecord request = visible(reference, user);
        if (!mayAdd(user, request)) {
            throw new AccessDeniedException("Only the municipality, routed ministries and the programme office add");
        }
        if (CLOSED.contains(request.status())) {
            throw new ConflictException("Aan een afgesloten verzoek (" + RequestStatusLabels.label(request.status())
                    + ") kunnen geen documenten meer worden toegevoegd.");
        }
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldError("file",
                    "Voeg een bestand toe (multipart-veld 'file'); een leeg bestand wordt niet opgeslagen.")));
        }
        if (file.getSize() > maxSize.toBytes()) {
            throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "Het bestand is groter dan "
                    + maxSize.toMegabytes() + " MB.");
        }
        byte[] content = file.getBytes();
        String mediaType = DocumentTypes.detect(content).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Alleen PDF, DOCX, XLSX, ODT, ODS, PNG en JPEG zijn toegestaan; het soort bestand wordt aan de inhoud herkend."));
        DocumentRecord document = new DocumentRecord(UUID.randomUUID(), request.id(),
                DocumentTypes.safeFileName(file.getOriginalFilename()), mediaType, content.length, sha256(content),
                user.id(), CaseClock.now(), null, null);
        documents.insert(document, content);
        audit.about(reference).by(user.id())
                .action("document-added", "Document toegevoegd: " + document.fileName())
                .resource("document", document.id().toString(), document.fileName())
                .changes(null, Map.of("sha256", document.sha256(), "size", document.sizeBytes(),
                        "mediaType", mediaType))
                .record();
        return ResponseEntity.created(URI.create(path(reference, document.id()))).body(document);
    }

    @GetMapping
    @Operation(summary = "The documents of a request")
    List<DocumentRecord> list(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference) {
        return documents.of(visible(reference, user).id());
    }

    @GetMapping(path = "/{id}", produces = MediaType.ALL_VALUE)
    @Operation(summary = "Download a document (as an attachment)")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference,
                                    @PathVariable UUID id) {
        return attachment(visible(reference, user), id);
    }

    /** The document as an attachment, never rendered by the browser. */
    ResponseEntity<byte[]> attachment(RequestRecord request, UUID id) {
        DocumentRecord document = documents.find(request.id(), id)
                .orElseThrow(() -> new NotFoundException("Document '" + id + "' bestaat niet."));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Digest", "sha-256=" + java.util.Base64.getEncoder()
                        .encodeToString(HexFormat.of().parseHex(document.sha256())))
                .body(documents.content(id));
    }

    RequestRecord visible(String reference, DoorbraakUser user) {
        return requests.findVisible(reference, user)
                .orElseThrow(() -> new NotFoundException("Verzoek '" + reference + "' bestaat niet."));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a document: only its uploader, and only until the intake is done")
    @Transactional
    ResponseEntity<Void> remove(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference,
                                @PathVariable UUID id) {
        RequestRecord request = visible(reference, user);
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
                .action("document-removed", "Document verwijderd: " + document.fileName())
                .resource("document", id.toString(), document.fileName())
                .changes(Map.of("sha256", document.sha256()), null)
                .record();
        return ResponseEntity.noContent().build();
    }

    /** The submitting municipality, the ministries the case was routed to, and the programme office. */
    private static boolean mayAdd(DoorbraakUser user, RequestRecord request) {
        return user.municipalityCode().map(request.municipalityCode()::equals).orElse(false)
                || !user.involvedMinistryCodes().isEmpty()
                || user.isMemberOf(Groups.PROGRAMME_OFFICE);
    }

    static String path(String reference, UUID id) {
        return "/api/v1/requests/" + reference + "/documents/" + id;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
