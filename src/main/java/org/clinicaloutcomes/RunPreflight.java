package org.clinicaloutcomes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.clinicaloutcomes.batch.RunParameters;
import org.clinicaloutcomes.cli.RunSettings;
import org.clinicaloutcomes.config.ApproachCatalog;
import org.clinicaloutcomes.config.InstrumentCatalog;
import org.clinicaloutcomes.ingest.ExportMapping;
import org.clinicaloutcomes.ingest.ExportLayout;
import org.clinicaloutcomes.ingest.HeaderLayout;
import org.clinicaloutcomes.ingest.InputFileKind;
import org.clinicaloutcomes.ingest.InputFiles;
import org.clinicaloutcomes.ingest.InputFingerprint;
import org.clinicaloutcomes.ingest.RefusedFileException;
import org.clinicaloutcomes.ingest.SessionSpill;
import org.clinicaloutcomes.metrics.significance.SignificanceMethod;
import org.clinicaloutcomes.report.OutputLock;
import org.clinicaloutcomes.report.ReportFolder;

/**
 * Everything that can refuse a run (exit code 2) is checked here, before the job starts and
 * before anything is written: the input folder, the instrument file, the settings that depend on
 * it, and the two input files as wholes (DATA.md, "Files"), or the one export file of a long or
 * wide layout (RESEARCH.md).
 */
final class RunPreflight {

    /** A run that passed the checks: its parameters and the warnings found on the way. */
    /**
     * A run that passed the checks; {@code jobRepository} is {@code --job-repository}'s URL or null (embedded),
     * {@code workDir} {@code --work-dir} or null (the state folder's).
     */
    record Checked(RunParameters parameters, List<String> warnings, boolean restart, String jobRepository, Path workDir) {
    }

    private RunPreflight() {
    }

