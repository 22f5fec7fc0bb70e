package org.clinicaloutcomes.batch;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.clinicaloutcomes.report.OutputLock;

/**
 * The operating-system locks a running job holds: its output folder (taken before the job starts
 * when the folder is given, or as soon as the default folder is known, after ingest decides the
 * report month) and its staging folder (so that a restart can tell a killed run from a running
 * one). All are released when the job has ended; the operating system releases them if the
 * process is killed.
 */
public class OutputLocks {

    private final Map<Path, OutputLock> held = new LinkedHashMap<>();

    /** Takes the lock of a folder, unless this run holds it already. */
    public synchronized void acquire(Path folder) throws OutputLock.OutputBusyException {
        Path key = folder.toAbsolutePath().normalize();
        if (!held.containsKey(key)) {
            held.put(key, OutputLock.acquire(key));
        }
    }

    public synchronized void releaseAll() {
        held.values().forEach(OutputLock::close);
        held.clear();
    }

    /** The output folder is being written by another run; the job ends and the user is told. */
    public static final class OutputBusy extends RunRefused {
        OutputBusy(String message) {
            super(message);
        }
    }
}
