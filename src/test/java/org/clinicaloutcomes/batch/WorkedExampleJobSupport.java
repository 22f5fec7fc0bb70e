package org.clinicaloutcomes.batch;

import java.nio.file.Path;

import org.clinicaloutcomes.ClinicalOutcomesApplication;
import org.clinicaloutcomes.SharedFiles;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The set-up the job functional tests share: a whole job run on the worked example of the
 * contract (shared/spec/example), with the real readers, the real HSQLDB job repository (in
 * memory) and real files, writing its report below a fresh folder per test.
 */
@SpringBatchTest
@SpringBootTest(classes = ClinicalOutcomesApplication.class)
abstract class WorkedExampleJobSupport {

    static final Path EXAMPLE_INPUT = SharedFiles.ROOT.resolve("spec").resolve("example").resolve("input");

    @TempDir
    Path output;

    @Autowired
    JobOperatorTestUtils jobOperatorTestUtils;

    @Autowired
    JdbcTemplate jdbc;

    /**
     * The properties of one test class's context: its own in-memory database and its own state
     * folder. Each class calls this from its own {@code @DynamicPropertySource} method with its
     * own static {@code @TempDir}, so that each class keeps a context (and a job repository) of
     * its own.
     */
    static void jobProperties(DynamicPropertyRegistry registry, String database, Path stateDir) {
        registry.add("spring.datasource.url", () -> "jdbc:hsqldb:mem:" + database + ";hsqldb.tx=mvcc");
        registry.add("clinical-outcomes.state-dir", stateDir::toString);
    }
}
