package nl.doorbraak.report;

import java.util.HashMap;
import java.util.Map;

import nl.doorbraak.reference.FocusArea;
import nl.doorbraak.reference.Ministry;
import nl.doorbraak.reference.Municipality;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.reference.RuleDomain;

/** Dutch names of reference data, read once per report. */
final class ReportNames {

    private final Map<String, String> municipalities = new HashMap<>();
    private final Map<String, String> focusAreas = new HashMap<>();
    private final Map<String, String> ministries = new HashMap<>();
    private final Map<String, String> ruleDomains = new HashMap<>();

    ReportNames(ReferenceData referenceData) {
        referenceData.municipalities().forEach((Municipality m) -> municipalities.put(m.code(), m.name()));
        referenceData.focusAreas().forEach((FocusArea f) -> focusAreas.put(f.code(), f.name()));
        referenceData.ministries().forEach((Ministry m) -> ministries.put(m.code(), m.abbreviation()));
        referenceData.ruleDomains().forEach((RuleDomain d) -> ruleDomains.put(d.code(), d.name()));
    }

    String municipality(String code) {
        return municipalities.getOrDefault(code, code);
    }

    String focusArea(String code) {
        return focusAreas.getOrDefault(code, code);
    }

    String ministry(String code) {
        return ministries.getOrDefault(code, code);
    }

    String ruleDomain(String code) {
        return ruleDomains.getOrDefault(code, code);
    }
}
