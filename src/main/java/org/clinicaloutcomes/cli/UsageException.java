package org.clinicaloutcomes.cli;

/**
 * The command line (or a {@code --job} file) is wrong. The message is one line, meant for the user
 * as it is (print it to stderr and exit with code 2); it names the problem and, where useful, the
 * value given. The exception carries no stack trace.
 */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(oneLine(message), null, false, false);
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "bad arguments (see --help)";
        }
        return message.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
