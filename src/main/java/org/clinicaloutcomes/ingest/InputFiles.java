package org.clinicaloutcomes.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.clinicaloutcomes.metrics.Instrument;

/** The header checks of both input files, shared by the pre-flight check and the steps. */
public final class InputFiles {

    private InputFiles() {
    }

    public static HeaderLayout intakeLayout(Path file) throws RefusedFileException {
        return layout(file, IntakeRowValidator.COLUMNS, IntakeRowValidator.REQUIRED, List.of());
    }

    public static HeaderLayout sessionsLayout(Path file, List<Instrument> instruments) throws RefusedFileException {
        return layout(file, SessionRowValidator.knownColumns(instruments), SessionRowValidator.REQUIRED,
                SessionRowValidator.ITEM_COLUMNS);
    }

    private static HeaderLayout layout(Path file, List<String> known, List<String> required, List<String> items)
            throws RefusedFileException {
        String name = file.getFileName().toString();
        try (CsvRecordSource source = new CsvRecordSource(file)) {
            return HeaderLayout.of(name, source.header(), known, required, items);
        } catch (IOException e) {
            throw new RefusedFileException(name + " cannot be read: " + e.getClass().getSimpleName());
        }
    }
}
