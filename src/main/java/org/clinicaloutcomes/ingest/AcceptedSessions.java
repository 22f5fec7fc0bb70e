package org.clinicaloutcomes.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.IntFunction;

/**
 * Walks the accepted episodes of one analysis partition in index order with their accepted
 * sessions in score order, reading the partition's deduplicated staging files one record at a time
 * (each file holds whole episodes of one index range, sorted by episode: batch/StagingLayout).
 *
 * <p>The files are read and decoded on a second thread, a block of records ahead of the visitor,
 * which runs on the calling thread and sees the episodes in the same order as a single thread
 * reading them would.
 */
public final class AcceptedSessions {

    private static final int BLOCK = 4096;

    /** Receives one episode and its sessions (the list is reused: copy what you keep). */
    public interface EpisodeVisitor {
        void visit(int episode, List<SessionRecord> sessions);
    }

    /** Decoded records of one partition (or a failure, or the end of all partitions). */
    private record Block(int partition, SessionRecord[] records, int size, RuntimeException failure) {
    }

    private static final Block END = new Block(-1, new SessionRecord[0], 0, null);

    private AcceptedSessions() {
    }

    /**
     * The episodes {@code episodes} (increasing indexes), each once, with their sessions from the
     * staged files {@code firstFile … firstFile + files − 1}, which hold the sessions of these
     * episodes and no other, in episode order (an analysis partition's files: issue 19).
     *
     * @throws IllegalStateException when a file holds a session of another episode or out of order
     */
    public static void forEachEpisode(int[] episodes, int firstFile, int files, IntFunction<Path> file,
                                      int instrumentCount, EpisodeVisitor visitor) {
        BlockingQueue<Block> blocks = new ArrayBlockingQueue<>(8);
        Thread reader = new Thread(() -> read(firstFile, files, file, instrumentCount, blocks), "sessions-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            List<SessionRecord> sessions = new ArrayList<>();
            int next = 0; // the position in episodes of the episode whose sessions are being collected
            Block block;
            while ((block = take(blocks)) != END) {
                if (block.failure() != null) {
                    throw block.failure();
                }
                for (int i = 0; i < block.size(); i++) {
                    SessionRecord record = block.records()[i];
                    while (next < episodes.length && episodes[next] < record.episode()) {
                        visitor.visit(episodes[next++], sessions.isEmpty() ? List.of() : sessions);
                        sessions.clear();
                    }
                    if (next == episodes.length || episodes[next] != record.episode()) {
                        throw new IllegalStateException("staged sessions out of episode order, or of another "
                                + "partition's episode, in staged file " + block.partition());
                    }
                    sessions.add(record);
                }
            }
            while (next < episodes.length) {
                visitor.visit(episodes[next++], sessions.isEmpty() ? List.of() : sessions);
                sessions.clear();
            }
        } finally {
            reader.interrupt();
        }
    }

    private static Block take(BlockingQueue<Block> blocks) {
        try {
            return blocks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the staged sessions", e);
        }
    }

    private static void read(int firstFile, int files, IntFunction<Path> partitionFile, int instrumentCount,
                             BlockingQueue<Block> blocks) {
        try {
            for (int p = firstFile; p < firstFile + files; p++) {
                Path file = partitionFile.apply(p);
                if (!Files.exists(file)) {
                    continue;
                }
                try (SessionSpill.Reader in = new SessionSpill.Reader(file, instrumentCount)) {
                    SessionRecord[] records = new SessionRecord[BLOCK];
                    int size = 0;
                    SessionRecord record;
                    while ((record = in.next()) != null) {
                        records[size++] = record;
                        if (size == BLOCK) {
                            blocks.put(new Block(p, records, size, null));
                            records = new SessionRecord[BLOCK];
                            size = 0;
                        }
                    }
                    if (size > 0) {
                        blocks.put(new Block(p, records, size, null));
                    }
                } catch (IOException e) {
                    blocks.put(new Block(p, null, 0, new UncheckedIOException("cannot read staged sessions " + file, e)));
                    return;
                } catch (RuntimeException e) {
                    blocks.put(new Block(p, null, 0, e));
                    return;
                }
            }
            blocks.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the visitor stopped
        }
    }
}
