package nl.doorbraak.request;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.doorbraak.platform.CaseClock;

/** The document table. */
@Repository
public class Documents {

    private static final String COLUMNS = """
            id, request_id, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at, removed_by,
            removed_at, kind""";

    private final JdbcClient jdbc;

    Documents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(DocumentRecord document, byte[] content) {
        jdbc.sql("""
                INSERT INTO document (id, request_id, file_name, media_type, size_bytes, sha256, content, uploaded_by,
                                      uploaded_at, kind)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(document.id(), document.requestId(), document.fileName(), document.mediaType(),
                        document.sizeBytes(), document.sha256(), content, document.uploadedBy(), document.uploadedAt(),
                        document.kind())
                .update();
    }

    /** The documents of a case that were not removed, oldest first. */
    public List<DocumentRecord> of(UUID requestId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document WHERE request_id = ? AND removed_at IS NULL"
                        + " ORDER BY uploaded_at, file_name")
                .param(requestId).query(DocumentRecord.class).list();
    }

    /** The documents of one kind of a case, oldest first; removed ones too, as they keep their number. */
    public List<DocumentRecord> ofKind(UUID requestId, String kind) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document WHERE request_id = ? AND kind = ?"
                        + " ORDER BY uploaded_at, file_name")
                .params(requestId, kind).query(DocumentRecord.class).list();
    }

    Optional<DocumentRecord> find(UUID requestId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document WHERE request_id = ? AND id = ? AND removed_at IS NULL")
                .params(requestId, id).query(DocumentRecord.class).optional();
    }

    byte[] content(UUID id) {
        return jdbc.sql("SELECT content FROM document WHERE id = ?").param(id).query(byte[].class).single();
    }

    /** Removes the content; the row stays, marked, so the removal remains visible. */
    void remove(UUID id, String removedBy) {
        jdbc.sql("UPDATE document SET content = NULL, removed_by = ?, removed_at = ? WHERE id = ?")
                .params(removedBy, CaseClock.now(), id).update();
    }
}
