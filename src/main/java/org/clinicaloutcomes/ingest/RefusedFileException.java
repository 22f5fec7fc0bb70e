package org.clinicaloutcomes.ingest;

/**
 * An input or configuration file the run refuses as a whole (DATA.md, "Files"). The message is
 * shown to the user as it is: it names the file and the problem and never holds a cell value.
 */
public class RefusedFileException extends Exception {
    public RefusedFileException(String message) {
        super(message, null, false, false);
    }
}
