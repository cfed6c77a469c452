package nl.doorbraak.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.audit.AuditTrail;
import nl.doorbraak.notification.FormalLetter;
import nl.doorbraak.notification.FormalLetterPdf;
import nl.doorbraak.notification.Letter;
import nl.doorbraak.notification.LetterTemplates;
import nl.doorbraak.notification.Outbox;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.reference.Ministry;
import nl.doorbraak.reference.ReferenceData;

/**
 * Formal letters to a municipality about its request (a decision, its amendment or revocation,
 * the lapse of the request): who they are addressed to and who gets a copy, and sending one. A
 * letter is numbered in its case file (kenmerk "DB-2026-001/2"), written as PDF, archived with the
 * case as a document of kind {@value DocumentRecord#DECISION_LETTER}, and announced in a short
 * e-mail that links to it, all in the transaction of the decision. The municipality downloads it
 * like any document of its case.
 */
@Service
public class CaseLetters {

    /** The ministry of the programme, on whose minister's behalf a letter goes when no other ministry is involved. */
    private static final String PROGRAMME_MINISTRY = "vro";

    private final Documents documents;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final ReferenceData referenceData;
    private final RequestContents contents;
    private final String baseUrl;

    CaseLetters(Documents documents, Outbox outbox, AuditTrail audit, ReferenceData referenceData,
                RequestContents contents, @Value("${doorbraak.web.base-url:http://localhost:8080}") String baseUrl) {
        this.documents = documents;
        this.outbox = outbox;
        this.audit = audit;
        this.referenceData = referenceData;
        this.contents = contents;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The municipal executive of the requesting municipality. */
    public List<String> addressee(RequestRecord request) {
        String municipality = referenceData.municipality(request.municipalityCode())
                .map(found -> found.officialName()).orElse(request.municipalityCode());
        return List.of("Het college van burgemeester en wethouders", "van de gemeente " + municipality);
    }

    /**
     * What every formal letter on a request names: the request, on whose behalf it is decided (the
     * ministers of the ministries whose rule or budget it is, else the programme's minister), to
     * whom an objection goes, the legal basis (template {@code legal-basis-<basis>}), the contact
     * person in copy and the ministries informed.
     */
    public Map<String, Object> values(RequestRecord request, List<String> ministryCodes, String basis, String rule) {
        List<Ministry> ministries = new ArrayList<>();
        ministryCodes.forEach(code -> referenceData.ministry(code).ifPresent(ministries::add));
        List<Ministry> deciding = ministries.isEmpty()
                ? referenceData.ministry(PROGRAMME_MINISTRY).map(List::of).orElse(List.of()) : ministries;
        String ministers = enumeration(deciding.stream().map(CaseLetters::minister).toList());
        RequestContent content = contents.of(request);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("reference", request.reference());
        values.put("title", request.title());
        values.put("submittedOn", request.submittedAt().atZoneSameInstant(CaseClock.DUTCH_TIME).toLocalDate());
        values.put("ministers", ministers);
        values.put("objectionTo", ministers);
        values.put("signedFor", ministers.substring(0, 1).toUpperCase(Locale.ROOT) + ministers.substring(1));
        values.put("legalBasis", LetterTemplates.render("legal-basis-" + basis, Map.of("rule", rule == null ? "" : rule))
                .strip());
        values.put("contact", content.contactName() + " (" + request.contactEmail() + ")");
        values.put("informed", ministries.stream().map(Ministry::name).toList());
        values.put("coSigned", false);
        return values;
    }

    /** "a", "a en b", "a, b en c". */
    private static String enumeration(List<String> items) {
        return items.size() < 2 ? String.join("", items)
                : String.join(", ", items.subList(0, items.size() - 1)) + " en " + items.get(items.size() - 1);
    }

    /** "de minister van Sociale Zaken en Werkgelegenheid", from "Ministerie van Sociale Zaken en Werkgelegenheid". */
    private static String minister(Ministry ministry) {
        return "de minister" + ministry.name().substring(ministry.name().indexOf(' '));
    }

    /**
     * Numbers the letter, archives it as PDF with the case and puts the e-mail announcing it in the
     * outbox under the topic the case's send step delivers. {@code kind} chooses the opening of
     * the e-mail (template {@code decision-mail}): decision, amendment, revocation or lapse.
     */
    public DocumentRecord send(RequestRecord request, String topic, String kind, FormalLetter letter, String by) {
        int number = documents.ofKind(request.id(), DocumentRecord.DECISION_LETTER).size() + 1;
        FormalLetter numbered = letter.numbered(request.reference() + "/" + number);
        byte[] pdf = FormalLetterPdf.write(numbered);
        String writer = by == null ? AuditTrail.SYSTEM : by;
        DocumentRecord document = new DocumentRecord(UUID.randomUUID(), request.id(),
                "brief-" + request.reference() + "-" + number + ".pdf", "application/pdf", pdf.length,
                CaseDocuments.sha256(pdf), writer, CaseClock.now(), null, null, DocumentRecord.DECISION_LETTER);
        documents.insert(document, pdf);
        audit.about(request.reference()).by(writer)
                .action(AuditAction.DOCUMENT_ADDED, "Brief gearchiveerd: " + numbered.subject())
                .resource("document", document.id().toString(), document.fileName())
                .changes(null, Map.of("sha256", document.sha256(), "size", document.sizeBytes(),
                        "mediaType", document.mediaType(), "kenmerk", numbered.kenmerk()))
                .record();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("subject", numbered.subject());
        values.put("reference", request.reference());
        values.put("title", request.title());
        for (String opening : List.of("decision", "amendment", "revocation", "lapse")) {
            values.put(opening, opening.equals(kind));
        }
        values.put("webLink", baseUrl + "/verzoeken/" + request.reference() + "/documenten/" + document.id());
        values.put("apiLink", baseUrl + DocumentController.path(request.reference(), document.id()));
        LetterTemplates.Rendered mail = LetterTemplates.letter("decision-mail", values);
        outbox.enqueue(request.id(), topic, request.contactEmail(), new Letter(mail.subject(), mail.text()));
        return document;
    }
}
