package nl.doorbraak.security;

import java.util.ArrayList;
import java.util.List;

import nl.doorbraak.reference.Ministry;
import nl.doorbraak.reference.Municipality;
import nl.doorbraak.reference.ReferenceData;
import org.springframework.stereotype.Component;

/** The human groups of the programme, derived from the reference data, with their Dutch names. */
@Component
public class ProgrammeGroups {

    /** A group to create: id, Dutch name, and Camunda group type. */
    public record ProgrammeGroup(String id, String name, String type) {
    }

    private final ReferenceData referenceData;

    ProgrammeGroups(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    public List<ProgrammeGroup> all() {
        List<ProgrammeGroup> groups = new ArrayList<>();
        for (Municipality municipality : referenceData.municipalities()) {
            groups.add(new ProgrammeGroup(Groups.municipality(municipality.code()),
                    "Gemeente " + municipality.name(), "municipality"));
        }
        for (Ministry ministry : referenceData.ministries()) {
            groups.add(new ProgrammeGroup(Groups.ministry(ministry.code()),
                    "Beoordelaars " + ministry.abbreviation(), "ministry"));
            groups.add(new ProgrammeGroup(Groups.ministryLead(ministry.code()),
                    "Leidinggevenden " + ministry.abbreviation(), "ministry"));
        }
        groups.add(new ProgrammeGroup(Groups.PROGRAMME_OFFICE, "Programmabureau NPLV", "programme"));
        groups.add(new ProgrammeGroup(Groups.PROGRAMME_DIRECTOR, "Programmadirecteur NPLV", "programme"));
        groups.add(new ProgrammeGroup(Groups.AUDITOR, "Auditors", "audit"));
        return groups;
    }
}