    static Checked check(RunSettings settings, String commandLine, LocalDate today, String runId)
            throws RefusedFileException {
        if (settings.month() != null && !settings.month().isBefore(YearMonth.from(today))) {
            // REPORTS.md: a report covers complete months.
            throw new RefusedFileException("--month=" + settings.month() + " has not ended yet (today is " + today
                    + "); a report covers a complete month: give " + YearMonth.from(today).minusMonths(1) + " or earlier");
        }
        ExportMapping export = absolute(settings.export());
        Path input = settings.input().toAbsolutePath().normalize();
        if (export.layout().byWave()) {
            // RESEARCH.md: a long or wide export is one file, named by the job file's file key.
            if (!Files.exists(export.file())) {
                throw new RefusedFileException("export file " + settings.export().file() + " does not exist");
            }
            if (!Files.isRegularFile(export.file())) {
                throw new RefusedFileException("export file " + settings.export().file() + " is not a regular file");
            }
        } else if (!Files.isDirectory(input)) {
            throw new RefusedFileException("input folder " + settings.input() + " does not exist");
        }
        Path instrumentsFile = settings.instruments() == null ? null : settings.instruments().toAbsolutePath().normalize();
        InstrumentCatalog instruments = instrumentsFile == null ? InstrumentCatalog.bundled()
                : InstrumentCatalog.load(instrumentsFile);
        if (instruments.instruments().size() > SessionSpill.MAX_INSTRUMENTS) {
            throw new RefusedFileException(instruments.source() + " defines more than "
                    + SessionSpill.MAX_INSTRUMENTS + " instruments");
        }
        String primary = settings.primaryInstrument() != null ? settings.primaryInstrument()
                : defaultPrimary(instruments);
        if (instruments.find(primary).isEmpty()) {
            throw new RefusedFileException("primary instrument '" + primary + "' is not in " + instruments.source());
        }
        // A researcher's export without configured approaches reports those it names (RESEARCH.md):
        // none here, the intake step finds them.
        List<String> approaches = settings.approaches() != null ? settings.approaches()
                : export.layout().byWave() ? List.of() : ApproachCatalog.DEFAULT_APPROACHES;
        if (approaches.stream().anyMatch(a -> a.equalsIgnoreCase("ALL"))) {
            throw new RefusedFileException("ALL cannot be an approach: it names the row of all approaches together");
        }
        // SIGNIFICANCE.md, section 11: JT unless the run names its methods; the monthly job computes none.
        List<SignificanceMethod> significance = settings.significance() != null ? settings.significance()
                : RunSettings.defaultSignificance(settings.job());
        List<String> warnings = new ArrayList<>();
        InputFingerprint intake;
        InputFingerprint sessions;
        if (export.layout().byWave()) {
            // One file, read twice by the steps: its fingerprint stands for both. Its header is
            // checked against the mapping by the steps that read it.
            intake = InputFingerprint.of(export.file(), export.encoding());
            sessions = intake;
            warnings.addAll(ExportLayout.read(export, instruments.instruments()).warnings());
        } else {
            Path intakeFile = input.resolve(InputFileKind.INTAKE.fileName());
            Path sessionsFile = input.resolve(InputFileKind.SESSIONS.fileName());
            // The sessions file is much the larger: its SHA-256 is worked out on a thread of its own
            // while this one checks the intake file and then the sessions file's encoding. A problem
            // with intake.csv is still the one reported when both files have one.
            InputFingerprint.Pending sessionsCheck = InputFingerprint.start(sessionsFile);
            try {
                intake = InputFingerprint.of(intakeFile);
            } catch (RefusedFileException | RuntimeException e) {
                sessionsCheck.cancel();
                throw e;
            }
            sessions = sessionsCheck.finish();
            HeaderLayout intakeLayout = InputFiles.intakeLayout(intakeFile);
            HeaderLayout sessionsLayout = InputFiles.sessionsLayout(sessionsFile, instruments.instruments());
            for (HeaderLayout layout : List.of(intakeLayout, sessionsLayout)) {
                for (String column : layout.unknownColumns()) {
                    warnings.add(layout.fileName() + ": unknown column '" + column + "' ignored");
                }
            }
        }
        Path output = settings.output() == null ? null : settings.output().toAbsolutePath().normalize();
        if (output != null) {
            String refusal = ReportFolder.refusalToReplace(output, input);
            if (refusal != null) {
                throw new RefusedFileException(refusal);
            }
            refuseIfBusy(output);
        }
        RunParameters parameters = new RunParameters(settings.job(), input, output, settings.month(),
                settings.windowMonths(), settings.monitoring(), settings.from(), settings.to(), instrumentsFile,
                sha256(instruments.text()),
                approaches, primary, settings.suppression(), settings.maxRejectPct(), settings.quiet(), runId, intake.sha256(),
                sessions.sha256(), today, commandLine, export, significance, settings.partitions(),
                settings.remoteWorkers());
        return new Checked(parameters, warnings, settings.restart(), settings.jobRepository(), settings.workDir());
    }

    /**
     * The primary instrument when none is given (RESEARCH.md): the PCL-5 when it is configured,
     * else the first instrument of the instrument file.
     */
    private static String defaultPrimary(InstrumentCatalog instruments) {
        if (instruments.find(RunSettings.DEFAULT_PRIMARY_INSTRUMENT).isPresent() || instruments.instruments().isEmpty()) {
            return RunSettings.DEFAULT_PRIMARY_INSTRUMENT;
        }
        return instruments.instruments().get(0).key();
    }

    /** The mapping with its export file absolute and normalised, as the input folder is. */
    private static ExportMapping absolute(ExportMapping export) {
        if (export.file() == null) {
            return export;
        }
        return new ExportMapping(export.layout(), export.file().toAbsolutePath().normalize(), export.columns(),
                export.codes(), export.waves(), export.waveColumns(), export.baselineWave(), export.finalWave(),
                export.randomised(), export.approach(), export.missing(), export.delimiter(), export.encoding());
    }

    /**
     * A run already writing the output folder refuses this one at once, before anything starts
     * (the job takes the lock itself later). Only an existing lock file can be held, so a folder
     * never written to is not looked at, and nothing is written here.
     */
    private static void refuseIfBusy(Path output) throws RefusedFileException {
        if (!Files.exists(OutputLock.lockFile(output))) {
            return;
        }
        try (OutputLock probe = OutputLock.acquire(output)) {
            // Free: the job takes it for good once it starts.
        } catch (OutputLock.OutputBusyException e) {
            throw new RefusedFileException(e.getMessage());
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
