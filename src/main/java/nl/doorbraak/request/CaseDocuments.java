package nl.doorbraak.request;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;

import nl.doorbraak.platform.Downloads;
import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.audit.AuditTrail;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.platform.ConflictException;
import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.validation.InputSchema;
import nl.doorbraak.platform.validation.InvalidInputException;
import nl.doorbraak.platform.NotFoundException;
import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.security.Groups;

/**
 * Adding and downloading the documents of a case, with the rules for who may do so: one place for
 * the API, the Tasklist download and the web pages. The type is recognised from the content and
 * every addition is on the audit trail.
 */
@Service
public class CaseDocuments {

    private static final Set<String> CLOSED = Set.of("withdrawn", "lapsed", "evaluated");
    static final int MAX_FILE_NAME_LENGTH = 200;
    /** The file name (of the multipart part "file"), without the folders a browser may send along. */
    private static final InputSchema FILE_NAME = InputSchema.builder()
            .text("file", "Bestandsnaam", false, MAX_FILE_NAME_LENGTH).build();

    private final Requests requests;
    private final Documents documents;
    private final AuditTrail audit;
    private final DataSize maxSize;

    CaseDocuments(Requests requests, Documents documents, AuditTrail audit,
                  @Value("${doorbraak.documents.max-size:20MB}") DataSize maxSize) {
        this.requests = requests;
        this.documents = documents;
        this.audit = audit;
        this.maxSize = maxSize;
    }

    /** Adds a document to a case the user may see and add to; refuses empty, oversized and unknown files. */
    @Transactional
    public DocumentRecord add(DoorbraakUser user, String reference, String originalFileName, byte[] content) {
        RequestRecord request = visible(reference, user);
        if (!mayAdd(user, request)) {
            throw new AccessDeniedException("Only the municipality, routed ministries and the programme office add");
        }
        if (CLOSED.contains(request.status())) {
            throw new ConflictException("Aan een afgesloten verzoek (" + RequestStatus.labelOf(request.status())
                    + ") kunnen geen documenten meer worden toegevoegd.");
        }
        if (content == null || content.length == 0) {
            throw new InvalidInputException(List.of(new FieldError("file",
                    "Voeg een bestand toe (multipart-veld 'file'); een leeg bestand wordt niet opgeslagen.")));
        }
        if (content.length > maxSize.toBytes()) {
            throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "Het bestand is groter dan "
                    + maxSize.toMegabytes() + " MB.");
        }
        // the name follows the rules of a title: a name that reads differently from what is stored is refused
        FILE_NAME.validate(Map.of("file", DocumentTypes.withoutFolders(originalFileName)), true);
        DocumentTypes.Recognition recognition = DocumentTypes.recognise(content);
        if (!recognition.recognised()) {
            throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, recognition.refusal());
        }
        String mediaType = recognition.mediaType();
        DocumentRecord document = new DocumentRecord(UUID.randomUUID(), request.id(),
                DocumentTypes.safeFileName(originalFileName), mediaType, content.length, sha256(content),
                user.id(), CaseClock.now(), null, null, DocumentRecord.UPLOAD);
        documents.insert(document, content);
        audit.about(reference).by(user.id())
                .action(AuditAction.DOCUMENT_ADDED, "Document toegevoegd: " + document.fileName())
                .resource("document", document.id().toString(), document.fileName())
                .changes(null, Map.of("sha256", document.sha256(), "size", document.sizeBytes(),
                        "mediaType", mediaType))
                .record();
        return document;
    }

    /** The document as an attachment, never rendered by the browser, if the user may see its case. */
    public ResponseEntity<byte[]> download(DoorbraakUser user, String reference, UUID id) {
        return attachment(visible(reference, user), id);
    }

    public ResponseEntity<byte[]> attachment(RequestRecord request, UUID id) {
        DocumentRecord document = documents.find(request.id(), id)
                .orElseThrow(() -> new NotFoundException("Document '" + id + "' bestaat niet."));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(document.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Digest", "sha-256=" + java.util.Base64.getEncoder()
                        .encodeToString(HexFormat.of().parseHex(document.sha256())))
                .body(documents.content(id));
    }

    public RequestRecord visible(String reference, DoorbraakUser user) {
        return requests.findVisible(reference, user)
                .orElseThrow(() -> new NotFoundException("Verzoek '" + reference + "' bestaat niet."));
    }

    /** The submitting municipality, the ministries the case was routed to, and the programme office. */
    public static boolean mayAdd(DoorbraakUser user, RequestRecord request) {
        return user.municipalityCode().map(request.municipalityCode()::equals).orElse(false)
                || !user.involvedMinistryCodes().isEmpty()
                || user.isMemberOf(Groups.PROGRAMME_OFFICE);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
