package org.clinicaloutcomes.batch;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.clinicaloutcomes.report.OutputLock;
import org.clinicaloutcomes.report.ReportFolder;

/**
 * The operating-system locks a running job holds on its output folder: taken before the job
 * starts when the folder is given, or as soon as the default folder is known, after ingest
 * decides the report month. All are released when the job has ended; the operating system
 * releases them if the process is killed.
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

    /**
     * Takes the lock of an output folder and then, holding it, puts right what a killed
     * publication left beside the folder (ReportFolder#recoverInterrupted).
     */
    public synchronized void acquireOutput(Path output, String runId) throws OutputLock.OutputBusyException {
        acquire(output);
        ReportFolder.recoverInterrupted(output, runId);
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
