package nl.doorbraak.audit;

import org.springframework.stereotype.Service;

/** Where the application records what it does: {@code audit.about("NPLV-2026-00042")...record()}. */
@Service
public class AuditTrail {

    /** The chain of entries that belong to no case: refused attempts, identities, deployments. */
    public static final String SYSTEM = "system";

    private final AuditWriter writer;

    AuditTrail(AuditWriter writer) {
        this.writer = writer;
    }

    /** An entry on the chain of a case, by its reference. */
    public AuditRecord about(String reference) {
        return new AuditRecord(writer, reference);
    }

    /** An entry on the system chain. */
    public AuditRecord system() {
        return new AuditRecord(writer, SYSTEM);
    }
}
