package nl.doorbraak.decision;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import nl.doorbraak.catalogue.NationalRules;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.platform.validation.Vocabulary;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.request.Instruments;

/**
 * Earlier decisions on the same national rule, from every municipality: the decisions on the
 * requests that name the catalogue entry, those on the same article first, newest first within
 * each. The request's side is read through the views {@code report_request} and
 * {@code report_request_rule} (V9, V15), the decision register directly.
 */
@Service
public class Precedents {

    /** Enough to see the line of earlier decisions; a form or a task does not need the whole register. */
    public static final int MAXIMUM = 50;

    private final JdbcClient jdbc;
    private final ReferenceData referenceData;

    Precedents(JdbcClient jdbc, ReferenceData referenceData) {
        this.jdbc = jdbc;
        this.referenceData = referenceData;
    }

    /**
     * The precedents for a rule (catalogue id) and article (as written, or null), leaving out the
     * request asking (null when it is still a draft).
     */
    public List<Precedent> on(String nationalRule, String article, UUID askingRequest) {
        if (nationalRule == null) {
            return List.of();
        }
        String articleKey = NationalRules.articleKey(article);
        List<Object> params = new ArrayList<>(List.of(nationalRule));
        if (askingRequest != null) {
            params.add(askingRequest);
        }
        return jdbc.sql("""
                        SELECT r.reference, r.municipality_code, r.focus_area_code, rr.rule_article,
                               d.outcome, d.instrument, d.conditions, d.rationale, d.decided_at
                        FROM decision d
                        JOIN report_request_rule rr ON rr.request_id = d.request_id
                        JOIN report_request r ON r.id = d.request_id
                        WHERE rr.national_rule_id = ?""" + (askingRequest == null ? "" : " AND d.request_id <> ?")
                        + " ORDER BY d.decided_at DESC, r.reference DESC")
                .params(params)
                .query((rs, row) -> {
                    String earlierArticle = rs.getString("rule_article");
                    String outcome = rs.getString("outcome");
                    String instrument = rs.getString("instrument");
                    return new Precedent(rs.getString("reference"),
                            referenceData.municipality(rs.getString("municipality_code")).map(m -> m.name())
                                    .orElse(rs.getString("municipality_code")),
                            referenceData.focusArea(rs.getString("focus_area_code")).map(f -> f.name())
                                    .orElse(rs.getString("focus_area_code")),
                            earlierArticle, articleKey != null && articleKey.equals(earlierArticle),
                            rs.getObject("decided_at", OffsetDateTime.class).atZoneSameInstant(CaseClock.DUTCH_TIME)
                                    .toLocalDate(),
                            outcome, Vocabulary.labelOf(DecisionOutcome.class, outcome), instrument,
                            Instruments.label(instrument), rs.getString("conditions"), rs.getString("rationale"));
                })
                .list().stream()
                // stable: newest first stays within the same article and within the rest
                .sorted(Comparator.comparing(precedent -> !precedent.sameArticle()))
                .limit(MAXIMUM)
                .toList();
    }
}
