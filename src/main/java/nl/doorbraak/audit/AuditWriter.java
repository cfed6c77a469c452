package nl.doorbraak.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.doorbraak.security.UserDirectory;

/**
 * Appends entries in the transaction that causes them. Entries are collected during the
 * transaction and written just before it commits: per chain, the head row is locked (chains in
 * sorted order, so two transactions never wait for each other in a circle), the entries are
 * linked and hashed, and the head moves on. A rolled-back transaction leaves no entry.
 */
@Component
class AuditWriter {

    static final String APPLICATION = "doorbraak";
    private static final Object BUFFER_KEY = new Object();
    private static final int CACHE_SIZE = 10_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final ObjectProvider<HistoryService> historyService;
    private final ObjectProvider<UserDirectory> users;
    private final TransactionTemplate newTransaction;
    private final Map<String, String> caseOfProcess = lruCache();
    private final Map<String, String> displayNames = lruCache();

    AuditWriter(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ObjectProvider<HistoryService> historyService,
                ObjectProvider<UserDirectory> users, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.historyService = historyService;
        this.users = users;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void append(AuditDraft draft) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            newTransaction.executeWithoutResult(status -> write(List.of(draft), newTraceId()));
            return;
        }
        Buffer buffer = (Buffer) TransactionSynchronizationManager.getResource(BUFFER_KEY);
        if (buffer == null || !TransactionSynchronizationManager.getSynchronizations().contains(buffer)) {
            // none yet, or the one bound belongs to a transaction suspended for this new one
            // (REQUIRES_NEW suspends synchronizations but not resources bound under our own key)
            Buffer outer = buffer;
            if (outer != null) {
                TransactionSynchronizationManager.unbindResource(BUFFER_KEY);
            }
            buffer = new Buffer(outer);
            TransactionSynchronizationManager.bindResource(BUFFER_KEY, buffer);
            TransactionSynchronizationManager.registerSynchronization(buffer);
        }
        buffer.drafts.add(draft);
    }

    /** Remembers which case a process belongs to as soon as its business key is known. */
    void caseOfProcess(String rootProcessInstanceId, String reference) {
        if (rootProcessInstanceId != null && reference != null) {
            caseOfProcess.put(rootProcessInstanceId, reference);
        }
    }

    /** What is collected in one transaction. */
    private final class Buffer implements TransactionSynchronization {
        private final List<AuditDraft> drafts = new ArrayList<>();
        /** The buffer of the suspended transaction this one's transaction runs inside, if any. */
        private final Buffer outer;

        Buffer(Buffer outer) {
            this.outer = outer;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            // writing may itself produce drafts (none today); write until nothing is left
            while (!drafts.isEmpty()) {
                List<AuditDraft> batch = new ArrayList<>(drafts);
                drafts.clear();
                write(batch, newTraceId());
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(BUFFER_KEY);
            if (outer != null) {
                // the suspended transaction is resumed next and collects into its own buffer again
                TransactionSynchronizationManager.bindResource(BUFFER_KEY, outer);
            }
        }

        @Override
        public int getOrder() {
            return LOWEST_PRECEDENCE; // after other before-commit work that may still append
        }
    }

    private void write(List<AuditDraft> drafts, String traceId) {
        Map<String, List<AuditDraft>> byChain = new TreeMap<>();
        for (AuditDraft draft : drafts) {
            byChain.computeIfAbsent(chainOf(draft), chain -> new ArrayList<>()).add(draft);
        }
        byChain.forEach((chain, entries) -> writeChain(chain, entries, traceId));
    }

    private void writeChain(String chain, List<AuditDraft> drafts, String traceId) {
        Head head = lockHead(chain);
        long sequence = head.sequence();
        String previous = head.hash();
        List<Object[]> rows = new ArrayList<>(drafts.size());
        for (AuditDraft draft : drafts) {
            sequence++;
            Instant occurred = AuditHashes.truncate(draft.occurredAt() == null ? Instant.now() : draft.occurredAt());
            AuditEntry entry = new AuditEntry(0, chain, sequence, occurred, draft.source(), APPLICATION,
                    truncate(draft.userId(), 64), truncate(displayName(draft.userId()), 520), draft.action(),
                    truncate(draft.actionDisplay(), 200), draft.result(),
                    draft.resourceType(), truncate(draft.resourceId(), 200), truncate(draft.resourceDisplay(), 500),
                    draft.explanation(), draft.changes(), traceId, previous, null);
            String hash = AuditHashes.hash(entry);
            rows.add(row(entry, hash));
            previous = hash;
        }
        // one round trip for the whole chain's entries of this transaction
        jdbcTemplate.batchUpdate(INSERT, rows);
        jdbc.sql("UPDATE audit_chain_head SET sequence = ?, hash = ?, updated_at = ? WHERE chain = ?")
                .params(sequence, previous, OffsetDateTime.now(ZoneOffset.UTC), chain).update();
    }

    private static final String INSERT = """
            INSERT INTO audit_event (chain, sequence, occurred_at, source, application, user_id, user_display, action,
                                     action_display, result, resource_type, resource_id, resource_display,
                                     explanation, changes, trace_id, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static Object[] row(AuditEntry entry, String hash) {
        return new Object[] {entry.chain(), entry.sequence(), entry.occurredAt().atOffset(ZoneOffset.UTC),
                entry.source(), entry.application(), entry.userId(), entry.userDisplay(), entry.action(),
                entry.actionDisplay(), entry.result(), entry.resourceType(), entry.resourceId(),
                entry.resourceDisplay(), entry.explanation(), entry.changes(), entry.traceId(), entry.prevHash(), hash};
    }

    /** The chain's head, locked until the transaction ends; a new chain starts at the genesis hash. */
    private Head lockHead(String chain) {
        List<Head> heads = jdbc.sql("SELECT sequence, hash FROM audit_chain_head WHERE chain = ? FOR UPDATE")
                .param(chain).query(Head.class).list();
        if (!heads.isEmpty()) {
            return heads.get(0);
        }
        // only the transaction that creates a case knows its reference, so no one else creates this head now
        jdbc.sql("INSERT INTO audit_chain_head (chain, sequence, hash, updated_at) VALUES (?, 0, ?, ?)")
                .params(chain, AuditHashes.GENESIS, OffsetDateTime.now(ZoneOffset.UTC)).update();
        return new Head(0, AuditHashes.GENESIS);
    }

    private record Head(long sequence, String hash) {
    }

    private String chainOf(AuditDraft draft) {
        if (draft.chain() != null) {
            return draft.chain();
        }
        String root = draft.rootProcessInstanceId();
        if (root == null) {
            return AuditTrail.SYSTEM;
        }
        String reference = caseOfProcess.get(root);
        if (reference == null) {
            HistoricProcessInstance instance = historyService.getObject().createHistoricProcessInstanceQuery()
                    .processInstanceId(root).singleResult();
            reference = instance == null ? null : instance.getBusinessKey();
            caseOfProcess(root, reference);
        }
        return reference != null ? reference : "process-" + root;
    }

    private String displayName(String userId) {
        if (userId == null) {
            return null;
        }
        return displayNames.computeIfAbsent(userId, id -> users.getObject().displayName(id).orElse(id));
    }

    private static String newTraceId() {
        String fromRequest = MDC.get(TraceIds.MDC_KEY);
        return fromRequest != null ? fromRequest : UUID.randomUUID().toString();
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private static <K, V> Map<K, V> lruCache() {
        return Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > CACHE_SIZE;
            }
        });
    }
}
