package nl.doorbraak.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Hashes a batch of entries on a thread of its own while the next batch is read: reading
 * (the database, the driver) and hashing take about as long as each other, and one after the
 * other they kept one of two cores idle. Entries are still checked one by one, in order, each
 * with the result of its own hash; at most three batches are held at a time.
 */
final class BatchHashing implements AutoCloseable {
    private static final int BATCH = 1_000;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final BiConsumer<AuditVerifier.Row, Boolean> checked;
    private final EntryText text = new EntryText(); // only ever used on the hashing thread
    private final ExecutorService hasher = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "audit-verification-hashing-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private List<AuditVerifier.Row> reading = new ArrayList<>(BATCH);
    private List<AuditVerifier.Row> hashing;
    private Future<boolean[]> hashed;

    BatchHashing(BiConsumer<AuditVerifier.Row, Boolean> checked) {
        this.checked = checked;
    }

    void add(AuditVerifier.Row row) {
        reading.add(row);
        if (reading.size() == BATCH) {
            handOver();
        }
    }

    void finish() {
        handOver();
        checkHashed();
    }

    private void handOver() {
        checkHashed();
        List<AuditVerifier.Row> batch = reading;
        hashing = batch;
        hashed = hasher.submit(() -> {
            boolean[] matches = new boolean[batch.size()];
            for (int i = 0; i < matches.length; i++) {
                matches[i] = text.hashMatches(batch.get(i).entry());
            }
            return matches;
        });
        reading = new ArrayList<>(BATCH);
    }

    private void checkHashed() {
        if (hashed == null) {
            return;
        }
        boolean[] matches;
        try {
            matches = hashed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Verification interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("Hashing failed", e.getCause());
        }
        for (int i = 0; i < matches.length; i++) {
            checked.accept(hashing.get(i), matches[i]);
        }
        hashed = null;
    }

    @Override
    public void close() {
        hasher.shutdownNow();
    }
}
